package dev.participation.portlet.internal;

import java.util.Hashtable;
import java.util.Locale;

import dev.participation.api.widget.WidgetType;
import dev.participation.kit.i18n.Messages;

/**
 * The service properties Liferay reads from a {@code javax.portlet.Portlet} service (the OSGi form of
 * {@code portlet.xml} and {@code liferay-portlet.xml}).
 */
final class PortletProperties {

    /** Lets an integration test or an operator find the portlet of a widget type. */
    static final String WIDGET_KEY = "dev.participation.widget.key";

    /**
     * Liferay's own mode for per-instance configuration. Liferay's portal context lists it among its
     * supported modes and renders a portlet in it only if the portlet declares it here; Liferay's
     * permission check for this mode is the CONFIGURATION action on the portlet.
     */
    static final String PORTLET_MODES = "text/html;view,config";

    private PortletProperties() {
    }

    /**
     * A Liferay portlet name: word characters only (Liferay builds {@code p_p_id}, the namespace
     * and CSS ids from it). Widget keys are lower case letters, digits and dashes, so replacing
     * dashes keeps names unique.
     */
    static String portletName(WidgetType type) {
        return "dev_participation_" + type.key().replace('-', '_');
    }

    /**
     * @param type      the widget type
     * @param english   the widget's messages in English, for the display name Liferay shows in
     *                  its widget menu and to administrators
     * @param category  the configured display category
     */
    static Hashtable<String, Object> of(WidgetType type, Messages english, String category) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("javax.portlet.name", portletName(type));
        p.put("javax.portlet.display-name", english.get(type.nameKey()));
        p.put("javax.portlet.version", "3.0");
        p.put("javax.portlet.portlet-mode", PORTLET_MODES);
        p.put("javax.portlet.security-role-ref", "power-user,user");
        p.put("com.liferay.portlet.display-category", category);
        p.put("com.liferay.portlet.instanceable", "true");
        // Carries the header phase's note that the head loads the widget's stylesheets into
        // the render phase, where the widget's own <link> is then left out.
        p.put("com.liferay.portlet.header-request-attribute-prefix", PortletHead.ATTRIBUTE_PREFIX);
        p.put("com.liferay.portlet.css-class-wrapper",
                HeaderResources.WRAPPER + " " + HeaderResources.WRAPPER + "-" + type.key());
        // No javax.portlet.resource-bundle: Liferay loads it through the bundle that registers the
        // portlet (this adapter), but the widget's Language.properties lives in the widget's
        // bundle. PortletTitles lends the widget's title to the portal's language keys instead,
        // and WidgetPortlet.getTitle sets it on every render.
        p.put(WIDGET_KEY, type.key());
        return p;
    }

    /** Locale of the display name: the portal's menus are keyed on it, whatever the server's locale. */
    static final Locale DISPLAY_LOCALE = Locale.ENGLISH;
}
