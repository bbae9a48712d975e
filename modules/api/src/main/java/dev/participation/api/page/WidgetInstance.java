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
 */
public record WidgetInstance(String id, String pageKey, int position, String widgetType,
        Map<String, String> preferences, Instant updatedAt, String updatedBy) {

    public WidgetInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pageKey, "pageKey");
        Objects.requireNonNull(widgetType, "widgetType");
        preferences = Map.copyOf(preferences);
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }
}
