package dev.participation.events.internal.editing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.participation.api.widget.Message;
import dev.participation.kit.staff.DateInput;
import dev.participation.kit.staff.Form;

/**
 * A moment as editors type it: the kit's GOV.UK date boxes ({@code <name>-day}, {@code -month},
 * {@code -year}) and a time box ({@code <name>-time}, 24-hour, such as 18:30), in the editor's
 * time zone.
 */
final class DateTimeInput {

    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:.]([0-5]\\d)");

    private DateTimeInput() {
    }

    static String[] fields(String name) {
        return Stream.concat(Stream.of(DateInput.fields(name)), Stream.of(name + "-time")).toArray(String[]::new);
    }

    static void fill(Form form, String name, Instant instant, ZoneId zone) {
        ZonedDateTime at = instant.atZone(zone);
        DateInput.fill(form, name, at.toLocalDate());
        form.set(name + "-time", DateTimeFormatter.ofPattern("HH:mm").format(at));
    }

    /** The moment as one line, for comparing two versions. */
    static String shown(Form form, String name) {
        String date = Stream.of(DateInput.fields(name)).map(form::text).filter(t -> !t.isEmpty())
                .reduce((a, b) -> a + "/" + b).orElse("");
        String time = form.text(name + "-time");
        return (date + " " + time).strip();
    }

    /**
     * Reads the boxes; a problem is put in {@code problems} under {@code name}, and the summary's
     * link goes to the box to correct.
     */
    static Optional<Instant> read(Form form, String name, ZoneId zone, Map<String, Message> problems) {
        Form boxes = Form.of(DateInput.fields(name));
        for (String f : DateInput.fields(name)) {
            boxes.set(f, form.raw(f));
        }
        Optional<LocalDate> date = DateInput.read(boxes, name, null);
        Message dateProblem = boxes.errors().get(name);
        if (dateProblem != null) {
            problems.putIfAbsent(name, dateProblem);
            String missing = dateProblem.key().startsWith("staff.error.date.missing.")
                    ? dateProblem.key().substring("staff.error.date.missing.".length()) : "day";
            boolean partly = !form.text(name + "-day").isEmpty() || !form.text(name + "-month").isEmpty();
            form.anchor(name, name + "-" + (partly ? missing : "day"));
            return Optional.empty();
        }
        Matcher time = TIME.matcher(form.text(name + "-time"));
        if (!time.matches()) {
            problems.putIfAbsent(name, Message.of(form.text(name + "-time").isEmpty() ? "events.editing.error.timeRequired"
                    : "events.editing.error.time"));
            form.anchor(name, name + "-time");
            return Optional.empty();
        }
        form.anchor(name, name + "-day");
        LocalTime at = LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
        return Optional.of(date.orElseThrow().atTime(at).atZone(zone).toInstant());
    }
}
