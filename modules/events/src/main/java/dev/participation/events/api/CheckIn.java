package dev.participation.events.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One person who arrived at a session, as staff checked them in on the day.
 *
 * @param position the person's place in the booking's list of attendees, from 0
 * @param by       the account that checked them in
 */
public record CheckIn(long bookingId, int position, Instant at, String by) {

    public CheckIn {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
