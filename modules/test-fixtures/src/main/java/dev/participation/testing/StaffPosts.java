package dev.participation.testing;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.StaffRequest;
import dev.participation.kit.staff.RoutedAction;
import dev.participation.kit.staff.StaffActions;

/**
 * Posts to a staff page the way a host does: through the staff action the page names, with its
 * role checked. A widget test builds it once from the page and its actions.
 */
public final class StaffPosts {

    private final StaffPage page;
    private final Map<String, RoutedAction> actions;

    private StaffPosts(StaffPage page, Map<String, RoutedAction> actions) {
        this.page = page;
        this.actions = actions;
    }

    public static StaffPosts of(StaffPage page, Collection<? extends RoutedAction> actions) {
        return new StaffPosts(page, actions.stream().collect(Collectors.toMap(RoutedAction::name, Function.identity())));
    }

    /** What became of the post: {@link PostOutcome.Forbidden} when the person lacks the action's role. */
    public PostOutcome post(StaffRequest request) {
        return StaffActions.dispatch(page, request,
                (key, name) -> key.equals(page.key()) ? Optional.ofNullable(actions.get(name)) : Optional.empty());
    }
}
