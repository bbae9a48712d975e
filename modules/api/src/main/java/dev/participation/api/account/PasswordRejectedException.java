package dev.participation.api.account;

import java.util.Objects;

/** A new password breaks the password rules; {@link #problem()} says which. */
public final class PasswordRejectedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final PasswordProblem problem;

    public PasswordRejectedException(PasswordProblem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public PasswordProblem problem() {
        return problem;
    }
}
