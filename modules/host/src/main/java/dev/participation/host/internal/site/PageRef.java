package dev.participation.host.internal.site;

import java.util.Optional;

import dev.participation.host.internal.widget.RegisteredWidget;

/**
 * A page of the public site: the home page, or a widget type's own page.
 *
 * @param key    the page key instances are stored under: {@code home} or the widget key
 * @param path   its URL: {@code /} or {@code /<widget-key>}
 * @param widget the widget type the page belongs to; empty for the home page
 */
public record PageRef(String key, String path, Optional<RegisteredWidget> widget) {

    public static final String HOME = "home";

    public static PageRef home() {
        return new PageRef(HOME, "/", Optional.empty());
    }

    public static PageRef of(RegisteredWidget widget) {
        return new PageRef(widget.key(), "/" + widget.key(), Optional.of(widget));
    }

    /** The first path segment of the page's post URLs: {@code /home/widgets/3}, {@code /events/widgets/3}. */
    public String postBase() {
        return "/" + key;
    }
}
