package dev.participation.pledge.api;

import java.util.Map;

import dev.participation.api.widget.Message;

/**
 * A change the service refused, with what is wrong per field. Field names are paths into the
 * content: {@code title}, {@code principles[2].imageAlt}, {@code principles[0].commitments[1].text},
 * {@code signatories[0].name}, {@code slug}.
 */
public class PledgeProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Message> errors;

    public PledgeProblem(Map<String, Message> errors) {
        super("Invalid pledge: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, Message> errors() {
        return errors;
    }
}
