package dev.participation.events.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One sitting of an event: a day, an evening, a residential centre's week. A session happens at a
 * {@code place} or through an {@code onlineLink} (or both, for a hybrid meeting). The online link is
 * for people with a place only: it is never in a {@link PublicSession}. Text not given is empty,
 * never null.
 *
 * @param label    what tells sessions apart, such as the centre's name; may be empty for the only session
 * @param capacity how many places it has
 */
public record SessionDetails(String label, Instant start, Instant end, int capacity, String place,
        String onlineLink) {

    public SessionDetails {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(onlineLink, "onlineLink");
    }

    public SessionDetails withCapacity(int newCapacity) {
        return new SessionDetails(label, start, end, newCapacity, place, onlineLink);
    }
}
