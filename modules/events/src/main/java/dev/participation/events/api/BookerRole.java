package dev.participation.events.api;

import java.util.Arrays;
import java.util.Optional;

/** Who makes a booking: the person coming, or someone booking several young people at once. */
public enum BookerRole {
    SELF("self"),
    CARER("carer"),
    WORKER("worker"),
    /** A school; its booking counts as one organisation's. */
    SCHOOL("school");

    private final String key;

    BookerRole(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<BookerRole> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
