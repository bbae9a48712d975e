package dev.participation.events.internal.editing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.participation.api.widget.Message;
import dev.participation.events.api.SessionDetails;
import dev.participation.kit.staff.Form;

/**
 * A session's fields and how they become {@link SessionDetails}. On its own page the fields are
 * named as {@link dev.participation.events.api.EventRules#checkSession} names problems with no
 * prefix; with a new event, the service names them {@code sessions[0].*}, which {@link #reject}
 * puts beside the same fields.
 */
final class SessionForm {

    static final String START = "start";
    static final String END = "end";
    static final String[] FIELDS = Stream.of(Stream.of("label"), Stream.of(DateTimeInput.fields(START)),
            Stream.of(DateTimeInput.fields(END)), Stream.of("capacity", "place", "onlineLink"))
            .flatMap(s -> s).toArray(String[]::new);
    static final List<String> ORDER = List.of("label", START, END, "capacity", "place", "onlineLink");
    private static final String FIRST = "sessions[0].";

    private SessionForm() {
    }

    static void draw(Form form, SessionDetails session, ZoneId zone) {
        form.set("label", session.label()).set("capacity", Integer.toString(session.capacity()))
                .set("place", session.place()).set("onlineLink", session.onlineLink());
        DateTimeInput.fill(form, START, session.start(), zone);
        DateTimeInput.fill(form, END, session.end(), zone);
    }

    /**
     * The session the form holds; what cannot be read is put in {@code problems} and a harmless
     * stand-in takes its place, so the rules can explain the other fields too.
     */
    static SessionDetails details(Form form, ZoneId zone, Map<String, Message> problems) {
        Instant start = DateTimeInput.read(form, START, zone, problems).orElse(null);
        Instant end = DateTimeInput.read(form, END, zone, problems).orElse(null);
        String capacity = form.text("capacity");
        if (capacity.isEmpty()) {
            problems.put("capacity", Message.of("events.error.required"));
        } else if (!capacity.matches("\\d{1,6}")) {
            problems.put("capacity", Message.of("events.editing.error.number"));
        }
        if (start == null || end == null) {
            start = Instant.EPOCH;
            end = Instant.EPOCH.plusSeconds(1);
        }
        return new SessionDetails(form.text("label"), start, end,
                problems.containsKey("capacity") ? 1 : Integer.parseInt(capacity), form.text("place"),
                form.text("onlineLink"));
    }

    /** Problems named for this form's own fields, or for the first session of a new event, beside their fields. */
    static Map<String, Message> local(Map<String, Message> problems) {
        Map<String, Message> local = new LinkedHashMap<>();
        problems.forEach((path, message) -> local.put(path.startsWith(FIRST) ? path.substring(FIRST.length())
                : path.equals("sessions") ? "capacity" : path, message));
        return local;
    }
}
