package dev.participation.groups.internal.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.participation.api.widget.Message;
import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.GroupQuery;
import dev.participation.groups.api.WhoFor;

/**
 * What a visitor asked the directory for, read from the GET form's fields (or a link made from
 * them): words, "how old are you?", who it is for, areas, how they can take part, and the page of
 * results. Anything that is not a valid filter becomes a message for its field, and what was typed
 * is kept to show again; it never becomes an exception.
 *
 * <p>A link ({@code Links.view}) carries one value per parameter, so the ticks of one facet travel
 * in links joined by a line break, which no one can type into an area's name or a tick's value; the
 * form itself sends each tick as its own field. Both are read the same way.
 */
public record DirectoryFilter(String text, String ageTyped, Integer age, Set<Eligibility> whoFor,
        List<String> whoTyped, Set<String> areas, Set<Attendance> ways, List<String> waysTyped, int page,
        boolean submitted, Map<String, Message> errors) {

    public static final String TEXT = "q";
    public static final String AGE = "age";
    public static final String WHO = "who";
    public static final String AREA = "area";
    public static final String WAY = "way";
    public static final String PAGE = "page";
    /** Sent by the form: the visitor chose these filters, so the widget's default tick no longer applies. */
    public static final String SUBMITTED = "filtered";

    /** Every parameter the directory's view reads. */
    public static final Set<String> PARAMETERS = Set.of(TEXT, AGE, WHO, AREA, WAY, PAGE, SUBMITTED);

    static final String JOIN = "\n";
    public static final int TEXT_MAX = 100;
    public static final int AREA_MAX = 120;
    /** More ticks than any facet has values: someone is sending junk, not searching. */
    private static final int TICKS_MAX = 40;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,3}");
    /** Pages beyond this are not offered: {@code page=999999999} must not make an absurd offset. */
    public static final int PAGE_MAX = 10_000;

    public DirectoryFilter {
        whoFor = whoFor.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(whoFor));
        whoTyped = List.copyOf(whoTyped);
        areas = Collections.unmodifiableSet(new TreeSet<>(areas));
        ways = ways.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(ways));
        waysTyped = List.copyOf(waysTyped);
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /**
     * Reads the filter from a request's parameters.
     *
     * @param defaultWho a tick the widget starts with, used only until the visitor sends the form
     */
    public static DirectoryFilter read(Map<String, List<String>> parameters, Optional<Eligibility> defaultWho) {
        Map<String, Message> errors = new LinkedHashMap<>();
        String text = first(parameters, TEXT).strip();
        if (text.codePointCount(0, text.length()) > TEXT_MAX) {
            errors.put(TEXT, Message.of("groups.error.tooLong", TEXT_MAX));
        }

        String ageTyped = first(parameters, AGE).strip();
        Integer age = null;
        if (!ageTyped.isEmpty()) {
            if (WHOLE_NUMBER.matcher(ageTyped).matches() && Integer.parseInt(ageTyped) <= WhoFor.OLDEST_VISITOR) {
                age = Integer.parseInt(ageTyped);
            } else {
                errors.put(AGE, Message.of("groups.error.age", 0, WhoFor.OLDEST_VISITOR));
            }
        }

        List<String> whoTyped = all(parameters, WHO);
        Set<Eligibility> who = EnumSet.noneOf(Eligibility.class);
        for (String key : whoTyped) {
            Eligibility.fromKey(key).ifPresentOrElse(who::add,
                    () -> errors.put(WHO, Message.of("groups.directory.error.who")));
        }

        Set<String> areas = new LinkedHashSet<>();
        for (String area : all(parameters, AREA)) {
            if (area.codePointCount(0, area.length()) > AREA_MAX) {
                errors.put(AREA, Message.of("groups.directory.error.area"));
            } else {
                areas.add(area);
            }
        }

        List<String> waysTyped = all(parameters, WAY);
        Set<Attendance> ways = EnumSet.noneOf(Attendance.class);
        for (String key : waysTyped) {
            Optional<Attendance> way = Attendance.fromKey(key).filter(a -> a != Attendance.BOTH);
            way.ifPresentOrElse(ways::add, () -> errors.put(WAY, Message.of("groups.directory.error.way")));
        }
        if (whoTyped.size() > TICKS_MAX || areas.size() > TICKS_MAX || waysTyped.size() > TICKS_MAX) {
            errors.put(WHO, Message.of("groups.directory.error.who"));
        }

        boolean submitted = parameters.containsKey(SUBMITTED) || !text.isEmpty() || !ageTyped.isEmpty()
                || !whoTyped.isEmpty() || !areas.isEmpty() || !waysTyped.isEmpty();
        if (!submitted && defaultWho.isPresent()) {
            who.add(defaultWho.get());
            whoTyped = List.of(defaultWho.get().key());
        }

        int page = 1;
        String pageTyped = first(parameters, PAGE).strip();
        if (pageTyped.matches("\\d{1,5}")) {
            page = Math.max(1, Math.min(PAGE_MAX, Integer.parseInt(pageTyped)));
        }
        return new DirectoryFilter(text, ageTyped, age, who, whoTyped, areas, ways, waysTyped, page, submitted,
                errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Whether the visitor narrowed the directory at all, so "Clear filters" has something to clear. */
    public boolean narrowed() {
        return !text.isEmpty() || !ageTyped.isEmpty() || !whoTyped.isEmpty() || !areas.isEmpty()
                || !waysTyped.isEmpty();
    }

    /**
     * The search to run for a page of {@code size} groups; {@code scope}, a tick the widget is
     * limited to, replaces the visitor's own ticks of who it is for.
     */
    public GroupQuery query(int size, Optional<Eligibility> scope) {
        long first = (long) (page - 1) * size;
        return new GroupQuery(text, age, scope.map(Set::of).orElse(whoFor), areas, ways,
                (int) Math.min(first, Integer.MAX_VALUE - size), size);
    }

    /** This filter on another page. */
    public DirectoryFilter onPage(int other) {
        return new DirectoryFilter(text, ageTyped, age, whoFor, whoTyped, areas, ways, waysTyped, other, submitted,
                errors);
    }

    /**
     * The parameters of a link that shows this search again (page 1 left out): for paging, and
     * for a group's page, whose back link returns to the same results.
     */
    public Map<String, String> linkParameters() {
        Map<String, String> link = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            link.put(TEXT, text);
        }
        if (!ageTyped.isEmpty()) {
            link.put(AGE, ageTyped);
        }
        if (!whoTyped.isEmpty()) {
            link.put(WHO, String.join(JOIN, whoTyped));
        }
        if (!areas.isEmpty()) {
            link.put(AREA, String.join(JOIN, areas));
        }
        if (!waysTyped.isEmpty()) {
            link.put(WAY, String.join(JOIN, waysTyped));
        }
        if (submitted) {
            link.put(SUBMITTED, "1");
        }
        if (page > 1) {
            link.put(PAGE, Integer.toString(page));
        }
        return link;
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    /** Every non-empty value, whether sent as repeated fields or joined in one link parameter. */
    private static List<String> all(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String one : value.split(JOIN)) {
                String clean = one.strip();
                if (!clean.isEmpty() && !out.contains(clean)) {
                    out.add(clean);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return linkParameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&", "DirectoryFilter[", "]"));
    }
}
