package dev.participation.groups.internal.requests;

import java.time.Clock;

import dev.participation.api.account.Accounts;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffPage;
import dev.participation.groups.api.Groups;
import dev.participation.groups.api.join.JoinRequests;
import dev.participation.kit.staff.RoutedAction;
import dev.participation.kit.staff.RoutedStaffPage;
import dev.participation.kit.staff.StaffSupport;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /intranet/join-requests/}: participation staff answer requests to join groups. Staff (and
 * administrators) may read and answer them; editors, who keep the directory, may not: a request
 * holds a young person's contact details, which only the people who answer need.
 */
@Component(service = {StaffPage.class, JoinRequestsStaffPage.class})
public final class JoinRequestsStaffPage extends RoutedStaffPage {

    public static final String KEY = "join-requests";
    static final String TEMPLATES = "/dev/participation/groups/templates";

    @Activate
    public JoinRequestsStaffPage(@Reference JoinRequests requests, @Reference Groups groups, @Reference Clock clock,
            @Reference Accounts accounts) {
        super(KEY, "requests.title", Roles.STAFF, new StaffSupport(JoinRequestsStaffPage.class, TEMPLATES,
                RequestScreens.BUNDLES, clock, new RequestScreens(requests, groups)::route, accounts::find));
    }

    /** Changes a request's status. */
    @Component(service = StaffAction.class,
            property = {StaffAction.PAGE + "=" + KEY, StaffAction.NAME + "=" + RequestScreens.STATUS})
    public static final class Status extends RoutedAction {
        @Activate
        public Status(@Reference JoinRequestsStaffPage page) {
            super(page, RequestScreens.STATUS);
        }
    }

    /** Records that a member left, erasing their details. */
    @Component(service = StaffAction.class,
            property = {StaffAction.PAGE + "=" + KEY, StaffAction.NAME + "=" + RequestScreens.LEAVE})
    public static final class Leave extends RoutedAction {
        @Activate
        public Leave(@Reference JoinRequestsStaffPage page) {
            super(page, RequestScreens.LEAVE);
        }
    }
}
