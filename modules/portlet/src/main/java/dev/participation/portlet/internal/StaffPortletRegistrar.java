package dev.participation.portlet.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffPage;
import dev.participation.kit.i18n.Messages;

/**
 * Turns every {@link StaffPage} service into a {@code javax.portlet.Portlet} service, so what
 * the embedded portal serves under {@code /intranet/<key>/} is, in Liferay, a portlet an
 * administrator places on a page of the staff intranet (under the same widget menu category as
 * the widgets). Posts go to the {@link StaffAction} services registered with the page's key
 * and the action's name, as in the embedded portal.
 *
 * <p>Not a control-panel application: in Liferay 7.4 those need a {@code PanelApp} component,
 * a Liferay class this adapter does without, and editors of a council's intranet already work
 * on its pages.
 */
@Component(configurationPid = "dev.participation.portlet", service = {})
public final class StaffPortletRegistrar {

    /** Lets the Liferay launch test or an operator find the portlet of a staff page. */
    static final String STAFF_PAGE_KEY = "dev.participation.staff.page";

    private final ZoneId portalZone;
    // Its own copy of what every participation portlet puts in the head: the same files under the same
    // names and versions as the widget portlets', so a page holding both loads them once.
    private final HeaderResources headerResources = new HeaderResources();
    private final Map<ActionName, StaffAction> actions = new ConcurrentHashMap<>();

    private final RegisteredPortlets<StaffPage, StaffPage> portlets = new RegisteredPortlets<>(
            StaffPortletRegistrar::portletName, this::portlet, this::properties);
    private volatile AdapterSettings settings;

    private record ActionName(String page, String action) {
    }

    /** @param clock the participation clock: its zone is the council's, for people whose own the portal does not say */
    @Activate
    public StaffPortletRegistrar(@Reference(name = "clock") Clock clock) {
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

    @Reference(service = StaffPage.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removePage")
    void addPage(ServiceReference<StaffPage> reference, StaffPage page) {
        portlets.bind(reference, page);
    }

    void removePage(ServiceReference<StaffPage> reference) {
        portlets.unbind(reference);
    }

    /** Registered as the embedded portal's registry reads them: {@code staff.page} and {@code staff.action}. */
    @Reference(service = StaffAction.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeAction")
    void addAction(StaffAction action, Map<String, Object> properties) {
        name(properties).ifPresent(name -> actions.put(name, action));
    }

    void removeAction(StaffAction action, Map<String, Object> properties) {
        name(properties).ifPresent(name -> actions.remove(name, action));
    }

    /** The action registered for a page's key and an action's name. */
    Optional<StaffAction> action(String page, String name) {
        return Optional.ofNullable(actions.get(new ActionName(page, name)));
    }

    private static Optional<ActionName> name(Map<String, Object> properties) {
        Object page = properties.get(StaffAction.PAGE);
        Object name = properties.get(StaffAction.NAME);
        return page == null || name == null ? Optional.empty()
                : Optional.of(new ActionName(page.toString(), name.toString()));
    }

    private Portlet portlet(ServiceReference<StaffPage> reference, StaffPage page) {
        return new StaffPortlet(page, this::action, () -> settings.roles(), portalZone, BundleAssets.of(reference),
                PortletHead.of(headerResources, "staff-" + page.key(), reference.getBundle()));
    }

    /** Word characters only, as Liferay needs; page keys are lower case letters, digits and dashes. */
    static String portletName(StaffPage page) {
        return "dev_participation_staff_" + page.key().replace('-', '_');
    }

    private Hashtable<String, Object> properties(StaffPage page) {
        Messages english = Messages.of(PortletProperties.DISPLAY_LOCALE, page.messages(PortletProperties.DISPLAY_LOCALE));
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("javax.portlet.name", portletName(page));
        p.put("javax.portlet.display-name", english.get(page.titleKey()));
        p.put("javax.portlet.version", "3.0");
        // View only: a staff page has no per-placement settings.
        p.put("javax.portlet.portlet-mode", "text/html;view");
        p.put("javax.portlet.security-role-ref", "power-user,user");
        p.put("com.liferay.portlet.display-category", settings.category());
        // One per page: two copies of the same screens on one page would share their render state.
        p.put("com.liferay.portlet.instanceable", "false");
        p.put("com.liferay.portlet.css-class-wrapper", "participation-staff participation-staff-" + page.key());
        p.put(STAFF_PAGE_KEY, page.key());
        return p;
    }
}
