package dev.participation.portlet.internal;

import java.time.Clock;
import java.time.ZoneId;

import javax.portlet.Portlet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
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
    private final ZoneId portalZone;

    // Guards everything below. DS may bind and unbind widgets on several threads at once; the
    // lock keeps the registry and the registered portlets in step.
    private final Object lock = new Object();
    private final RegisteredPortlets<Widget, Bound> portlets = new RegisteredPortlets<>(
            bound -> PortletProperties.portletName(bound.type()), this::portlet, this::properties);
    private BundleContext context;
    private String category;
    private volatile RoleMapping roles;

    /** A widget service and its type, read once when it was bound (the SPI promises it is constant). */
    private record Bound(Widget widget, WidgetType type) {
        static Bound of(Widget widget) {
            return new Bound(widget, widget.type());
        }
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
            portlets.reconcile(context);
        }
    }

    @Modified
    void modified(PortletAdapterConfiguration config) {
        synchronized (lock) {
            apply(config);
            // Role names are read per request; the category is a service property to update.
            portlets.refreshProperties();
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (lock) {
            portlets.unregisterAll();
            context = null;
        }
    }

    @Reference(service = Widget.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedWidget", unbind = "removeWidget")
    void addWidget(ServiceReference<Widget> reference, Widget widget) {
        synchronized (lock) {
            portlets.bind(reference, Bound.of(widget));
            portlets.reconcile(context);
        }
    }

    void updatedWidget(ServiceReference<Widget> reference, Widget widget) {
        synchronized (lock) {
            // A changed ranking may decide which of two widgets with one key is the portlet.
            portlets.rebind(reference, r -> Bound.of(widget));
            portlets.reconcile(context);
        }
    }

    void removeWidget(ServiceReference<Widget> reference, Widget widget) {
        synchronized (lock) {
            portlets.unbind(reference);
            portlets.reconcile(context);
        }
    }

    private void apply(PortletAdapterConfiguration config) {
        category = config.displayCategory() == null || config.displayCategory().isBlank()
                ? "category.participation" : config.displayCategory().trim();
        roles = RoleMapping.of(config);
    }

    private Portlet portlet(ServiceReference<Widget> reference, Bound widget) {
        return new WidgetPortlet(widget.widget(), widget.type(), () -> roles, portalZone, BundleAssets.of(reference), form);
    }

    private java.util.Dictionary<String, Object> properties(Bound bound) {
        return PortletProperties.of(bound.type(), Messages.of(PortletProperties.DISPLAY_LOCALE,
                bound.widget().messages(PortletProperties.DISPLAY_LOCALE)), category);
    }
}
