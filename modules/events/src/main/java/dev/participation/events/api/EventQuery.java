package dev.participation.events.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which published events to list, for visitors, widgets and feeds. Empty sets and null bounds mean
 * "any". An event is upcoming while any of its sessions has not ended.
 *
 * @param types  only these kinds of event
 * @param tags   only events with at least one of these tags
 * @param slugs  only these events, in this order (picked by hand by an editor)
 * @param age    only events someone of this age may come to
 * @param from   only events with a session ending after this
 * @param to     only events with a session starting before this
 * @param past   whether events whose sessions have all ended are listed too
 * @param limit  at most this many, soonest first
 */
public record EventQuery(Set<EventType> types, Set<String> tags, List<String> slugs, Integer age, Instant from,
        Instant to, boolean past, int limit) {

    public static final int LIMIT_MAX = 500;

    public EventQuery {
        types = Set.copyOf(Objects.requireNonNull(types, "types"));
        tags = Set.copyOf(Objects.requireNonNull(tags, "tags"));
        slugs = List.copyOf(Objects.requireNonNull(slugs, "slugs"));
        if (limit < 1 || limit > LIMIT_MAX) {
            throw new IllegalArgumentException("limit " + limit + " is not from 1 to " + LIMIT_MAX);
        }
    }

    /** Every upcoming published event. */
    public static EventQuery upcoming() {
        return new EventQuery(Set.of(), Set.of(), List.of(), null, null, null, false, LIMIT_MAX);
    }
}
