package dev.participation.portlet.internal;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetType;
import dev.participation.kit.i18n.Messages;

/**
 * Gives Liferay every widget portlet's title and description in each language the widget is
 * written in. Liferay looks them up as {@code javax.portlet.title.<portlet name>} and
 * {@code javax.portlet.description.<portlet name>} among the portal's language keys (for the widget
 * menu, the title bar, the permissions screens), which are the {@code ResourceBundle} services
 * with a {@code language.id} property: what Liferay's own language extender registers for a
 * bundle's {@code Language_xx.properties}. The widget's words stay in the widget's bundle; this
 * only lends them to the portal under the portlet's name.
 */
@Component(service = {})
public final class PortletTitles {

    static final String TITLE = "javax.portlet.title.";
    static final String DESCRIPTION = "javax.portlet.description.";
    /** Liferay's name for the language a bundle's keys are in; empty for the default file. */
    static final String LANGUAGE_ID = "language.id";

    private final BundleContext context;
    private final Map<ServiceReference<Widget>, List<ServiceRegistration<ResourceBundle>>> registered = new HashMap<>();

    @Activate
    public PortletTitles(BundleContext context) {
        this.context = context;
    }

    @Reference(service = Widget.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeWidget")
    void addWidget(ServiceReference<Widget> reference, Widget widget) {
        List<ServiceRegistration<ResourceBundle>> registrations = new ArrayList<>();
        WidgetType type = widget.type();
        for (String languageId : languageIds(reference.getBundle())) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(LANGUAGE_ID, languageId);
            registrations.add(context.registerService(ResourceBundle.class, keys(widget, type, languageId), properties));
        }
        synchronized (registered) {
            registered.put(reference, registrations);
        }
    }

    void removeWidget(ServiceReference<Widget> reference) {
        List<ServiceRegistration<ResourceBundle>> registrations;
        synchronized (registered) {
            registrations = registered.remove(reference);
        }
        if (registrations != null) {
            registrations.forEach(PortletTitles::unregister);
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (registered) {
            registered.values().forEach(list -> list.forEach(PortletTitles::unregister));
            registered.clear();
        }
    }

    /** The title and description of one widget's portlet in one language. */
    static ResourceBundle keys(Widget widget, WidgetType type, String languageId) {
        Locale locale = languageId.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(languageId.replace('_', '-'));
        Messages messages = Messages.of(locale, widget.messages(locale));
        String name = PortletProperties.portletName(type);
        return new Keys(Map.of(TITLE + name, messages.get(type.nameKey()),
                DESCRIPTION + name, messages.get(type.descriptionKey())));
    }

    /**
     * The languages the widget's bundle has words in, as Liferay names them: empty for
     * {@code Language.properties}, {@code cy} for {@code Language_cy.properties}.
     */
    static List<String> languageIds(Bundle bundle) {
        TreeSet<String> ids = new TreeSet<>();
        ids.add("");
        Enumeration<URL> files = bundle == null ? null : bundle.findEntries("/", "Language_*.properties", true);
        while (files != null && files.hasMoreElements()) {
            String path = files.nextElement().getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            ids.add(name.substring("Language_".length(), name.length() - ".properties".length()));
        }
        return List.copyOf(ids);
    }

    private static void unregister(ServiceRegistration<ResourceBundle> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework withdrew it already, as it does when this bundle stops.
        }
    }

    /** Fixed keys; Liferay copies them into its own map when a language is first used. */
    private static final class Keys extends ResourceBundle {
        private final Map<String, String> values;

        Keys(Map<String, String> values) {
            this.values = values;
        }

        @Override
        protected Object handleGetObject(String key) {
            return values.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(values.keySet());
        }
    }
}
