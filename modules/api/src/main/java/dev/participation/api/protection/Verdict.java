package dev.participation.api.protection;

import java.util.Objects;
import java.util.Optional;

import dev.participation.api.widget.Message;

/**
 * What a guard made of a post: it passed, or it was refused with a kind message for the person
 * (shown above the form, which keeps what they typed).
 *
 * @param refusal empty when the post may go ahead
 */
public record Verdict(Optional<Message> refusal) {

    private static final Verdict PASS = new Verdict(Optional.empty());

    public Verdict {
        Objects.requireNonNull(refusal, "refusal");
    }

    public static Verdict pass() {
        return PASS;
    }

    public static Verdict refused(Message message) {
        return new Verdict(Optional.of(message));
    }

    public boolean passed() {
        return refusal.isEmpty();
    }
}
