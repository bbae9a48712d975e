package dev.participation.api.widget;

import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page of the staff intranet that a widget bundle contributes (authoring pledges, handling
 * join requests, sign-up lists). The embedded portal serves it under {@code /intranet/<key>/};
 * only people holding {@link #requiredRole()} see it. What its forms post is done by
 * {@link StaffAction} components, each with the role it needs.
 */
@ConsumerType
public interface StaffPage {

    /** URL segment and identifier, lower case with dashes. */
    String key();

    /** Message key of the title shown in the intranet navigation. */
    String titleKey();

    /** One of {@link Roles}: what a person needs to see the page. */
    String requiredRole();

    ResourceBundle messages(Locale locale);

    /** Renders the page at {@link StaffRequest#path()}; must not change any state. */
    WidgetView render(StaffRequest request);

    /**
     * Which {@link StaffAction} a post to {@link StaffRequest#path()} asks for (registered with
     * this page's key and that name), or empty where nothing may be posted. Must not change any
     * state: the host asks before it checks the action's role.
     *
     * @since 2.0
     */
    default Optional<String> action(StaffRequest request) {
        return Optional.empty();
    }

    /**
     * Answers a post to a path with no {@link #action} (usually a second click on a button whose
     * thing is already gone). It must not change anything: no role guards it.
     *
     * @since 2.0
     */
    default PostOutcome unclaimed(StaffRequest request) {
        return PostOutcome.notAccepted();
    }
}
