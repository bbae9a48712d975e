package dev.participation.events.api;

import java.util.Objects;

/**
 * A session as editors and staff see it, with how its places stand.
 *
 * @param placesTaken people holding a place, counting places offered and not yet taken up
 * @param waiting     people on the waiting list
 * @param sequence    its calendar entry's sequence: raised by one with each change of its time or
 *                    place and when its event is cancelled, as in every calendar file about it
 */
public record EventSession(long id, SessionDetails details, int placesTaken, int waiting, int sequence) {

    public EventSession {
        Objects.requireNonNull(details, "details");
    }

    /** A session whose time and place have never changed. */
    public EventSession(long id, SessionDetails details, int placesTaken, int waiting) {
        this(id, details, placesTaken, waiting, 0);
    }

    public int placesLeft() {
        return Math.max(0, details.capacity() - placesTaken);
    }

    /** What the public may see: everything but the online link. */
    public PublicSession publicView() {
        SessionDetails d = details;
        return new PublicSession(id, d.label(), d.start(), d.end(), d.place(), !d.onlineLink().isBlank(),
                d.capacity(), placesLeft(), waiting, sequence);
    }
}
