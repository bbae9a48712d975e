package dev.participation.api.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.widget.Person;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Local accounts. Passwords are only ever kept as salted, deliberately slow hashes; repeated
 * failures lock an account for a while, and the lock is kept in the database so every portal
 * node honours it.
 */
@ProviderType
public interface Accounts {

    /**
     * Checks a sign-in attempt. The answer never says whether the account exists.
     *
     * @param username as typed
     * @param password as typed; the caller clears the array afterwards
     */
    SignInResult signIn(String username, char[] password);

    Optional<Person> find(String username);

    List<Person> all();

    /**
     * Creates or replaces an account.
     *
     * @param password the new password in clear, or {@code null} to keep the current one
     * @throws IllegalArgumentException if the name, roles or password break the rules
     */
    Person save(String username, String displayName, Set<String> roles, char[] password, String actor);

    /** Whether any account holds the administrator role. */
    boolean hasAdministrator();
}
