package dev.participation.groups.api.join;

import java.util.Locale;
import java.util.Optional;

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
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Reach> of(String code) {
        for (Reach r : values()) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
