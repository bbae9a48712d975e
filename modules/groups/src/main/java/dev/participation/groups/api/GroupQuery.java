package dev.participation.groups.api;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A visitor's search of the directory: words to find in a group's name, summary or description;
 * their age ("how old are you?", null for any); who it is for; areas; and how they can take part
 * ({@link Attendance#IN_PERSON} or {@link Attendance#ONLINE}). Ticks within one facet widen the
 * search (any of them), facets narrow it (all of them). {@code first} and {@code size} choose the
 * page of results.
 */
public record GroupQuery(String text, Integer age, Set<Eligibility> whoFor, Set<String> areas, Set<Attendance> ways,
        int first, int size) {

    public static final int SIZE_MAX = 100;

    public GroupQuery {
        text = text == null ? "" : text.strip();
        if (age != null && (age < 0 || age > WhoFor.OLDEST_VISITOR)) {
            throw new IllegalArgumentException("An age must be from 0 to " + WhoFor.OLDEST_VISITOR + ": " + age);
        }
        whoFor = whoFor == null || whoFor.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf((Collection<Eligibility>) whoFor));
        areas = areas == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(areas));
        ways = ways == null || ways.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf((Collection<Attendance>) ways));
        if (ways.contains(Attendance.BOTH)) {
            throw new IllegalArgumentException("Search for in-person or online groups; each includes groups doing both");
        }
        if (first < 0 || size < 1 || size > SIZE_MAX) {
            throw new IllegalArgumentException("A page starts at 0 or later and holds 1 to " + SIZE_MAX + " groups");
        }
    }

    /** Every group, first page. */
    public static GroupQuery everything(int size) {
        return new GroupQuery("", null, Set.of(), Set.of(), Set.of(), 0, size);
    }
}
