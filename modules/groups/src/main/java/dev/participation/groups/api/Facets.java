package dev.participation.groups.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many groups each facet value would show, as a faceted search counts them: a value's count
 * applies the search's words, age and every other facet's ticks, but not the ticks of its own
 * facet, so ticking it shows that many groups (or adds to them). Every eligibility and both ways
 * are present, with 0 where nothing matches; areas are those of groups matching the words and age,
 * in alphabetical order.
 */
public record Facets(Map<Eligibility, Integer> whoFor, Map<String, Integer> areas, Map<Attendance, Integer> ways) {

    public Facets {
        whoFor = Map.copyOf(whoFor);
        ways = Map.copyOf(ways);
        areas = Collections.unmodifiableMap(new TreeMap<>(areas));
    }
}
