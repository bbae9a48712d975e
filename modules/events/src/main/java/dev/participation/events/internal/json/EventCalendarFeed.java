package dev.participation.events.internal.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.participation.api.json.FileAnswer;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.PublicEvent;
import dev.participation.events.api.PublicSession;
import dev.participation.events.internal.mail.CalendarEntry;
import dev.participation.events.internal.mail.CalendarMethod;
import dev.participation.events.internal.mail.CalendarWriter;
import dev.participation.events.internal.mail.NoticeSettings;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;

/**
 * The public events as an iCalendar feed a calendar program subscribes to: one entry per session
 * still to end, named and numbered as in the mail people booked get (the same UID, and the
 * session's SEQUENCE, which rises with each change of its time or place), with the places left
 * when it was read. A cancelled event stays until its sessions end, marked CANCELLED, so a
 * calendar that subscribed takes it out instead of keeping it. It is built from
 * {@link PublicEvent}s, which carry no online link and no one's name.
 */
final class EventCalendarFeed {

    static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    private static final LanguageBundles WORDS = new LanguageBundles(EventCalendarFeed.class,
            "dev/participation/events/mail/Language");

    private EventCalendarFeed() {
    }

    static FileAnswer of(List<PublicEvent> events, NoticeSettings settings, Instant now, Locale locale) {
        Messages words = Messages.of(locale, WORDS.forLocale(locale));
        List<CalendarEntry> entries = new ArrayList<>();
        for (PublicEvent event : events) {
            for (PublicSession session : event.sessions()) {
                if (!session.end().isAfter(now)) {
                    continue;
                }
                boolean cancelled = event.status() == EventStatus.CANCELLED;
                String title = oneLine(event.title());
                String summary = session.label().isBlank() ? title : title + " - " + oneLine(session.label());
                StringBuilder description = new StringBuilder(cancelled ? words.get("feed.cancelled.description")
                        : words.get("feed.placesLeft", session.placesLeft()));
                if (!event.description().isBlank()) {
                    description.append("\n\n").append(event.description());
                }
                if (!event.access().isBlank()) {
                    description.append("\n\n").append(event.access());
                }
                // Published, not sent to anyone: no one attending. Not every calendar program shows
                // STATUS, so a cancelled entry says so in its summary too.
                entries.add(new CalendarEntry(settings.uid(session.id()), session.sequence(), session.start(),
                        session.end(), cancelled ? words.get("feed.cancelled.summary", summary) : summary,
                        session.place().isBlank() ? words.get("mail.online") : oneLine(session.place()),
                        description.toString(), cancelled, ""));
            }
        }
        return new FileAnswer(MEDIA_TYPE, CalendarWriter.write(CalendarMethod.PUBLISH, now, settings.organiser(),
                words.get("feed.name"), entries));
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
