package dev.participation.events.internal.view;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import dev.participation.events.api.PublicEvent;
import dev.participation.events.api.PublicSession;
import dev.participation.kit.i18n.Messages;

/**
 * How events read to a visitor: dates and times in the visitor's time zone, who it is for, where,
 * and how its places stand. Shared by the list, the event page, the sign-up form and the booking page.
 */
public final class EventText {

    private EventText() {
    }

    /** When a session happens: one day with its start and end times, or from one day to another. */
    public static String when(PublicSession session, ZoneId zone, Messages words) {
        return when(session.start(), session.end(), zone, words);
    }

    public static String when(Instant start, Instant end, ZoneId zone, Messages words) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime until = end.atZone(zone);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(words.get("events.format.day"), words.locale());
        DateTimeFormatter time = DateTimeFormatter.ofPattern(words.get("events.format.time"), words.locale());
        if (from.toLocalDate().equals(until.toLocalDate())) {
            return words.get("events.when.sameDay", day.format(from), time.format(from), time.format(until));
        }
        return words.get("events.when.days", day.format(from), time.format(from), day.format(until), time.format(until));
    }

    /** A moment, such as when sign-up opens, in the visitor's time zone. */
    public static String moment(Instant instant, ZoneId zone, Messages words) {
        ZonedDateTime at = instant.atZone(zone);
        return words.get("events.when.moment",
                DateTimeFormatter.ofPattern(words.get("events.format.day"), words.locale()).format(at),
                DateTimeFormatter.ofPattern(words.get("events.format.time"), words.locale()).format(at));
    }

    /** The day of a moment, such as "Thursday 12 March 2026", in the visitor's time zone. */
    public static String day(Instant instant, ZoneId zone, Messages words) {
        return DateTimeFormatter.ofPattern(words.get("events.format.day"), words.locale())
                .format(instant.atZone(zone));
    }

    /** The time of day of a moment, such as "9:30am", in the visitor's time zone. */
    public static String time(Instant instant, ZoneId zone, Messages words) {
        return DateTimeFormatter.ofPattern(words.get("events.format.time"), words.locale())
                .format(instant.atZone(zone));
    }

    /** The whole event's dates: its one session's, or its first session's start with how many there are. */
    public static String dates(PublicEvent event, ZoneId zone, Messages words) {
        List<PublicSession> sessions = event.sessions();
        if (sessions.isEmpty()) {
            return "";
        }
        PublicSession first = sessions.stream().min((a, b) -> a.start().compareTo(b.start())).orElseThrow();
        String when = when(first, zone, words);
        return sessions.size() == 1 ? when : words.get("events.when.sessions", when, sessions.size());
    }

    public static String where(PublicSession session, Messages words) {
        if (session.place().isBlank()) {
            return words.get("events.where.online");
        }
        return session.online() ? words.get("events.where.both", session.place()) : session.place();
    }

    /** Where the event happens: its one place, "Online", or "At N places" across its sessions. */
    public static String where(PublicEvent event, Messages words) {
        List<String> places = event.sessions().stream().map(s -> where(s, words)).distinct().toList();
        if (places.isEmpty()) {
            return "";
        }
        return places.size() == 1 ? places.get(0) : words.get("events.where.several", places.size());
    }

    public static String ages(Integer youngest, Integer oldest, Messages words) {
        if (youngest == null && oldest == null) {
            return words.get("events.ages.any");
        }
        if (oldest == null) {
            return words.get("events.ages.from", youngest);
        }
        if (youngest == null) {
            return words.get("events.ages.upTo", oldest);
        }
        return words.get("events.ages.range", youngest, oldest);
    }

    public static String type(PublicEvent event, Messages words) {
        return words.get("events.type." + event.type().key());
    }

    /**
     * How a session's places stand for someone about to sign up: {@code key} names the state
     * for styling and tests ({@code places}, {@code full}, {@code opens}, {@code closed}).
     */
    public record Places(String key, String text) {
        public Places {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(text, "text");
        }

        public boolean open() {
            return "places".equals(key) || "full".equals(key);
        }
    }

    public static Places places(PublicEvent event, PublicSession session, Instant now, ZoneId zone, Messages words) {
        if (now.isBefore(event.signUpOpens())) {
            return new Places("opens", words.get("events.places.opens", moment(event.signUpOpens(), zone, words)));
        }
        if (!now.isBefore(event.signUpCloses()) || !now.isBefore(session.end()) || !event.status().isPublic()) {
            return new Places("closed", words.get("events.places.closed"));
        }
        if (session.placesLeft() > 0) {
            return new Places("places", words.get("events.places.left", session.placesLeft()));
        }
        return new Places("full", words.get("events.places.full"));
    }

    /** The event as a whole: places left over all its sessions still taking sign-ups. */
    public static Places places(PublicEvent event, Instant now, ZoneId zone, Messages words) {
        if (now.isBefore(event.signUpOpens())) {
            return new Places("opens", words.get("events.places.opens", moment(event.signUpOpens(), zone, words)));
        }
        List<PublicSession> open = event.sessions().stream().filter(s -> now.isBefore(s.end())).toList();
        if (!now.isBefore(event.signUpCloses()) || open.isEmpty() || !event.status().isPublic()) {
            return new Places("closed", words.get("events.places.closed"));
        }
        int left = open.stream().mapToInt(PublicSession::placesLeft).sum();
        return left > 0 ? new Places("places", words.get("events.places.left", left))
                : new Places("full", words.get("events.places.full"));
    }
}
