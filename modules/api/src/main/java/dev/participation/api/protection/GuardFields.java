package dev.participation.api.protection;

import java.util.Objects;

/**
 * The hidden fields a protected form carries. Names are without the host's namespace; the form
 * prefixes them like its other fields.
 *
 * @param honeypotName a text field people never see and must leave empty
 * @param tokenName    a hidden field for {@code token}
 * @param token        signed: which form, and when it was drawn
 */
public record GuardFields(String honeypotName, String tokenName, String token) {

    public GuardFields {
        Objects.requireNonNull(honeypotName, "honeypotName");
        Objects.requireNonNull(tokenName, "tokenName");
        Objects.requireNonNull(token, "token");
    }
}
