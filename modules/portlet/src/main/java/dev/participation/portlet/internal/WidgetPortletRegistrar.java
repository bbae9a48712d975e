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
    private final HeaderResources headerResources = new HeaderResources();
    private final ZoneId portalZone;

    private final RegisteredPortlets<Widget, Bound> portlets = new RegisteredPortlets<>(
            bound -> PortletProperties.portletName(bound.type()), this::portlet, this::properties);
    private volatile AdapterSettings settings;

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
        settings = AdapterSettings.of(config);
        portlets.activate(bundleContext);
    }

    @Modified
    void modified(PortletAdapterConfiguration config) {
        settings = AdapterSettings.of(config);
        // Role names are read per request; the category is a service property to update.
        portlets.refreshProperties();
    }

    @Deactivate
    void deactivate() {
        portlets.deactivate();
    }

    @Reference(service = Widget.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedWidget", unbind = "removeWidget")
    void addWidget(ServiceReference<Widget> reference, Widget widget) {
        portlets.bind(reference, Bound.of(widget));
    }

    void updatedWidget(ServiceReference<Widget> reference, Widget widget) {
        // A changed ranking may decide which of two widgets with one key is the portlet.
        portlets.rebind(reference, r -> Bound.of(widget));
    }

    void removeWidget(ServiceReference<Widget> reference, Widget widget) {
        portlets.unbind(reference);
    }

    private Portlet portlet(ServiceReference<Widget> reference, Bound widget) {
        return new WidgetPortlet(widget.widget(), widget.type(), () -> settings.roles(), portalZone,
                BundleAssets.of(reference), form, PortletHead.of(headerResources, widget.type().key(), reference.getBundle()));
    }

    private java.util.Dictionary<String, Object> properties(Bound bound) {
        return PortletProperties.of(bound.type(), Messages.of(PortletProperties.DISPLAY_LOCALE,
                bound.widget().messages(PortletProperties.DISPLAY_LOCALE)), settings.category());
    }
}
