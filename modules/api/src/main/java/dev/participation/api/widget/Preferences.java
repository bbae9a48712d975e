package dev.participation.api.widget;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A placed widget's settings, already validated against its {@link WidgetType}. */
public final class Preferences {

    private final Map<String, String> values;

    public Preferences(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Optional<String> value(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public int getInt(String key, int fallback) {
        try {
            return Integer.parseInt(values.get(key));
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(values.get(key));
    }

    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preferences p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Preferences" + values;
    }
}
