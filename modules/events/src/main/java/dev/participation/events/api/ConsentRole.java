package dev.participation.events.api;

import java.util.Arrays;
import java.util.Optional;

/** Who may give permission for a child to come. */
public enum ConsentRole {
    PARENT("parent"),
    /** A foster carer or residential carer with delegated authority. */
    CARER("carer"),
    /** A social worker or other worker with delegated authority. */
    WORKER("worker");

    private final String key;

    ConsentRole(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ConsentRole> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
