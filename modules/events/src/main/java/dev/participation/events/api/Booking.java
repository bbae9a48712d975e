package dev.participation.events.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A booking with the personal data it holds, for staff (every read is audit-logged) and for the
 * person holding its cancel link.
 *
 * @param waitingNumber its number on the waiting list when it joined, kept after promotion; null if
 *                      it never waited
 */
public record Booking(long id, long sessionId, BookingState state, Integer waitingNumber, Instant offerEnds,
        Booker booker, Contact contact, List<Attendee> attendees, Instant bookedAt, String bookedBy) {

    public Booking {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(booker, "booker");
        Objects.requireNonNull(contact, "contact");
        attendees = List.copyOf(attendees);
    }

    public int people() {
        return attendees.size();
    }
}
