package dev.participation.api.account;

import java.time.Instant;
import java.util.Objects;

import dev.participation.api.widget.Person;

/** What became of a sign-in attempt. */
public sealed interface SignInResult {

    /** Name and password matched. */
    record SignedIn(Person person) implements SignInResult {
        public SignedIn {
            Objects.requireNonNull(person, "person");
        }
    }

    /** Wrong name or password; deliberately does not say which. */
    record Refused() implements SignInResult {
    }

    /** Too many failures: no attempt is checked until {@code until}. */
    record LockedOut(Instant until) implements SignInResult {
        public LockedOut {
            Objects.requireNonNull(until, "until");
        }
    }
}
