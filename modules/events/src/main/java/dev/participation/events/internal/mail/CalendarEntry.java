package dev.participation.events.internal.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * One session as a calendar entry (a VEVENT). It has no field for an online link: the files go to
 * people waiting and into the public feed, so the link cannot end up in one by mistake.
 *
 * @param uid       the same for a session in every file ever sent about it, so a later file updates
 *                  the entry a calendar program already holds
 * @param sequence  higher in every file that changes the session's time, place or status
 * @param location  where it happens, or the word for online
 * @param attendee  the mail address the file was sent to, or empty (in a feed)
 */
public record CalendarEntry(String uid, int sequence, Instant start, Instant end, String summary, String location,
        String description, boolean cancelled, String attendee) {

    public CalendarEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(attendee, "attendee");
    }
}
