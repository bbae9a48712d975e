package dev.participation.api.widget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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

    /**
     * This outcome with a widget's own checks added ({@code widget::validate}). They run only on
     * values that passed the declared checks, so a widget never sees a malformed value.
     *
     * @since 2.0
     */
    public PreferencesValidation and(Function<Preferences, Map<String, Message>> widgetChecks) {
        if (!valid()) {
            return this;
        }
        Map<String, Message> found = new LinkedHashMap<>(widgetChecks.apply(values));
        // Only declared settings can be wrong; anything else a widget reports has no field to sit beside.
        found.keySet().retainAll(values.asMap().keySet());
        return found.isEmpty() ? this : new PreferencesValidation(values, found);
    }
}
