package dev.participation.api.widget;

import java.util.Map;

/**
 * The outcome of checking an editor's submitted preferences.
 *
 * @param values what to show in the form again (valid values normalised, invalid ones as typed)
 * @param errors per preference key, the message explaining what is wrong; empty when valid
 */
public record PreferencesValidation(Preferences values, Map<String, Message> errors) {

    public PreferencesValidation {
        errors = Map.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
