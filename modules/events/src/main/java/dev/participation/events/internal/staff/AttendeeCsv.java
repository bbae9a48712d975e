package dev.participation.events.internal.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booking;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.Residential;
import dev.participation.kit.i18n.Messages;

/**
 * A session's attendee and waiting lists as CSV (RFC 4180), one line per person. Anything a
 * spreadsheet would take for a formula (a cell starting with = + - @, a tab or a carriage return)
 * is written with a leading apostrophe, so opening the file never runs what someone typed into
 * the public form. Cancelled bookings are left out: nobody needs them on the day.
 */
final class AttendeeCsv {

    static final String[] COLUMNS = {"booking", "state", "waitingNumber", "firstName", "age", "accessNeeds",
        "dietaryNeeds", "consentBy", "consentRole", "emergencyName", "emergencyPhone", "medicalNotes", "photos",
        "trustedAdult", "email", "phone", "bookerRole", "bookerName", "organisation", "bookedAt", "checkedIn"};
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private AttendeeCsv() {
    }

    static String write(List<Booking> bookings, Set<String> arrived, ZoneId zone, Messages words) {
        StringBuilder csv = new StringBuilder();
        List<String> headings = new ArrayList<>();
        for (String column : COLUMNS) {
            headings.add(words.get("events.staff.csv." + column));
        }
        row(csv, headings);
        for (Booking b : bookings) {
            if (b.state() == BookingState.CANCELLED || b.state() == BookingState.OFFER_LAPSED) {
                continue;
            }
            for (int i = 0; i < b.attendees().size(); i++) {
                Attendee a = b.attendees().get(i);
                Residential r = a.residential();
                row(csv, List.of(Long.toString(b.id()), words.get("events.state." + b.state().key()),
                        b.waitingNumber() == null ? "" : b.waitingNumber().toString(), a.firstName(),
                        Integer.toString(a.age()), a.accessNeeds(), a.dietaryNeeds(),
                        a.consent() == null ? "" : a.consent().givenBy(),
                        a.consent() == null ? "" : words.get("events.consent-role." + a.consent().role().key()),
                        r == null ? "" : r.emergencyName(), r == null ? "" : r.emergencyPhone(),
                        r == null ? "" : r.medicalNotes(),
                        r == null ? "" : words.get(r.photos() ? "events.staff.yes" : "events.staff.no"),
                        b.contact().trustedAdult(), b.contact().email(), b.contact().phone(),
                        words.get("events.booker-role." + b.booker().role().key()), b.booker().name(),
                        b.booker().organisation(),
                        b.bookedAt() == null ? "" : b.bookedAt().atZone(zone).toLocalDateTime().toString(),
                        words.get(arrived.contains(b.id() + "/" + i) ? "events.staff.yes"
                                : "events.staff.no")));
            }
        }
        return csv.toString();
    }

    /** A link that downloads the file without another request, since a staff page answers with HTML only. */
    static String dataUri(String csv) {
        return "data:text/csv;charset=utf-8," + URLEncoder.encode(csv, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(quoted(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String quoted(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean needsQuotes = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return needsQuotes ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
