package dev.participation.api.account;

import java.util.Objects;

/**
 * Who makes an account change, for the audit log, and the session they make it from, which
 * survives when the change ends that account's other sessions.
 *
 * @param username     the acting account, or {@code system}
 * @param sessionToken the actor's own session token, or empty
 */
public record Actor(String username, String sessionToken) {

    public Actor {
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("Every account change needs an actor for the audit log");
        }
        sessionToken = sessionToken == null ? "" : sessionToken;
    }

    /** A change made by configuration or at start-up, from no session. */
    public static Actor system() {
        return new Actor("system", "");
    }
}
