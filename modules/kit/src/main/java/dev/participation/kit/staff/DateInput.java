package dev.participation.kit.staff;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The GOV.UK date input: three boxes named {@code <name>-day}, {@code -month} and {@code -year},
 * read into a real date or an error beside the whole group. The {@code staff.dateInput} macro draws it.
 */
public final class DateInput {

    private DateInput() {
    }

    public static String[] fields(String name) {
        return new String[] {name + "-day", name + "-month", name + "-year"};
    }

    /** Puts a date into a form's three boxes. */
    public static void fill(Form form, String name, LocalDate date) {
        form.set(name + "-day", Integer.toString(date.getDayOfMonth()));
        form.set(name + "-month", Integer.toString(date.getMonthValue()));
        form.set(name + "-year", Integer.toString(date.getYear()));
    }

    /**
     * Reads the three boxes. A problem is recorded on the form under {@code name} (the summary
     * links to the day box) and the result is empty.
     *
     * @param latest the latest date allowed, or null for any
     */
    public static Optional<LocalDate> read(Form form, String name, LocalDate latest) {
        form.anchor(name, name + "-day");
        String day = form.text(name + "-day");
        String month = form.text(name + "-month");
        String year = form.text(name + "-year");
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            form.reject(name, "staff.error.date.required");
            return Optional.empty();
        }
        if (day.isEmpty() || month.isEmpty() || year.isEmpty()) {
            String missing = day.isEmpty() ? "day" : month.isEmpty() ? "month" : "year";
            form.reject(name, "staff.error.date.missing." + missing);
            if (!day.isEmpty() || !month.isEmpty()) {
                form.anchor(name, name + "-" + missing);
            }
            return Optional.empty();
        }
        if (!day.matches("\\d{1,2}") || !month.matches("\\d{1,2}") || !year.matches("\\d{4}")) {
            form.reject(name, "staff.error.date.real");
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            form.reject(name, "staff.error.date.real");
            return Optional.empty();
        }
        if (date.getYear() < 1900) {
            form.reject(name, "staff.error.date.real");
            return Optional.empty();
        }
        if (latest != null && date.isAfter(latest)) {
            form.reject(name, "staff.error.date.future");
            return Optional.empty();
        }
        return Optional.of(date);
    }
}
