package dev.participation.events.internal.mail;

import java.time.Instant;
import java.util.Objects;

import dev.participation.events.api.BookingState;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.SessionDetails;

/**
 * What a notice about one booking says, read in the transaction that changes the booking, so the
 * mail describes exactly what was committed.
 *
 * @param sequence      the session's calendar sequence now
 * @param email         where the notice goes; never blank
 * @param greeting      who the mail greets: the person booked, their trusted adult, or the booker
 * @param state         the booking's state the notice is about (before a cancellation: the state it had)
 * @param waitingNumber its number on the waiting list, or null
 */
public record BookingFacts(long sessionId, int sequence, EventDetails event, SessionDetails session, String email,
        String greeting, int people, BookingState state, Integer waitingNumber, Instant offerEnds) {

    public BookingFacts {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(greeting, "greeting");
        Objects.requireNonNull(state, "state");
    }

    public BookingFacts inState(BookingState now, Instant newOfferEnds) {
        return new BookingFacts(sessionId, sequence, event, session, email, greeting, people, now, waitingNumber,
                newOfferEnds);
    }
}
