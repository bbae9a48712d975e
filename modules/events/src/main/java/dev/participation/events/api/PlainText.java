package dev.participation.events.api;

import java.util.Map;

import dev.participation.api.widget.Message;

/**
 * Refuses characters nobody types on purpose and that do harm downstream: control characters
 * (PostgreSQL refuses a NUL outright, and mail headers must not carry line breaks), unpaired
 * surrogates (not valid UTF-8), and the bidirectional overrides that make a name in a staff list
 * read differently from what it is. Line breaks and tabs are allowed in multi-line texts.
 * Kept here until kit's TextChecks grows the same rule.
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
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
            boolean lineOrTab = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(multiline && lineOrTab)) {
                return false;
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return false;
            }
        }
        return true;
    }
}
