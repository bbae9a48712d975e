package dev.participation.portlet.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private static final System.Logger LOG = System.getLogger(RoleMapping.class.getName());
    // Once per name: the mistake is in the configuration, not in each request.
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    RoleMapping {
        staff = Set.copyOf(staff);
        editor = Set.copyOf(editor);
        admin = Set.copyOf(admin);
    }

    static RoleMapping of(PortletAdapterConfiguration config) {
        return new RoleMapping(names(config.staffRoles()), names(config.editorRoles()), names(config.adminRoles()));
    }

    /**
     * The SPI roles of a person, asking the portal about each configured role name and no other.
     *
     * @param isUserInRole the portal's answer for one role name
     */
    Set<String> rolesOf(Predicate<String> isUserInRole) {
        Predicate<String> holds = name -> holds(isUserInRole, name);
        Set<String> roles = new LinkedHashSet<>();
        if (staff.stream().anyMatch(holds)) {
            roles.add(Roles.STAFF);
        }
        if (editor.stream().anyMatch(holds)) {
            roles.add(Roles.EDITOR);
        }
        if (admin.stream().anyMatch(holds)) {
            roles.add(Roles.ADMIN);
        }
        return roles;
    }

    /**
     * Liferay answers {@code isUserInRole} for regular roles only and throws for a site or
     * organization role's name. A mistaken name in the configuration must cost the person that
     * role, not the whole page, and must say which name to fix.
     */
    private static boolean holds(Predicate<String> isUserInRole, String name) {
        try {
            return isUserInRole.test(name);
        } catch (RuntimeException e) {
            if (REPORTED.add(name)) {
                LOG.log(System.Logger.Level.WARNING, "The portal cannot tell whether someone holds the role ''{0}'' ({1});"
                    + " configure regular roles only in dev.participation.portlet", name, e.toString());
            }
            return false;
        }
    }

    // Accept both a proper list and one comma-separated value: a Liferay .config file or a
    // hand-written configuration often holds "Participation Editor,Participation Manager" as one string.
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
