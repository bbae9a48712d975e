package dev.participation.groups.api;

import java.util.Objects;

/**
 * How often and when a group meets, in the editor's words ("every other Tuesday, 5 to 7pm"), and
 * whether it stops in school holidays.
 */
public record Meetings(String when, boolean termTimeOnly) {

    public Meetings {
        Objects.requireNonNull(when, "when");
    }
}
