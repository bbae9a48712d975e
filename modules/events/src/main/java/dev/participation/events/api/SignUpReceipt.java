package dev.participation.events.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What a person is told straight after signing up.
 *
 * @param waitingNumber the booking's number on the waiting list (1 for the first to join), or null
 * @param cancelToken   the secret for the cancel link, given once: only its hash is kept, so it is
 *                      null when the same form was sent again ({@code repeated})
 * @param repeated      whether this form had been sent before, and this is that first sign-up
 */
public record SignUpReceipt(long bookingId, long sessionId, BookingState state, Integer waitingNumber, int people,
        Instant offerEnds, String cancelToken, boolean repeated) {

    public SignUpReceipt {
        Objects.requireNonNull(state, "state");
    }
}
