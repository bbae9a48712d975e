package dev.participation.events.api;

import java.time.Instant;
import java.util.Objects;

/**
 * How the holder of a booking with places joins its session online. Where the event holds the link
 * back until shortly before the start ({@link EventDetails#onlineLinkMinutesBefore}), {@code link}
 * is empty until {@code shownFrom}: the link itself is never handed out early, so no page or mail
 * built from this can show it too soon.
 *
 * @param link      the link to join, or empty until {@code shownFrom}
 * @param shownFrom from when the link is shown, or null where it is shown as soon as places are held
 */
public record OnlineJoining(String link, Instant shownFrom) {

    public OnlineJoining {
        Objects.requireNonNull(link, "link");
    }

    /** Whether the link is given now; otherwise {@code shownFrom} says when it will be. */
    public boolean shown() {
        return !link.isBlank();
    }
}
