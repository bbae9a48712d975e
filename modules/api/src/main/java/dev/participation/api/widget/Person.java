package dev.participation.api.widget;

import java.util.Objects;
import java.util.Set;

/**
 * The signed-in person a request is made for.
 *
 * @param id          stable account identifier (the sign-in name in the embedded portal, the
 *                    remote user in a Liferay portal)
 * @param displayName how to greet them and how the audit log names them
 * @param roles       their roles; see {@link Roles}
 */
public record Person(String id, String displayName, Set<String> roles) {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        // Administrators can do whatever editors and staff can.
        return roles.contains(role) || roles.contains(Roles.ADMIN);
    }
}
