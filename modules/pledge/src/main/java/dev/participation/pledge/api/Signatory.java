package dev.participation.pledge.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Someone who signed the pledge: a councillor, a director, a youth group.
 *
 * @param name     who, as they want to be shown
 * @param role     their role or group, or empty
 * @param signedOn when
 */
public record Signatory(String name, String role, LocalDate signedOn) {
    public Signatory {
        name = name == null ? "" : name;
        role = role == null ? "" : role;
        Objects.requireNonNull(signedOn, "signedOn");
    }
}
