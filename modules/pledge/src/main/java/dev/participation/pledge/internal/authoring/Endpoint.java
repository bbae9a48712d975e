package dev.participation.pledge.internal.authoring;

import java.util.function.Function;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/** What one path of a staff page does on GET and, where it has a form, on POST. */
record Endpoint(Function<Screen, WidgetView> get, Function<Screen, PostOutcome> post) {

    static Endpoint of(Function<Screen, WidgetView> get, Function<Screen, PostOutcome> post) {
        return new Endpoint(get, post);
    }

    /** A page with nothing to post. */
    static Endpoint view(Function<Screen, WidgetView> get) {
        return new Endpoint(get, s -> PostOutcome.notAccepted());
    }
}
