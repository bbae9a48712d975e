package dev.participation.api.widget;

import java.util.Locale;
import java.util.ResourceBundle;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page of the staff intranet that a widget bundle contributes (authoring pledges, handling
 * join requests, sign-up lists). The embedded portal serves it under {@code /intranet/<key>/};
 * only people holding {@link #requiredRole()} reach it.
 */
@ConsumerType
public interface StaffPage {

    /** URL segment and identifier, lower case with dashes. */
    String key();

    /** Message key of the title shown in the intranet navigation. */
    String titleKey();

    /** One of {@link Roles}. */
    String requiredRole();

    ResourceBundle messages(Locale locale);

    /** Renders the page at {@link StaffRequest#path()}; must not change any state. */
    WidgetView render(StaffRequest request);

    /** Handles a post the host has already checked for a valid CSRF token. */
    default PostOutcome post(StaffRequest request) {
        return PostOutcome.notAccepted();
    }
}
