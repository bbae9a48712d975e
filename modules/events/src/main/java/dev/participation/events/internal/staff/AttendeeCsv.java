package dev.participation.events.internal.staff;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booking;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.Residential;
import dev.participation.kit.csv.CsvWriter;
import dev.participation.kit.i18n.Messages;

/**
 * A session's attendee and waiting lists as CSV, one line per person, written by the kit's
 * {@link CsvWriter} (RFC 4180, and no cell a spreadsheet would run as a formula, so opening the
 * file never runs what someone typed into the public form). Cancelled bookings are left out:
 * nobody needs them on the day.
 */
final class AttendeeCsv {

    static final String[] COLUMNS = {"booking", "state", "waitingNumber", "firstName", "age", "accessNeeds",
        "dietaryNeeds", "consentBy", "consentRole", "emergencyName", "emergencyPhone", "medicalNotes", "photos",
        "trustedAdult", "email", "phone", "bookerRole", "bookerName", "organisation", "bookedAt", "checkedIn"};

    private AttendeeCsv() {
    }

    static String write(List<Booking> bookings, Set<String> arrived, ZoneId zone, Messages words) {
        CsvWriter csv = CsvWriter.headed(words, "events.staff.csv.", COLUMNS);
        for (Booking b : bookings) {
            if (b.state() == BookingState.CANCELLED || b.state() == BookingState.OFFER_LAPSED) {
                continue;
            }
            for (int i = 0; i < b.attendees().size(); i++) {
                Attendee a = b.attendees().get(i);
                Residential r = a.residential();
                csv.row(Long.toString(b.id()), words.get("events.state." + b.state().key()),
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
                                : "events.staff.no"));
            }
        }
        return csv.text();
    }
}
