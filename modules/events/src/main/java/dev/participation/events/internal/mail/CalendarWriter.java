package dev.participation.events.internal.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes iCalendar files (RFC 5545): a VCALENDAR of VEVENTs in UTC, so no VTIMEZONE is needed and
 * every calendar program shows the right local time. Text is escaped ({@code \ ; ,} and line
 * breaks), control characters that no calendar line may carry are dropped, and lines are folded at
 * 75 octets without splitting a UTF-8 character, each ending in CRLF.
 */
public final class CalendarWriter {

    static final String PRODUCT = "-//Participation//Event sign-up//EN";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int LINE_OCTETS = 75;
    /** What may not stand in a mail address inside a URI value; compiled once, as every confirmation uses it. */
    private static final Pattern NOT_IN_ADDRESS = Pattern.compile("[\\s\\p{Cntrl};,:\"]");

    private final StringBuilder out = new StringBuilder();

    private CalendarWriter() {
    }

    /**
     * A whole file.
     *
     * @param organiser the council's mail address that sends the files (RFC 5546 asks for one)
     * @param name      the calendar's name for a feed (X-WR-CALNAME), or empty
     */
    public static byte[] write(CalendarMethod method, Instant stamp, String organiser, String name,
            List<CalendarEntry> entries) {
        CalendarWriter w = new CalendarWriter();
        w.line("BEGIN", "VCALENDAR");
        w.line("VERSION", "2.0");
        w.line("PRODID", PRODUCT);
        w.line("CALSCALE", "GREGORIAN");
        w.line("METHOD", method.name());
        if (!name.isBlank()) {
            w.line("X-WR-CALNAME", text(name));
        }
        for (CalendarEntry e : entries) {
            w.line("BEGIN", "VEVENT");
            w.line("UID", text(e.uid()));
            w.line("DTSTAMP", utc(stamp));
            w.line("DTSTART", utc(e.start()));
            w.line("DTEND", utc(e.end()));
            w.line("SEQUENCE", Integer.toString(e.sequence()));
            w.line("SUMMARY", text(e.summary()));
            if (!e.location().isBlank()) {
                w.line("LOCATION", text(e.location()));
            }
            if (!e.description().isBlank()) {
                w.line("DESCRIPTION", text(e.description()));
            }
            w.line("STATUS", e.cancelled() || method == CalendarMethod.CANCEL ? "CANCELLED" : "CONFIRMED");
            // RFC 5546 asks every method for the organiser; only an invitation names who it is for.
            if (!organiser.isBlank()) {
                w.line("ORGANIZER", "mailto:" + address(organiser));
            }
            if (method != CalendarMethod.PUBLISH && !e.attendee().isBlank()) {
                w.line("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED", "mailto:" + address(e.attendee()));
            }
            w.line("TRANSP", "OPAQUE");
            w.line("END", "VEVENT");
        }
        w.line("END", "VCALENDAR");
        return w.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        continue;
                    }
                    escaped.append("\\n");
                }
                default -> {
                    // CONTROL characters other than tab may not appear in a content line at all.
                    if (c == '\t' || c >= 0x20 && c != 0x7F) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** A mail address inside a URI value: nothing that could end the line or the value. */
    private static String address(String mail) {
        return NOT_IN_ADDRESS.matcher(mail).replaceAll("");
    }

    private void line(String name, String value) {
        String whole = name + ":" + value;
        int octets = 0;
        int i = 0;
        while (i < whole.length()) {
            int codePoint = whole.codePointAt(i);
            int size = utf8Length(codePoint);
            // A folded line starts with a space, which counts towards its 75 octets.
            if (octets + size > LINE_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
