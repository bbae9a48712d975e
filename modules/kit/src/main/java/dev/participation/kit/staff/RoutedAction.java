package dev.participation.kit.staff;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffRequest;

/**
 * A staff action whose work is the post of the {@link Endpoint}s its page's routing names with
 * the action's name. A component extends it with the page's {@link StaffSupport}, its name and
 * its role, so the action's screens stay beside the page's other screens.
 */
public abstract class RoutedAction implements StaffAction {

    private final StaffSupport support;
    private final String name;
    private final String role;

    /**
     * An action anyone who may see its page may do: the page's role is the action's.
     *
     * @param name the action's name, as registered in its {@link StaffAction#NAME} property
     */
    protected RoutedAction(RoutedStaffPage page, String name) {
        this(page.support(), name, page.requiredRole());
    }

    /**
     * @param name the action's name, as registered in its {@link StaffAction#NAME} property
     * @param role one of {@code Roles}: what a person needs to do this
     */
    protected RoutedAction(StaffSupport support, String name, String role) {
        this.support = support;
        this.name = name;
        this.role = role;
    }

    /** The action's name, as its page's routing and its registration give it. */
    public final String name() {
        return name;
    }

    @Override
    public final String requiredRole() {
        return role;
    }

    @Override
    public final PostOutcome post(StaffRequest request) {
        return support.post(request, name);
    }
}
