package dev.participation.events.api;

import java.time.Instant;

/**
 * A session as the public sees it: no online link, only whether it is online.
 *
 * @param placesLeft {@code 0} means "full - join the waiting list"
 */
public record PublicSession(long id, String label, Instant start, Instant end, String place, boolean online,
        int capacity, int placesLeft, int waiting) {
}
