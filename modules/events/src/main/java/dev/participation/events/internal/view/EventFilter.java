package dev.participation.events.internal.view;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.widget.Message;
import dev.participation.events.api.EventQuery;
import dev.participation.events.api.EventType;
import dev.participation.kit.staff.DateInput;
import dev.participation.kit.staff.Form;

/**
 * What a visitor asked the upcoming events list for, read from its GET form (or a link made from
 * it): from and to dates as GOV.UK date inputs, or "this week" / "this month", an age and kinds of
 * event. Anything that is not a valid filter becomes a message beside its field, with what was
 * typed kept; it never becomes an exception.
 */
public final class EventFilter {

    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String WHEN = "when";
    public static final String AGE = "age";
    public static final String TYPE = "type";
    /** Sent by the form, so a cleared form still counts as "the visitor chose". */
    public static final String SUBMITTED = "filtered";

    public static final String WHEN_WEEK = "week";
    public static final String WHEN_MONTH = "month";

    /** Every parameter the list's view reads. */
    public static final Set<String> PARAMETERS = Set.of(FROM + "-day", FROM + "-month", FROM + "-year", TO + "-day",
            TO + "-month", TO + "-year", WHEN, AGE, TYPE, SUBMITTED);

    static final String[] FIELDS = {FROM + "-day", FROM + "-month", FROM + "-year", TO + "-day", TO + "-month",
        TO + "-year", WHEN, AGE};
    private static final int AGE_MAX = 120;

    private final Form form;
    private final List<String> typesTyped;
    private final Set<EventType> types;
    private final Instant from;
    private final Instant to;
    private final Integer age;

    private EventFilter(Form form, List<String> typesTyped, Set<EventType> types, Instant from, Instant to,
            Integer age) {
        this.form = form;
        this.typesTyped = List.copyOf(typesTyped);
        this.types = types;
        this.from = from;
        this.to = to;
        this.age = age;
    }

    /**
     * Reads the filter. Dates are whole days in {@code zone}: "from 3 May" starts at its midnight,
     * "to 9 May" takes in all of that day.
     */
    public static EventFilter read(Map<String, List<String>> parameters, ZoneId zone, LocalDate today) {
        Form form = Form.of(FIELDS);
        for (String field : FIELDS) {
            form.set(field, first(parameters, field));
        }
        Instant from = null;
        Instant to = null;
        String when = form.text(WHEN);
        if (WHEN_WEEK.equals(when)) {
            from = today.atStartOfDay(zone).toInstant();
            to = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
        } else if (WHEN_MONTH.equals(when)) {
            from = today.atStartOfDay(zone).toInstant();
            to = today.with(TemporalAdjusters.firstDayOfNextMonth()).atStartOfDay(zone).toInstant();
        } else if (!when.isEmpty()) {
            form.reject(WHEN, "events.list.error.when");
        }
        Optional<LocalDate> fromDate = date(form, FROM);
        Optional<LocalDate> toDate = date(form, TO);
        if (fromDate.isPresent() && toDate.isPresent() && toDate.get().isBefore(fromDate.get())) {
            form.reject(TO, "events.list.error.order");
        }
        // Dates typed narrow "this week" or "this month" further, never widen them.
        if (fromDate.isPresent()) {
            Instant typed = fromDate.get().atStartOfDay(zone).toInstant();
            from = from == null || typed.isAfter(from) ? typed : from;
        }
        if (toDate.isPresent()) {
            Instant typed = toDate.get().plusDays(1).atStartOfDay(zone).toInstant();
            to = to == null || typed.isBefore(to) ? typed : to;
        }

        Integer age = null;
        String ageTyped = form.text(AGE);
        if (!ageTyped.isEmpty()) {
            if (ageTyped.matches("\\d{1,3}") && Integer.parseInt(ageTyped) <= AGE_MAX) {
                age = Integer.parseInt(ageTyped);
            } else {
                form.reject(AGE, "events.list.error.age", 0, AGE_MAX);
            }
        }

        List<String> typesTyped = new ArrayList<>();
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String value : parameters.getOrDefault(TYPE, List.of())) {
            if (value == null || value.isBlank()) {
                continue;
            }
            // A link carries the ticks joined by line breaks, the form sends each on its own.
            for (String key : value.split("\n")) {
                typesTyped.add(key);
                EventType.fromKey(key.strip()).ifPresentOrElse(types::add,
                        () -> form.reject(TYPE, "events.list.error.type"));
            }
        }
        if (typesTyped.size() > EventType.values().length * 2) {
            form.reject(TYPE, "events.list.error.type");
        }
        return new EventFilter(form, typesTyped, types, from, to, age);
    }

    /** A date typed in three boxes, or empty where none was typed or it is not a real date. */
    private static Optional<LocalDate> date(Form form, String name) {
        boolean typed = !form.text(name + "-day").isEmpty() || !form.text(name + "-month").isEmpty()
                || !form.text(name + "-year").isEmpty();
        if (!typed) {
            return Optional.empty();
        }
        Optional<LocalDate> date = DateInput.read(form, name, null);
        return date.filter(d -> d.getYear() <= 9999);
    }

    public boolean valid() {
        return form.valid();
    }

    public Map<String, Message> errors() {
        return form.errors();
    }

    /** The values as typed, for the form shown again. */
    public Map<String, String> typed() {
        return form.values();
    }

    public Form form() {
        return form;
    }

    public Set<EventType> types() {
        return types;
    }

    public List<String> typesTyped() {
        return typesTyped;
    }

    public Integer age() {
        return age;
    }

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }

    /** Whether the visitor narrowed the list at all, so "Clear filters" has something to clear. */
    public boolean narrowed() {
        return form.values().values().stream().anyMatch(v -> !v.isBlank()) || !typesTyped.isEmpty();
    }

    /**
     * The query for this filter within a widget's own choice: the widget's kinds of event, if it
     * has any, win over the visitor's.
     */
    public EventQuery query(Set<EventType> widgetTypes, Set<String> tags, boolean past, int limit) {
        return new EventQuery(widgetTypes.isEmpty() ? types : widgetTypes, tags, List.of(), age, from, to, past, limit);
    }

    /** The parameters of a link that shows this list again, for an event page's "back" link. */
    public Map<String, String> linkParameters() {
        Map<String, String> link = new LinkedHashMap<>();
        form.values().forEach((field, value) -> {
            if (!value.isBlank()) {
                link.put(field, value.strip());
            }
        });
        if (!typesTyped.isEmpty()) {
            link.put(TYPE, String.join("\n", typesTyped));
        }
        return link;
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }
}
