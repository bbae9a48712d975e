package dev.participation.groups.api.join;

/** How the group's team reaches the person who asked. */
public enum Reach {
    /** Their own email address. */
    EMAIL,
    /** Their own phone number. */
    PHONE,
    /** Through a named trusted adult, whose name and contact are enough (many young people in care have no email). */
    ADULT;

    /** The value a form sends and the database keeps. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<Reach> of(String code) {
        for (Reach r : values()) {
            if (r.code().equals(code)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
