package dev.participation.groups.internal.join;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * Counting working days for the response target: Monday to Friday, without the bank holidays a
 * council lists ({@link JoinConfiguration#bankHolidays}), which differ between England and Wales,
 * Scotland and Northern Ireland and so are configured rather than built in.
 */
final class WorkingDays {

    private static final System.Logger LOG = System.getLogger(WorkingDays.class.getName());

    private WorkingDays() {
    }

    /** The day {@code days} working days after {@code start}: asked on a Friday, 5 gives the next Friday. */
    static LocalDate after(LocalDate start, int days) {
        return after(start, days, Set.of());
    }

    /** The same, also skipping the given bank holidays. */
    static LocalDate after(LocalDate start, int days, Set<LocalDate> holidays) {
        LocalDate day = start;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !holidays.contains(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The configured bank holidays ({@code 2026-12-25}); a value that is no date is left out and
     * logged, so one typing slip does not stop requests being taken.
     */
    static Set<LocalDate> holidays(String[] configured) {
        Set<LocalDate> days = new HashSet<>();
        for (String value : configured == null ? new String[0] : configured) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                days.add(LocalDate.parse(value.strip()));
            } catch (DateTimeParseException e) {
                LOG.log(System.Logger.Level.WARNING, JoinConfiguration.PID + ": bankHolidays: \"{0}\" is not a date"
                        + " like 2026-12-25 and is left out", value);
            }
        }
        return Set.copyOf(days);
    }
}
