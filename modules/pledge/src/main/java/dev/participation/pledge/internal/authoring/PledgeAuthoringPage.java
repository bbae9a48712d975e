package dev.participation.pledge.internal.authoring;

import java.time.Clock;
import java.util.Optional;

import dev.participation.api.account.Accounts;
import dev.participation.pledge.api.Pledges;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffPage;
import dev.participation.kit.staff.RoutedStaffPage;
import dev.participation.kit.staff.StaffSupport;
import dev.participation.pledge.internal.view.PledgeRenderer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Web editors write, preview, publish and restore pledges and charters at
 * {@code /intranet/pledges/}. The paths are listed on {@link AuthoringRouter}; what its forms
 * post is done by {@link PledgeActions}.
 */
@Component(service = {StaffPage.class, PledgeAuthoringPage.class})
public final class PledgeAuthoringPage extends RoutedStaffPage {

    public static final String KEY = "pledges";

    /** The pledge bundle's staff templates, and its words: the staff pages' own, then the widget's shared. */
    static final String TEMPLATES = "/dev/participation/pledge/templates/authoring";
    static final String[] BUNDLES = {"dev/participation/pledge/authoring/Language",
        "dev/participation/pledge/shared/Language"};

    // The portal's clock service, so dates such as "not in the future" follow the same time as the
    // service layer (and tests can fix it); its accounts, to name who changed what.
    @Activate
    public PledgeAuthoringPage(@Reference Pledges pledges, @Reference Clock clock,
            // Optional: a Liferay portal has no local accounts, and these pages still work there,
            // naming people by their account id. Greedy, so accounts that arrive later are used.
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Accounts accounts) {
        super(KEY, "authoring.page.title", Roles.EDITOR, new StaffSupport(PledgeAuthoringPage.class, TEMPLATES,
                BUNDLES, clock, new AuthoringRouter(pledges, new PledgeRenderer())::route,
                StaffSupport.namesFrom(accounts)));
    }
}
