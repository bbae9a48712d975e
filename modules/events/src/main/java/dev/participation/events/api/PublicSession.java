package dev.participation.events.api;

import java.time.Instant;

/**
 * A session as the public sees it: no online link, only whether it is online.
 *
 * @param placesLeft {@code 0} means "full - join the waiting list"
 * @param sequence   its calendar entry's sequence (see {@link EventSession#sequence}), so a feed
 *                   replaces an entry a calendar program holds when its time or place changed
 */
public record PublicSession(long id, String label, Instant start, Instant end, String place, boolean online,
        int capacity, int placesLeft, int waiting, int sequence) {

    /** A session whose time and place have never changed. */
    public PublicSession(long id, String label, Instant start, Instant end, String place, boolean online,
            int capacity, int placesLeft, int waiting) {
        this(id, label, start, end, place, online, capacity, placesLeft, waiting, 0);
    }
}
