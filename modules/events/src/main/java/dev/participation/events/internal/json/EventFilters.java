package dev.participation.events.internal.json;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.events.api.EventQuery;
import dev.participation.events.api.EventRules;
import dev.participation.events.api.EventType;

/**
 * Reads the filters of {@code /api/events} (and its calendar feed) from the query: {@code type}
 * (repeated), {@code tag} (repeated), {@code age}, {@code from} and {@code to} (dates, in the
 * council's time zone) and {@code limit}. Anything malformed, or a parameter it does not know, is
 * a 400 problem naming the parameter, never a 5xx and never silently "no events".
 */
final class EventFilters {

    static final int DEFAULT_LIMIT = 100;
    static final Set<String> PARAMETERS = Set.of("type", "tag", "age", "from", "to", "limit");

    private EventFilters() {
    }

    static EventQuery read(JsonRequest request, ZoneId zone) {
        for (String name : request.parameters().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ApiProblem.badRequest("Unknown parameter '" + name + "'. This address takes "
                        + String.join(", ", new TreeSet<>(PARAMETERS)) + ".");
            }
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String key : all(request, "type")) {
            types.add(EventType.fromKey(key).orElseThrow(() -> ApiProblem.badRequest("Parameter 'type' must be one of "
                    + String.join(", ", EnumSet.allOf(EventType.class).stream().map(EventType::key).toList())
                    + "; '" + key + "' is not.")));
        }
        Set<String> tags = new TreeSet<>();
        for (String tag : all(request, "tag")) {
            if (!EventRules.validTag(tag)) {
                throw ApiProblem.badRequest("Parameter 'tag' must be a tag of lower-case letters, digits and hyphens, "
                        + "at most " + EventRules.TAG_MAX + " characters.");
            }
            tags.add(tag);
        }
        String ageText = single(request, "age", "");
        Integer age = ageText.isEmpty() ? null : number(ageText, "age", 0, EventRules.AGE_MAX);
        LocalDate from = date(single(request, "from", ""), "from");
        LocalDate to = date(single(request, "to", ""), "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.badRequest("Parameter 'to' must not be before 'from'.");
        }
        int limit = number(single(request, "limit", String.valueOf(DEFAULT_LIMIT)), "limit", 1, EventQuery.LIMIT_MAX);
        // A day is the council's: events from 1 April include one starting at 00:30 there, whatever UTC says.
        return new EventQuery(types, tags, List.of(), age, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), false, limit);
    }

    private static LocalDate date(String text, String name) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                if (date.getYear() >= 2000 && date.getYear() <= 2999) {
                    return date;
                }
            }
        } catch (DateTimeException e) {
            // Answered below with the same message as any other malformed date.
        }
        throw ApiProblem.badRequest("Parameter '" + name + "' must be a date like 2026-04-11.");
    }

    static int number(String text, String name, int min, int max) {
        String problem = "Parameter '" + name + "' must be a whole number from " + min + " to " + max + ".";
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiProblem.badRequest(problem);
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw ApiProblem.badRequest(problem);
        }
        return value;
    }

    private static String single(JsonRequest request, String name, String fallback) {
        List<String> values = request.parameters().getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw ApiProblem.badRequest("Parameter '" + name + "' may be given once.");
        }
        return values.isEmpty() ? fallback : values.get(0).strip();
    }

    private static List<String> all(JsonRequest request, String name) {
        return request.parameters().getOrDefault(name, List.of()).stream().map(String::strip).toList();
    }
}
