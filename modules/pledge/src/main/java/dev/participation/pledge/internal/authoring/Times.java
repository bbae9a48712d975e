package dev.participation.pledge.internal.authoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.participation.kit.i18n.Messages;

/** Dates and times as editors read them, in the council's time zone and the request's language. */
final class Times {

    /** English and Welsh councils: every time shown is local time in the UK. */
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    private Times() {
    }

    static String dateTime(Instant instant, Messages messages) {
        return DateTimeFormatter.ofPattern(messages.get("authoring.format.dateTime"), messages.locale())
                .format(instant.atZone(ZONE));
    }

    static String date(LocalDate date, Messages messages) {
        return DateTimeFormatter.ofPattern(messages.get("authoring.format.date"), messages.locale()).format(date);
    }
}
