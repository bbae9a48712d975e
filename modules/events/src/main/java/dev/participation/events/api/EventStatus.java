package dev.participation.events.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an event is in its life. Only {@link #PUBLISHED} and {@link #CHANGED} events are shown to
 * the public and take sign-ups; {@link #CHANGED} tells people that the time or place moved since
 * they booked.
 */
public enum EventStatus {
    DRAFT("draft"),
    PUBLISHED("published"),
    CHANGED("changed"),
    CANCELLED("cancelled");

    private final String key;

    EventStatus(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Whether the public sees the event and may sign up (within its sign-up window). */
    public boolean isPublic() {
        return this == PUBLISHED || this == CHANGED;
    }

    public static Optional<EventStatus> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
