package dev.participation.events.internal.editing;

import java.time.Clock;
import java.util.Optional;

import dev.participation.api.account.Accounts;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffPage;
import dev.participation.events.api.Events;
import dev.participation.kit.staff.RoutedAction;
import dev.participation.kit.staff.RoutedStaffPage;
import dev.participation.kit.staff.StaffSupport;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code /intranet/events-editing/}: editors write events - the list with each one's status,
 * adding an event with its first session, changing its details and sessions, publishing and
 * cancelling. Editors (and administrators) only, as for the group directory: staff who run the
 * day see who is coming on {@code /intranet/events/} but do not rewrite the event. Paths are on
 * {@link EventScreens}; the store writes each change to the audit log with the editor's account.
 */
@Component(service = {StaffPage.class, EventEditingPage.class})
public final class EventEditingPage extends RoutedStaffPage {

    public static final String KEY = "events-editing";
    static final String TEMPLATES = "/dev/participation/events/templates/editing";
    static final String[] BUNDLES = {"dev/participation/events/editing/Language",
        "dev/participation/events/shared/Language"};

    @Activate
    public EventEditingPage(@Reference Events events, @Reference Clock clock,
            // Optional: a Liferay portal has no local accounts; people are then named by their ids.
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Accounts accounts) {
        super(KEY, "events.editing.title", Roles.EDITOR, new StaffSupport(EventEditingPage.class, TEMPLATES, BUNDLES,
                clock, new EventScreens(events)::route, StaffSupport.namesFrom(accounts)));
    }

    /** Adds an event or saves its details. */
    @Component(service = StaffAction.class,
            property = {StaffAction.PAGE + "=" + KEY, StaffAction.NAME + "=" + EventScreens.SAVE})
    public static final class Save extends RoutedAction {
        @Activate
        public Save(@Reference EventEditingPage page) {
            super(page, EventScreens.SAVE);
        }
    }

    /** Adds or changes a session. */
    @Component(service = StaffAction.class,
            property = {StaffAction.PAGE + "=" + KEY, StaffAction.NAME + "=" + EventScreens.SESSION})
    public static final class Session extends RoutedAction {
        @Activate
        public Session(@Reference EventEditingPage page) {
            super(page, EventScreens.SESSION);
        }
    }

    /** Publishes or cancels an event. */
    @Component(service = StaffAction.class,
            property = {StaffAction.PAGE + "=" + KEY, StaffAction.NAME + "=" + EventScreens.STATUS})
    public static final class Status extends RoutedAction {
        @Activate
        public Status(@Reference EventEditingPage page) {
            super(page, EventScreens.STATUS);
        }
    }
}
