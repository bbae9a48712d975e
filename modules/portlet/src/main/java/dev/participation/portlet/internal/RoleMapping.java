package dev.participation.portlet.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

import dev.participation.api.widget.Roles;

/**
 * Which portal role names stand for which of the widget SPI's {@link Roles}.
 *
 * @param staff  portal roles meaning {@link Roles#STAFF}
 * @param editor portal roles meaning {@link Roles#EDITOR}
 * @param admin  portal roles meaning {@link Roles#ADMIN}
 */
record RoleMapping(Set<String> staff, Set<String> editor, Set<String> admin) {

    RoleMapping {
        staff = Set.copyOf(staff);
        editor = Set.copyOf(editor);
        admin = Set.copyOf(admin);
    }

    static RoleMapping of(PortletAdapterConfiguration config) {
        return new RoleMapping(names(config.staffRoles()), names(config.editorRoles()), names(config.adminRoles()));
    }

    /**
     * The SPI roles of a person, asking the portal about each mapped role name.
     *
     * @param isUserInRole the portal's answer for one role name
     */
    Set<String> rolesOf(Predicate<String> isUserInRole) {
        Set<String> roles = new LinkedHashSet<>();
        if (staff.stream().anyMatch(isUserInRole)) {
            roles.add(Roles.STAFF);
        }
        if (editor.stream().anyMatch(isUserInRole)) {
            roles.add(Roles.EDITOR);
        }
        if (admin.stream().anyMatch(isUserInRole)) {
            roles.add(Roles.ADMIN);
        }
        return roles;
    }

    // Accept both a proper list and one comma-separated value: a Liferay .config file or a
    // hand-written configuration often holds "Participation Editor,Site Administrator" as one string.
    static Set<String> names(String[] values) {
        Set<String> names = new LinkedHashSet<>();
        if (values != null) {
            Arrays.stream(values).filter(v -> v != null)
                    .flatMap(v -> Arrays.stream(v.split(",")))
                    .map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(names::add);
        }
        return names;
    }
}
