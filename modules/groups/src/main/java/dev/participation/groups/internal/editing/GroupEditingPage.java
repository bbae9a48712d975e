package dev.participation.groups.internal.editing;

import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.participation.api.account.Accounts;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffAction;
import dev.participation.api.widget.StaffPage;
import dev.participation.groups.api.Groups;
import dev.participation.kit.staff.RoutedAction;
import dev.participation.kit.staff.RoutedStaffPage;
import dev.participation.kit.staff.StaffSupport;

/**
 * {@code /intranet/groups/}: editors keep the group directory right - the list of groups with
 * those due a review, adding a group and changing every detail of one. Paths are on
 * {@link GroupScreens}; both forms post the {@link Save} action. The store writes each save to
 * the audit log with the editor's account.
 */
@Component(service = {StaffPage.class, GroupEditingPage.class})
public final class GroupEditingPage extends RoutedStaffPage {

    public static final String KEY = "groups";

    static final String TEMPLATES = "/dev/participation/groups/templates/editing";
    static final String[] BUNDLES = {"dev/participation/groups/editing/Language",
        "dev/participation/groups/shared/Language"};

    @Activate
    public GroupEditingPage(@Reference Groups groups, @Reference Clock clock,
            // Optional: a Liferay portal has no local accounts; the manager is then typed as an
            // account id, and people are named by their ids. Greedy, so accounts arriving later are used.
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Accounts accounts) {
        this(groups, clock, accounts == null ? StaffAccounts.NONE : new StaffAccounts(accounts));
    }

    GroupEditingPage(Groups groups, Clock clock, StaffAccounts accounts) {
        super(KEY, "groups.editing.title", Roles.EDITOR, new StaffSupport(GroupEditingPage.class, TEMPLATES, BUNDLES,
                clock, new GroupScreens(groups, accounts)::route,
                accounts::find));
    }

    /** Adds or changes a group; only editors may. */
    @Component(service = StaffAction.class,
            property = {StaffAction.PAGE + "=" + KEY, StaffAction.NAME + "=" + GroupScreens.SAVE})
    public static final class Save extends RoutedAction {
        @Activate
        public Save(@Reference GroupEditingPage page) {
            super(page, GroupScreens.SAVE);
        }
    }
}
