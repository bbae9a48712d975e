package dev.participation.events.internal.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.participation.api.mail.Attachment;
import dev.participation.api.mail.MailMessage;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.SessionDetails;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;

/**
 * The mail people booked on an event get, in the words of {@code mail/Language.properties}, with a
 * calendar file wherever they hold places. No notice carries a session's online link except a
 * reminder to someone with a place ({@link #reminder}); a calendar file never does. Where the event
 * holds the link back until shortly before the start and that time is still to come, a notice to
 * someone with a place says from when their booking page shows it.
 */
public final class NoticeMail {

    /** Compiled once: every notice puts its title, label and place on one line. */
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

    static final LanguageBundles WORDS = new LanguageBundles(NoticeMail.class,
            "dev/participation/events/mail/Language", "dev/participation/events/shared/Language");
    static final String CALENDAR_TYPE = "text/calendar; charset=UTF-8; method=";

    private final NoticeSettings settings;
    private final Instant now;
    private final Messages words;
    private final DateTimeFormatter when;

    /**
     * @param zone the council's time zone, which times in the text are written in
     * @param now  the calendar files' DTSTAMP
     */
    public NoticeMail(NoticeSettings settings, ZoneId zone, Instant now, Locale locale) {
        this.settings = settings;
        this.now = now;
        this.words = Messages.of(locale, WORDS.forLocale(locale));
        this.when = DateTimeFormatter.ofPattern(words.get("mail.format.when"), locale).withZone(zone);
    }

    /** Straight after signing up: a place (with the calendar file) or a waiting-list number. */
    public MailMessage confirmation(BookingFacts b, String manageUrl) {
        boolean place = b.state().holdsPlaces();
        String kind = place ? "place" : "waiting";
        StringBuilder body = greeting(b);
        body.append(place ? words.get("mail.confirmation.place.body", b.people(), what(b), when(b.session()))
                : words.get("mail.confirmation.waiting.body", b.waitingNumber(), what(b), when(b.session())));
        body.append("\n\n");
        if (place) {
            // The booking page's address follows in this mail, so the link's time can point to it.
            where(body, b, "mail.where.online.fromBelow");
        }
        body.append(words.get("mail.confirmation." + kind + ".manage", manageUrl)).append("\n\n");
        return message(b, "mail.confirmation." + kind + ".subject", body,
                place ? CalendarMethod.REQUEST : null);
    }

    /** A booking cancelled by its holder through their link, or by staff on their behalf. */
    public MailMessage cancellation(BookingFacts b, boolean byStaff) {
        StringBuilder body = greeting(b);
        body.append(words.get(byStaff ? "mail.cancelled.byStaff.body" : "mail.cancelled.body", what(b),
                when(b.session()))).append("\n\n");
        return message(b, "mail.cancelled.subject", body, b.state().holdsPlaces() ? CalendarMethod.CANCEL : null);
    }

    /** Places given or offered from the waiting list; a place given comes with the calendar file. */
    public MailMessage promotion(BookingFacts b) {
        String kind = b.state() == BookingState.OFFERED ? "offered" : "promoted";
        StringBuilder body = greeting(b);
        body.append(words.get("events.mail." + kind + ".body", what(b), when(b.session()),
                b.offerEnds() == null ? "" : when.format(b.offerEnds()))).append("\n\n");
        if (b.state() == BookingState.PLACE) {
            where(body, b);
        }
        return message(b, "events.mail." + kind + ".subject", body,
                b.state() == BookingState.PLACE ? CalendarMethod.REQUEST : null);
    }

    /** Places offered and now taken up. */
    public MailMessage offerTaken(BookingFacts b) {
        StringBuilder body = greeting(b);
        body.append(words.get("mail.offerTaken.body", b.people(), what(b), when(b.session()))).append("\n\n");
        where(body, b);
        return message(b, "mail.offerTaken.subject", body, CalendarMethod.REQUEST);
    }

    /**
     * The session's time or place changed: everyone booked and waiting is told, and those with
     * places get the updated calendar entry (same UID, higher SEQUENCE).
     */
    public MailMessage sessionChanged(BookingFacts b) {
        boolean place = b.state().holdsPlaces();
        StringBuilder body = greeting(b);
        body.append(words.get("mail.changed.body", what(b), when(b.session()))).append("\n\n");
        where(body, b);
        body.append(words.get(place ? "mail.changed.place" : "mail.changed.waiting", b.waitingNumber()))
                .append("\n\n");
        return message(b, "mail.changed.subject", body, place ? CalendarMethod.REQUEST : null);
    }

