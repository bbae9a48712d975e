package dev.participation.events.internal.json;

import java.time.Instant;
import java.util.List;

import dev.participation.events.api.PublicEvent;
import dev.participation.events.api.PublicSession;

/**
 * The public JSON shapes of events. They are built from {@link PublicEvent} only, which has no field
 * for an online link or for who edited the event, so neither can appear. Absent texts and limits
 * are {@code null}, which the JSON adapter leaves out.
 */
public final class EventJson {

    private EventJson() {
    }

    /** {@code GET /api/events}: the matching events, soonest first. */
    public record EventList(int count, List<Event> events) {
    }

    /** {@code GET /api/events/{slug}}, and each entry of the list. */
    public record Event(String slug, String title, String description, String type, Integer youngest, Integer oldest,
            List<String> tags, String access, boolean food, Instant signUpOpens, Instant signUpCloses, String status,
            int consentAge, boolean takingSignUps, List<Session> sessions) {
    }

    /** A session with the places it has left; {@code online} says whether it is joined online, never how. */
    public record Session(long id, String label, Instant start, Instant end, String place, boolean online,
            int capacity, int placesLeft, int waiting, boolean full) {
    }

    static Event event(PublicEvent e, Instant now) {
        boolean open = e.status().isPublic() && !now.isBefore(e.signUpOpens()) && now.isBefore(e.signUpCloses());
        return new Event(e.slug(), e.title(), orNull(e.description()), e.type().key(), e.youngest(), e.oldest(),
                e.tags().stream().sorted().toList(), orNull(e.access()), e.food(), e.signUpOpens(), e.signUpCloses(),
                e.status().key(), e.consentAge(), open, e.sessions().stream().map(EventJson::session).toList());
    }

    static EventList list(List<PublicEvent> events, Instant now) {
        return new EventList(events.size(), events.stream().map(e -> event(e, now)).toList());
    }

    private static Session session(PublicSession s) {
        return new Session(s.id(), orNull(s.label()), s.start(), s.end(), orNull(s.place()), s.online(), s.capacity(),
                s.placesLeft(), s.waiting(), s.placesLeft() == 0);
    }

    private static String orNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
