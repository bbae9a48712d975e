package dev.participation.events.api;

import java.util.Map;

import dev.participation.api.widget.Characters;
import dev.participation.api.widget.Message;

/**
 * Refuses characters nobody types on purpose and that do harm downstream: control characters
 * (PostgreSQL refuses a NUL outright, and mail headers must not carry line breaks), unpaired
 * surrogates (not valid UTF-8), and the bidirectional overrides that make a name in a staff list
 * read differently from what it is. Line breaks and tabs are allowed in multi-line texts.
 * The characters are kit's ({@link Characters#arePlain}); single-line fields here also refuse
 * line breaks and tabs, since a name or contact can end up in a mail header.
 */
final class PlainText {

    static final String KEY = "events.error.characters";

    private PlainText() {
    }

    /** Puts an error for {@code field} unless one is there already and the value has such characters. */
    static void check(Map<String, Message> errors, String field, String value, boolean multiline) {
        if (!errors.containsKey(field) && !isPlain(value, multiline)) {
            errors.put(field, Message.of(KEY));
        }
    }

    static boolean isPlain(String value, boolean multiline) {
        return Characters.arePlain(value) && (multiline || value.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\t'));
    }
}
