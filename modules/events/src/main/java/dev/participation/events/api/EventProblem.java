package dev.participation.events.api;

import java.util.Map;

import dev.participation.api.widget.Message;

/**
 * A change or a sign-up the service refused, with what is wrong per field. Field names are paths:
 * {@code title}, {@code sessions[0].capacity}, {@code attendees[1].consent.givenBy},
 * {@code contact.email}, {@code slug}; a problem with the whole request is under {@code ""}.
 */
public class EventProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Message> errors;

    public EventProblem(Map<String, Message> errors) {
        super("Refused: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public static EventProblem of(String field, String key, Object... arguments) {
        return new EventProblem(Map.of(field, Message.of(key, arguments)));
    }

    public Map<String, Message> errors() {
        return errors;
    }
}
