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

    /**
     * Wrong name or password, a disabled account, or too many recent failures for this name;
     * deliberately does not say which, so no answer tells whether an account exists.
     */
    record Refused() implements SignInResult {
    }

    /**
     * Too many failures from this client address: nothing from it is checked until {@code until}.
     * Says nothing about any account.
     */
    record Throttled(Instant until) implements SignInResult {
        public Throttled {
            Objects.requireNonNull(until, "until");
        }
    }

    /** Too many passwords are being checked at this moment; nothing was checked or counted. */
    record Busy() implements SignInResult {
    }
}
