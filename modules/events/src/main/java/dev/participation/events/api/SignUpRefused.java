package dev.participation.events.api;

import dev.participation.api.protection.Verdict;

/**
 * A public sign-up the bot guard turned away inside the booking's transaction: nothing was booked,
 * and the verdict's message is for the person, above the form that keeps what they typed.
 *
 * @since 1.2
 */
public class SignUpRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Verdict verdict;

    public SignUpRefused(Verdict verdict) {
        super("Refused by the public form's guard");
        this.verdict = verdict;
    }

    public Verdict verdict() {
        return verdict;
    }
}