    /** The whole event is cancelled by its organisers. */
    public MailMessage eventCancelled(BookingFacts b) {
        StringBuilder body = greeting(b);
        body.append(words.get("mail.eventCancelled.body", what(b), when(b.session()))).append("\n\n");
        return message(b, "mail.eventCancelled.subject", body,
                b.state().holdsPlaces() ? CalendarMethod.CANCEL : null);
    }

    /**
     * A reminder before the session, for someone with a place only.
     *
     * @param onlineLink the link to join, given to people with a place; empty for a session without one
     */
    public MailMessage reminder(BookingFacts b, String onlineLink) {
        if (b.state() != BookingState.PLACE) {
            throw new IllegalArgumentException("Only people with a place are reminded, not " + b.state());
        }
        StringBuilder body = greeting(b);
        body.append(words.get("mail.reminder.body", b.people(), what(b), when(b.session()))).append("\n\n");
        where(body, b);
        if (!onlineLink.isBlank()) {
            body.append(words.get("mail.reminder.link", onlineLink)).append("\n\n");
        }
        if (!b.event().access().isBlank()) {
            body.append(words.get("mail.reminder.access")).append('\n').append(b.event().access()).append("\n\n");
        }
        body.append(words.get("mail.reminder.cancel")).append("\n\n");
        return message(b, "mail.reminder.subject", body, null);
    }

    /** The session as a calendar entry, for a booking's file or the public feed. */
    public CalendarEntry entry(long sessionId, int sequence, EventDetails event, SessionDetails session,
            String attendee) {
        StringBuilder description = new StringBuilder(event.description());
        if (!event.access().isBlank()) {
            description.append("\n\n").append(words.get("mail.reminder.access")).append('\n').append(event.access());
        }
        return new CalendarEntry(settings.uid(sessionId), sequence, session.start(), session.end(),
                summary(event, session), location(session), description.toString().strip(),
                event.status() == EventStatus.CANCELLED, attendee);
    }

    private MailMessage message(BookingFacts b, String subjectKey, StringBuilder body, CalendarMethod calendar) {
        body.append(words.get("mail.signature"));
        // The subject is one line whatever an editor typed in the title.
        String subject = words.get(subjectKey, oneLine(b.event().title()));
        List<Attachment> files = new ArrayList<>();
        if (calendar != null) {
            byte[] file = CalendarWriter.write(calendar, now, settings.organiser(), "",
                    List.of(entry(b.sessionId(), b.sequence(), b.event(), b.session(), b.email())));
            files.add(new Attachment(calendar == CalendarMethod.CANCEL ? "cancelled.ics" : "event.ics",
                    CALENDAR_TYPE + calendar.name(), file));
        }
        return new MailMessage(b.email(), subject, body.toString(), files);
    }

    private StringBuilder greeting(BookingFacts b) {
        StringBuilder body = new StringBuilder();
        if (!b.greeting().isBlank()) {
            body.append(words.get("mail.greeting", b.greeting())).append("\n\n");
        }
        return body;
    }

    private void where(StringBuilder body, BookingFacts b) {
        where(body, b, "mail.where.online.from");
    }

    /**
     * Where the session is; for an online one, where the link is, never the link itself.
     *
     * @param laterKey the words for a link the event shows only from a time still to come
     */
    private void where(StringBuilder body, BookingFacts b, String laterKey) {
        SessionDetails s = b.session();
        if (!s.place().isBlank()) {
            body.append(words.get("mail.where.place", s.place())).append("\n\n");
        }
        if (!s.onlineLink().isBlank()) {
            Optional<Instant> later = b.state().holdsPlaces() ? linkShownLater(b) : Optional.empty();
            body.append(later.isPresent() ? words.get(laterKey, when.format(later.get()))
                    : words.get("mail.where.online")).append("\n\n");
        }
    }

    /** When the booking page starts showing the link, where the event holds it back until a time still to come. */
    private Optional<Instant> linkShownLater(BookingFacts b) {
        return b.event().onlineLinkShownFrom(b.session().start()).filter(now::isBefore);
    }

    private String what(BookingFacts b) {
        return summary(b.event(), b.session());
    }

    private static String summary(EventDetails event, SessionDetails session) {
        String title = oneLine(event.title());
        return session.label().isBlank() ? title : title + " - " + oneLine(session.label());
    }

    private String location(SessionDetails session) {
        return session.place().isBlank() ? words.get("mail.online") : oneLine(session.place());
    }

    private String when(SessionDetails session) {
        return when.format(session.start());
    }

    private static String oneLine(String text) {
        return LINE_BREAKS.matcher(text).replaceAll(" ").strip();
    }
}
