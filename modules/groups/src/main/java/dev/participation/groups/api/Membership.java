package dev.participation.groups.api;

import java.util.Arrays;
import java.util.Optional;

/** Whether a group takes new members now, puts them on a waiting list, or takes none. */
public enum Membership {
    OPEN("open"),
    WAITING_LIST("waiting-list"),
    CLOSED("closed");

    private final String key;

    Membership(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Membership> fromKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
