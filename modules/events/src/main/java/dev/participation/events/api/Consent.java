package dev.participation.events.api;

import java.util.Objects;

/** The permission a child under the event's consent age needs: who agreed, and as what. */
public record Consent(String givenBy, ConsentRole role) {

    public Consent {
        Objects.requireNonNull(givenBy, "givenBy");
        Objects.requireNonNull(role, "role");
    }
}
