package dev.participation.api.widget;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a widget type declares about itself.
 *
 * @param key            stable identifier, lower case with dashes, used in URLs and stored placements
 * @param nameKey        message key of the display name
 * @param descriptionKey message key of a one-line description shown to editors
 * @param category       host category (Liferay's display category, the embedded portal's grouping)
 * @param preferences    the settings an editor can change per placed instance, in form order
 */
public record WidgetType(String key, String nameKey, String descriptionKey, String category,
        List<PreferenceDefinition> preferences) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public WidgetType {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("widget key must be lower case letters, digits and dashes: " + key);
        }
        Objects.requireNonNull(nameKey, "nameKey");
        Objects.requireNonNull(descriptionKey, "descriptionKey");
        Objects.requireNonNull(category, "category");
        preferences = List.copyOf(preferences);
        Set<String> seen = new HashSet<>();
        for (PreferenceDefinition p : preferences) {
            if (!seen.add(p.key())) {
                throw new IllegalArgumentException("preference declared twice: " + p.key());
            }
        }
    }

    public Optional<PreferenceDefinition> preference(String preferenceKey) {
        return preferences.stream().filter(p -> p.key().equals(preferenceKey)).findFirst();
    }

    /** The preferences a newly placed instance starts with. */
    public Preferences defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        for (PreferenceDefinition p : preferences) {
            values.put(p.key(), p.defaultValue());
        }
        return new Preferences(values);
    }

    /**
     * Validates what an editor submitted. Every declared preference is checked; a missing value
     * counts as empty. Values for undeclared keys are dropped, so stale or forged fields never
     * reach storage.
     */
    public PreferencesValidation validate(Map<String, String> submitted) {
        Map<String, String> accepted = new LinkedHashMap<>();
        Map<String, Message> errors = new LinkedHashMap<>();
        for (PreferenceDefinition p : preferences) {
            String raw = submitted.get(p.key());
            String value = p.normalise(raw);
            p.check(value).ifPresentOrElse(e -> errors.put(p.key(), e), () -> accepted.put(p.key(), value));
            if (errors.containsKey(p.key())) {
                accepted.put(p.key(), raw == null ? "" : raw);
            }
        }
        return new PreferencesValidation(new Preferences(accepted), errors);
    }

    /**
     * Reads stored values back, falling back to defaults for anything missing or no longer valid
     * (for example after a widget upgrade narrowed a choice), so a placed widget always renders.
     */
    public Preferences resolve(Map<String, String> stored) {
        Map<String, String> values = new LinkedHashMap<>();
        for (PreferenceDefinition p : preferences) {
            String value = stored.get(p.key());
            values.put(p.key(), value != null && p.check(value).isEmpty() ? value : p.defaultValue());
        }
        return new Preferences(values);
    }
}
