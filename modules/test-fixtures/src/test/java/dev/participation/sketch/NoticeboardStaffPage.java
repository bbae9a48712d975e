package dev.participation.sketch;

import java.time.Clock;

import dev.participation.api.account.Accounts;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffPage;
import dev.participation.kit.staff.RoutedAction;
import dev.participation.kit.staff.RoutedStaffPage;
import dev.participation.kit.staff.StaffSupport;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /intranet/noticeboard/}: participation staff list, add and change notices. Paths are on
 * {@link NoticeScreens}; its one form post is done by {@link Save}.
 */
@Component(service = {StaffPage.class, NoticeboardStaffPage.class})
public final class NoticeboardStaffPage extends RoutedStaffPage {

    public static final String KEY = "noticeboard";

    @Activate
    public NoticeboardStaffPage(@Reference Notices notices, @Reference Clock clock, @Reference Accounts accounts) {
        super(KEY, "sketch.staff.title", Roles.STAFF, new StaffSupport(NoticeboardStaffPage.class,
                NoticeboardWidget.TEMPLATES, new String[] {"dev/participation/sketch/Language"}, clock,
                new NoticeScreens(notices)::route, accounts::find));
    }

    /** Adds or changes a notice; staff may, as they may see the page. */
    @Component(service = StaffAction.class,
            property = {StaffAction.PAGE + "=" + KEY, StaffAction.NAME + "=" + NoticeScreens.SAVE})
    public static final class Save extends RoutedAction {
        @Activate
        public Save(@Reference NoticeboardStaffPage page) {
            super(page.support(), NoticeScreens.SAVE, Roles.STAFF);
        }
    }
}
