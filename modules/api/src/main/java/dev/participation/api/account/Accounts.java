package dev.participation.api.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.widget.Person;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Local accounts. Passwords are only ever kept as salted, deliberately slow hashes. Failed
 * sign-ins are throttled per client address and, with a short cap, per user name; the counts
 * are kept in the database so every portal node honours them.
 */
@ProviderType
public interface Accounts {

    /** The version a form that creates an account gives: saving fails if the name is taken. */
    long NEW_ACCOUNT = 0;

    /**
     * Checks a sign-in attempt. The answer never says whether the account exists: unknown names,
     * wrong passwords, disabled accounts and throttled names all get {@link SignInResult.Refused}
     * after the same work.
     *
     * @param username      as typed
     * @param password      as typed; the caller clears the array afterwards
     * @param clientAddress the address the attempt came from, for throttling
     */
    SignInResult signIn(String username, char[] password, String clientAddress);

    Optional<Person> find(String username);

    Optional<Account> account(String username);

    List<Account> all();

    /**
     * Creates or replaces an account. A changed password or changed roles end the account's
     * sessions, except the actor's own.
     *
     * @param password        the new password in clear, or {@code null} to keep the current one
     * @param expectedVersion the {@link Account#version()} the change was made on, or {@link #NEW_ACCOUNT}
     * @throws AccountChangedException   if the account is not at that version (someone else changed,
     *                                   created or removed it meanwhile); nothing was saved
     * @throws PasswordRejectedException if the password breaks the password rules
     * @throws IllegalArgumentException  if the name or roles break the rules
     */
    Person save(String username, String displayName, Set<String> roles, char[] password, long expectedVersion,
            Actor actor);

    /**
     * Someone changes their own password, giving the current one. Ends their other sessions.
     *
     * @throws PasswordRejectedException if the new password breaks the password rules
     */
    PasswordChange changeOwnPassword(String username, char[] current, char[] replacement, String clientAddress,
            Actor actor);

    /** Whether the account must change its password before using the intranet. */
    boolean passwordChangeRequired(String username);

    /**
     * Disables (ending its sessions at once) or re-enables an account.
     *
     * @throws IllegalArgumentException if the account does not exist, or an actor disables their own
     */
    void setEnabled(String username, boolean enabled, Actor actor);

    /** Ends every session of the account, the actor's own included. */
    void signOutEverywhere(String username, Actor actor);

    /** Whether any account holds the administrator role. */
    boolean hasAdministrator();
}
