package dev.participation.api.page;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A widget placed on a page, with its stored settings. Settings live in the database so every
 * portal node sharing it renders the same thing.
 *
 * @param id          opaque identifier, safe in URLs
 * @param pageKey     the page it sits on
 * @param position    its order on the page, from 0
 * @param widgetType  the {@link dev.participation.api.widget.WidgetType#key()} it renders with
 * @param preferences the stored settings, as last validated by the widget type
 * @param updatedAt   when it was placed or last configured
 * @param updatedBy   who did that
 * @param version     the settings' version: 1 when placed, one more on every change of settings. An
 *                    editor's form carries the version it was drawn from, so a save made over
 *                    someone else's newer change is noticed instead of silently undoing it
 *                    (since 1.1)
 */
public record WidgetInstance(String id, String pageKey, int position, String widgetType,
        Map<String, String> preferences, Instant updatedAt, String updatedBy, long version) {

    /** The first version of a newly placed instance's settings. */
    public static final long FIRST_VERSION = 1;

    public WidgetInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pageKey, "pageKey");
        Objects.requireNonNull(widgetType, "widgetType");
        preferences = Map.copyOf(preferences);
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        if (version < FIRST_VERSION) {
            throw new IllegalArgumentException("version must be " + FIRST_VERSION + " or more: " + version);
        }
    }

    /** An instance whose settings are at their first version. */
    public WidgetInstance(String id, String pageKey, int position, String widgetType,
            Map<String, String> preferences, Instant updatedAt, String updatedBy) {
        this(id, pageKey, position, widgetType, preferences, updatedAt, updatedBy, FIRST_VERSION);
    }
}
