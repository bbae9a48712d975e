package dev.participation.pledge.api;

import java.util.Objects;

/**
 * One thing the council will do to keep a principle: "we will do this by ...".
 *
 * @param key          stable identifier across versions, so evidence stays attached through edits
 * @param text         the commitment, plain text with links
 * @param easyReadText the same in easy-read wording, or empty
 */
public record Commitment(String key, String text, String easyReadText) {
    public Commitment {
        Objects.requireNonNull(key, "key");
        text = text == null ? "" : text;
        easyReadText = easyReadText == null ? "" : easyReadText;
    }
}
