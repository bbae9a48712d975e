package dev.participation.groups.internal.join;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Counting working days (Monday to Friday) for the response target. Bank holidays are not known here. */
final class WorkingDays {

    private WorkingDays() {
    }

    /** The day {@code days} working days after {@code start}: asked on a Friday, 5 gives the next Friday. */
    static LocalDate after(LocalDate start, int days) {
        LocalDate day = start;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day;
    }
}
