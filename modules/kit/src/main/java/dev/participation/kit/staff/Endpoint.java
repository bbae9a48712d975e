package dev.participation.kit.staff;

import java.util.Optional;
import java.util.function.Function;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/**
 * What one path of a staff page does: the screen a GET shows and, where the path has a form, the
 * name of the staff action a POST to it is (a {@code StaffAction} registered under that name
 * does the work) and that work.
 *
 * @param get    the screen
 * @param action the action's name, or empty where nothing may be posted
 * @param post   what the action does, run by the action component that carries its role
 */
public record Endpoint(Function<Screen, WidgetView> get, Optional<String> action,
        Function<Screen, PostOutcome> post) {

    /** A path with a form posted to the named action. */
    public static Endpoint of(Function<Screen, WidgetView> get, String action, Function<Screen, PostOutcome> post) {
        return new Endpoint(get, Optional.of(action), post);
    }

    /** A page with nothing to post. */
    public static Endpoint view(Function<Screen, WidgetView> get) {
        return new Endpoint(get, Optional.empty(), s -> PostOutcome.notAccepted());
    }
}
