package dev.participation.api.widget;

import java.util.Objects;
import java.util.Optional;

/**
 * A rendered view: an HTML fragment that the host places inside its page. It must be well formed,
 * escape everything that came from people, and start its headings at the level the host asked for.
 *
 * @param html  the fragment
 * @param title plain text for the page's {@code <title>} when the view is the page's main content
 *              (staff pages, a widget's detail view), or empty to keep the host's title
 */
public record WidgetView(String html, Optional<String> title) {

    public WidgetView {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(title, "title");
    }

    public static WidgetView of(String html) {
        return new WidgetView(html, Optional.empty());
    }

    public static WidgetView titled(String title, String html) {
        return new WidgetView(html, Optional.of(title));
    }
}
