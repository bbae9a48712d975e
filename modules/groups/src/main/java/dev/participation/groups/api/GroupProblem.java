package dev.participation.groups.api;

import java.util.Map;

import dev.participation.api.widget.Message;

/**
 * A change the service refused, with what is wrong per field. Field names are paths into
 * {@link GroupDetails}: {@code name}, {@code whoFor.youngest}, {@code place.attendance},
 * {@code feedsInto.group}, {@code imageAlt}, and {@code slug}.
 */
public class GroupProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Message> errors;

    public GroupProblem(Map<String, Message> errors) {
        super("Invalid group: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, Message> errors() {
        return errors;
    }
}
