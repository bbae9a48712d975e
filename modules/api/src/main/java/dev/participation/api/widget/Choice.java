package dev.participation.api.widget;

import java.util.Objects;

/**
 * One option of a {@link PreferenceType#CHOICE} preference.
 *
 * @param value      what is stored
 * @param label      what the editor sees: a message key, or the text itself for options that come
 *                   from content (a pledge's title, say)
 * @param labelIsKey whether {@code label} is a message key to translate
 */
public record Choice(String value, String label, boolean labelIsKey) {

    public Choice {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
    }

    /** An option whose label is a message key in the widget's resource bundle. */
    public static Choice keyed(String value, String labelKey) {
        return new Choice(value, labelKey, true);
    }

    /** An option labelled with content text that is shown as it is. */
    public static Choice named(String value, String text) {
        return new Choice(value, text, false);
    }
}
