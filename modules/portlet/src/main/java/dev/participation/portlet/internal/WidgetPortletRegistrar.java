package dev.participation.portlet.internal;

import java.net.URL;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.portlet.Portlet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetType;
import dev.participation.kit.form.PreferenceForm;
import dev.participation.kit.i18n.Messages;

/**
 * Turns every {@link Widget} service into a {@code javax.portlet.Portlet} service that Liferay's
 * portlet tracker picks up, and withdraws it when the widget goes. Widgets come and go with their
 * bundles, so the portlets are registered by hand rather than declared as components.
 */
@Component(configurationPid = "dev.participation.portlet", service = {})
@Designate(ocd = PortletAdapterConfiguration.class)
public final class WidgetPortletRegistrar {

    private final PreferenceForm form = new PreferenceForm();
    private final HeaderResources headerResources = new HeaderResources();
    private final ZoneId portalZone;

    // Guards everything below. DS may bind and unbind widgets on several threads at once; the
    // lock keeps the registry and the registered portlets in step.
    private final Object lock = new Object();
    private final Map<ServiceReference<Widget>, Bound> widgets = new LinkedHashMap<>();
    private final Map<String, Registered> registered = new HashMap<>();
    private BundleContext context;
    private String category;
    private volatile RoleMapping roles;

    /** A widget service and its type, read once when it was bound (the SPI promises it is constant). */
    private record Bound(Widget widget, WidgetType type) {
        static Bound of(Widget widget) {
            return new Bound(widget, widget.type());
        }
    }

    /** A registered portlet and the widget service it was made for. */
    private record Registered(ServiceReference<Widget> widget, ServiceRegistration<Portlet> registration) {
    }

    /**
     * @param clock the participation clock: its zone ({@code dev.participation.clock}) is the one
     *              place the council's time zone is set, for people whose own the portal does not say
     */
    @Activate
    public WidgetPortletRegistrar(@Reference(name = "clock") Clock clock) {
        this.portalZone = clock.getZone();
    }

    @Activate
    void activate(BundleContext bundleContext, PortletAdapterConfiguration config) {
        synchronized (lock) {
            this.context = bundleContext;
            apply(config);
            reconcile();
        }
    }

    @Modified
    void modified(PortletAdapterConfiguration config) {
        synchronized (lock) {
            apply(config);
            // Role names are read per request; the category is a service property to update.
            registered.forEach((name, r) -> r.registration().setProperties(properties(widgets.get(r.widget()))));
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (lock) {
            registered.values().forEach(r -> unregister(r.registration()));
            registered.clear();
            context = null;
        }
    }

    @Reference(service = Widget.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedWidget", unbind = "removeWidget")
    void addWidget(ServiceReference<Widget> reference, Widget widget) {
        synchronized (lock) {
            widgets.put(reference, Bound.of(widget));
            reconcile();
        }
    }

    void updatedWidget(ServiceReference<Widget> reference, Widget widget) {
        synchronized (lock) {
            // A changed ranking may decide which of two widgets with one key is the portlet.
            widgets.computeIfAbsent(reference, r -> Bound.of(widget));
            reconcile();
        }
    }

    void removeWidget(ServiceReference<Widget> reference, Widget widget) {
        synchronized (lock) {
            widgets.remove(reference);
            reconcile();
        }
    }

    private void apply(PortletAdapterConfiguration config) {
        category = config.displayCategory() == null || config.displayCategory().isBlank()
                ? "category.participation" : config.displayCategory().trim();
        roles = RoleMapping.of(config);
    }

    /**
     * Makes the registered portlets match the widgets: one portlet per portlet name, made for the
     * best-ranked widget with that key (two versions of a widget bundle may overlap during an
     * update). Before activation there is no context to register with; activation reconciles.
     */
    private void reconcile() {
        if (context == null) {
            return;
        }
        Map<String, ServiceReference<Widget>> wanted = new HashMap<>();
        for (Map.Entry<ServiceReference<Widget>, Bound> e : widgets.entrySet()) {
            String name = PortletProperties.portletName(e.getValue().type());
            ServiceReference<Widget> best = wanted.get(name);
            if (best == null || e.getKey().compareTo(best) > 0) {
                wanted.put(name, e.getKey());
            }
        }
        for (String name : new ArrayList<>(registered.keySet())) {
            Registered r = registered.get(name);
            if (!r.widget().equals(wanted.get(name))) {
                registered.remove(name);
                unregister(r.registration());
            }
        }
        List<String> missing = new ArrayList<>(wanted.keySet());
        missing.removeAll(registered.keySet());
        for (String name : missing) {
            ServiceReference<Widget> reference = wanted.get(name);
            Bound widget = widgets.get(reference);
            WidgetPortlet portlet = new WidgetPortlet(widget.widget(), widget.type(), () -> roles, portalZone,
                    assets(reference), form, PortletHead.of(headerResources, widget.type().key(), reference.getBundle()));
            registered.put(name, new Registered(reference,
                    context.registerService(Portlet.class, portlet, properties(widget))));
        }
    }

    private java.util.Dictionary<String, Object> properties(Bound bound) {
        return PortletProperties.of(bound.type(), Messages.of(PortletProperties.DISPLAY_LOCALE,
                bound.widget().messages(PortletProperties.DISPLAY_LOCALE)), category);
    }

    /**
     * Files below {@code /assets/} of the bundle that registered the widget. {@code getEntry}
     * reads that bundle's own content only, never its imports or fragments' class path.
     */
    private static Function<String, URL> assets(ServiceReference<Widget> reference) {
        Bundle bundle = reference.getBundle();
        return path -> bundle == null ? null : bundle.getEntry("/assets/" + path);
    }

    private static void unregister(ServiceRegistration<Portlet> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework withdrew it already, as it does when this bundle stops.
        }
    }
}
