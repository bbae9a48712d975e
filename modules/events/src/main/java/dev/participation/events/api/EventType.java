package dev.participation.events.api;

import java.util.Arrays;
import java.util.Optional;

/** What kind of event it is; visitors filter by it. */
public enum EventType {
    CONSULTATION("consultation"),
    FORUM("forum"),
    ACTIVITY_DAY("activity-day"),
    RESIDENTIAL("residential"),
    ONLINE_SESSION("online-session");

    private final String key;

    EventType(String key) {
        this.key = key;
    }

    /** The stable name in the database, addresses, forms and message keys ({@code events.type.<key>}). */
    public String key() {
        return key;
    }

    public static Optional<EventType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
