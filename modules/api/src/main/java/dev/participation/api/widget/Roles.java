package dev.participation.api.widget;

import java.util.Set;

/** The roles every host maps its own users and groups onto. */
public final class Roles {

    /** Participation workers and managers: sign-ups, feedback, impact. */
    public static final String STAFF = "staff";
    /** Web editors: place and configure widgets, write and publish content. */
    public static final String EDITOR = "editor";
    /** System administrators: everything staff and editors can do, plus accounts and the audit log. */
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(STAFF, EDITOR, ADMIN);

    private Roles() {
    }
}
