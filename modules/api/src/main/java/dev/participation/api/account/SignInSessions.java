package dev.participation.api.account;

import java.util.Optional;

import dev.participation.api.widget.Person;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signed-in sessions, kept in the database (only a hash of each token is stored) so any portal
 * node can serve any request and signing out ends the session everywhere.
 */
@ProviderType
public interface SignInSessions {

    /** Starts a session and returns the secret token for the cookie. */
    String start(Person person);

    /** The person behind a token, if the session exists and has not expired; extends it. */
    Optional<Person> resume(String token);

    /** Ends the session; unknown tokens are ignored. */
    void end(String token);
}
