package dev.participation.api.widget;

import java.util.Objects;
import java.util.Optional;

/**
 * A rendered view: an HTML fragment that the host places inside its page. It must be well formed,
 * escape everything that came from people, and start its headings at the level the host asked for.
 *
 * @param html   the fragment
 * @param title  plain text for the page's {@code <title>} when the view is the page's main content
 *               (staff pages, a widget's detail view), or empty to keep the host's title
 * @param status the HTTP status the view means when it is the page's main content: 200, or a 4xx
 *               such as 404 for "this names nothing" (since 1.2). Hosts that cannot set a status
 *               (a portlet's render) still show the view
 */
public record WidgetView(String html, Optional<String> title, int status) {

    public static final int OK = 200;
    public static final int NOT_FOUND = 404;

    public WidgetView {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(title, "title");
        // A view is something to show a person: never a redirect, never a server error.
        if (status != OK && (status < 400 || status > 499)) {
            throw new IllegalArgumentException("A view's status is 200 or a 4xx, not " + status);
        }
    }

    /** A view answered with 200. */
    public WidgetView(String html, Optional<String> title) {
        this(html, title, OK);
    }

    public static WidgetView of(String html) {
        return new WidgetView(html, Optional.empty());
    }

    public static WidgetView titled(String title, String html) {
        return new WidgetView(html, Optional.of(title));
    }

    /**
     * This view with another status, for example {@code view.withStatus(WidgetView.NOT_FOUND)}
     * for a "page not found" screen.
     *
     * @since 1.2
     */
    public WidgetView withStatus(int newStatus) {
        return new WidgetView(html, title, newStatus);
    }
}
