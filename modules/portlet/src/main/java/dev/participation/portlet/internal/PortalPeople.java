package dev.participation.portlet.internal;

import java.util.Map;
import java.util.Optional;

import javax.portlet.PortletRequest;

import dev.participation.api.widget.Person;

/**
 * The signed-in portal user as the widget SPI's {@link Person}: the portal's remote user (in
 * Liferay the numeric user id, which the audit log keeps), a name to greet them by, and the SPI
 * roles their portal roles map to.
 */
final class PortalPeople {

    /** The one name key Liferay's {@code UserInfoFactory} always fills. */
    static final String FULL_NAME = "user.name.full";

    private PortalPeople() {
    }

    /** The person, or empty for a guest. */
    static Optional<Person> of(PortletRequest request, RoleMapping roles) {
        String user = request.getRemoteUser();
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Person(user, displayName(request, user), roles.rolesOf(request::isUserInRole)));
    }

    /**
     * The name from the portal's standard user information: the full name Liferay guarantees,
     * else the given and family names another portal may give, else the remote user id (no way to
     * greet anyone, but never wrong).
     */
    static String displayName(PortletRequest request, String fallback) {
        if (request.getAttribute(PortletRequest.USER_INFO) instanceof Map<?, ?> info) {
            String full = text(info.get(FULL_NAME));
            if (!full.isEmpty()) {
                return full;
            }
            String given = (text(info.get("user.name.given")) + " " + text(info.get("user.name.family"))).trim();
            if (!given.isEmpty()) {
                return given;
            }
        }
        return fallback;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
