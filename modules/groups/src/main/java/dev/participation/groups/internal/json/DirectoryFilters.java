package dev.participation.groups.internal.json;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.GroupQuery;
import dev.participation.groups.api.GroupRules;
import dev.participation.groups.api.WhoFor;

/**
 * Reads the directory's filters from a JSON request's query: {@code q} (words), {@code age} (the
 * visitor's age), {@code for} (who it is for, repeated), {@code area} (repeated), {@code way}
 * ({@code in-person} or {@code online}, repeated), {@code page} (from 1) and {@code size}. Anything
 * malformed is a 400 problem that names the parameter, never a 5xx; an unknown parameter is
 * refused too, so a misspelt filter is not silently ignored and mistaken for "no groups match".
 */
final class DirectoryFilters {

    static final int DEFAULT_SIZE = 20;
    /** Far beyond any council's directory; keeps the first row's index inside an int. */
    static final int PAGE_MAX = 10_000;
    static final int TEXT_MAX = 200;
    static final Set<String> PARAMETERS = Set.of("q", "age", "for", "area", "way", "page", "size");

    private DirectoryFilters() {
    }

    /** The search, and the page number asked for. */
    record Search(GroupQuery query, int page) {
    }

    static Search read(JsonRequest request) {
        for (String name : request.parameters().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ApiProblem.badRequest("Unknown parameter '" + name + "'. This address takes " + String.join(", ",
                        new TreeSet<>(PARAMETERS)) + ".");
            }
        }
        String text = single(request, "q", "");
        if (text.length() > TEXT_MAX) {
            throw ApiProblem.badRequest("Parameter 'q' must be no more than " + TEXT_MAX + " characters.");
        }
        String ageText = single(request, "age", "");
        Integer age = ageText.isEmpty() ? null : number(ageText, "age", 0, WhoFor.OLDEST_VISITOR);
        Set<Eligibility> whoFor = EnumSet.noneOf(Eligibility.class);
        for (String key : all(request, "for")) {
            whoFor.add(Eligibility.fromKey(key).orElseThrow(() -> ApiProblem.badRequest(
                    "Parameter 'for' must be one of in-care, care-leaver, send, young-carer, parent-or-carer, "
                            + "lgbt-plus, open-to-all; '" + key + "' is not.")));
        }
        Set<String> areas = new TreeSet<>();
        for (String area : all(request, "area")) {
            if (area.isBlank() || area.length() > GroupRules.AREA_MAX) {
                throw ApiProblem.badRequest("Parameter 'area' must be an area's name of 1 to " + GroupRules.AREA_MAX
                        + " characters.");
            }
            areas.add(area.strip());
        }
        Set<Attendance> ways = EnumSet.noneOf(Attendance.class);
        for (String key : all(request, "way")) {
            Attendance way = Attendance.fromKey(key).filter(a -> a != Attendance.BOTH).orElseThrow(
                    () -> ApiProblem.badRequest("Parameter 'way' must be in-person or online; '" + key + "' is not."));
            ways.add(way);
        }
        int page = number(single(request, "page", "1"), "page", 1, PAGE_MAX);
        int size = number(single(request, "size", String.valueOf(DEFAULT_SIZE)), "size", 1, GroupQuery.SIZE_MAX);
        return new Search(new GroupQuery(text, age, whoFor, areas, ways, (page - 1) * size, size), page);
    }

    /** A whole number from {@code min} to {@code max}, or a 400 that says so. */
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

    static String single(JsonRequest request, String name, String fallback) {
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
