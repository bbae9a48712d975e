package dev.participation.api.widget;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One thing a staff page lets people do with a form post (publish a pledge, approve evidence), as
 * its own small component with the role it needs, the way Liferay registers an
 * {@code MVCActionCommand}. Register it as a {@code StaffAction} service with the properties
 * {@link #PAGE} (the {@link StaffPage#key()} it belongs to) and {@link #NAME} (the name the page's
 * {@link StaffPage#action(StaffRequest)} gives the post).
 *
 * <p>The host runs the action only for a person holding {@link #requiredRole()}; anyone else gets
 * a "forbidden" page and nothing changes. A post no registered action matches is not accepted.
 *
 * @since 2.0
 */
@ConsumerType
public interface StaffAction {

    /** Service property: the key of the staff page this action belongs to. */
    String PAGE = "staff.page";

    /** Service property: the action's name within its page. */
    String NAME = "staff.action";

    /**
     * One of {@link Roles}: what a person needs to do this. It may be more than the page's own
     * role (staff see the evidence page and add evidence; only editors approve it).
     */
    String requiredRole();

    /** Does the work; the host has already checked the CSRF token and the role. */
    PostOutcome post(StaffRequest request);
}
