package dev.participation.kit.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import dev.participation.kit.i18n.Messages;

/** Dates and times as staff read them: in their time zone and the request's language. */
public final class Times {

    private Times() {
    }

    public static String dateTime(Instant instant, ZoneId zone, Messages messages) {
        return DateTimeFormatter.ofPattern(messages.get("staff.format.dateTime"), messages.locale())
                .format(instant.atZone(zone));
    }

    public static String date(LocalDate date, Messages messages) {
        return DateTimeFormatter.ofPattern(messages.get("staff.format.date"), messages.locale()).format(date);
    }
}
