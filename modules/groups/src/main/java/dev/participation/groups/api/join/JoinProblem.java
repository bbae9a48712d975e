package dev.participation.groups.api.join;

import java.util.Map;

import dev.participation.api.widget.Message;

/** A request, or a change to one, was refused; {@link #problems()} says why, per form field. */
public final class JoinProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Map<String, Message> problems;

    public JoinProblem(Map<String, Message> problems) {
        super("join request refused: " + problems.keySet(), null, false, false);
        this.problems = Map.copyOf(problems);
    }

    public Map<String, Message> problems() {
        return problems;
    }
}
