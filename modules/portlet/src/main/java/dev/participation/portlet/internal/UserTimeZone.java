package dev.participation.portlet.internal;

import java.time.ZoneId;
import java.util.Optional;
import java.util.TimeZone;

import javax.portlet.PortletRequest;

/**
 * The portal user's own time zone, where the portal puts it on the request. javax.portlet 3.0 has
 * no time zone of its own; Liferay sets a request attribute holding its {@code ThemeDisplay},
 * whose public {@code getTimeZone()} is the signed-in user's zone (the site's default for a
 * guest). It is read by name so the adapter needs no Liferay class, and any other portal simply
 * leaves the attribute unset.
 */
final class UserTimeZone {

    /** Liferay's {@code WebKeys.THEME_DISPLAY}. */
    static final String THEME_DISPLAY = "LIFERAY_SHARED_THEME_DISPLAY";

    private UserTimeZone() {
    }

    static Optional<ZoneId> of(PortletRequest request) {
        Object display = request.getAttribute(THEME_DISPLAY);
        if (display == null) {
            return Optional.empty();
        }
        try {
            Object zone = display.getClass().getMethod("getTimeZone").invoke(display);
            return zone instanceof TimeZone timeZone ? Optional.of(timeZone.toZoneId()) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Another portal's object under the same name, or a Liferay that changed it: the
            // configured zone is still right for most people.
            return Optional.empty();
        }
    }
}
