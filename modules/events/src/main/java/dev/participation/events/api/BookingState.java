package dev.participation.events.api;

import java.util.Arrays;
import java.util.Optional;

/** Where a booking stands. A booking's people are always in the same state together. */
public enum BookingState {
    /** They have places. */
    PLACE("place", true),
    /** Places are held for them until the offer ends; they count against the capacity meanwhile. */
    OFFERED("offered", true),
    /** On the waiting list, with a number. */
    WAITING("waiting", false),
    /** An offer ended without being taken up; the places went to the next on the list. */
    OFFER_LAPSED("offer-lapsed", false),
    CANCELLED("cancelled", false);

    private final String key;
    private final boolean holdsPlaces;

    BookingState(String key, boolean holdsPlaces) {
        this.key = key;
        this.holdsPlaces = holdsPlaces;
    }

    public String key() {
        return key;
    }

    /** Whether the booking's people count against the session's capacity. */
    public boolean holdsPlaces() {
        return holdsPlaces;
    }

    public static Optional<BookingState> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
