package dev.participation.kit.staff;

import java.util.Optional;
import java.util.function.BiFunction;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.StaffRequest;

/**
 * Hands a post to a staff page to the {@link StaffAction} it names, in any host: the page says
 * which action the post is, the host finds the action registered for the page's key and that
 * name, and only a person holding the action's role gets it run.
 */
public final class StaffActions {

    private StaffActions() {
    }

    /**
     * @param find the host's registered actions, by page key and action name
     * @return the action's outcome; {@link PostOutcome.Forbidden} for a person without its role
     *         (nothing ran); not accepted when no action is registered under the name
     */
    public static PostOutcome dispatch(StaffPage page, StaffRequest request,
            BiFunction<String, String, Optional<StaffAction>> find) {
        Optional<String> name = page.action(request);
        if (name.isEmpty()) {
            return page.unclaimed(request);
        }
        Optional<StaffAction> action = find.apply(page.key(), name.get());
        if (action.isEmpty()) {
            return PostOutcome.notAccepted();
        }
        if (!request.signedIn().hasRole(action.get().requiredRole())) {
            return PostOutcome.forbidden();
        }
        return action.get().post(request);
    }
}
