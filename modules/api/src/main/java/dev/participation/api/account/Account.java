package dev.participation.api.account;

import java.util.Objects;

import dev.participation.api.widget.Person;

/**
 * A local account as administrators see it.
 *
 * @param enabled                whether it may sign in
 * @param passwordChangeRequired whether the next intranet page must be "change your password"
 * @param version                raised by every change; given back to {@link Accounts#save} to refuse
 *                               overwriting a change made meanwhile
 */
public record Account(Person person, boolean enabled, boolean passwordChangeRequired, long version) {

    public Account {
        Objects.requireNonNull(person, "person");
    }
}
