package dev.participation.pledge.internal.authoring;

import java.time.Clock;
import java.util.Optional;

import dev.participation.api.account.Accounts;
import dev.participation.pledge.api.Pledges;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffPage;
import dev.participation.kit.staff.RoutedStaffPage;
import dev.participation.kit.staff.StaffSupport;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Participation staff record evidence that the council keeps its commitments, at
 * {@code /intranet/pledge-evidence/}; the public pledge shows an editor's at once and anyone
 * else's once an editor has approved it there. Paths are on {@link EvidenceRouter}; what its forms
 * post is done by {@link PledgeActions}.
 */
@Component(service = {StaffPage.class, PledgeEvidencePage.class})
public final class PledgeEvidencePage extends RoutedStaffPage {

    public static final String KEY = "pledge-evidence";

    // The same clock and accounts as the authoring page, for the same reasons.
    @Activate
    public PledgeEvidencePage(@Reference Pledges pledges, @Reference Clock clock,
            // Optional: a Liferay portal has no local accounts, and these pages still work there,
            // naming people by their account id. Greedy, so accounts that arrive later are used.
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Accounts accounts) {
        super(KEY, "evidence.page.title", Roles.STAFF, new StaffSupport(PledgeEvidencePage.class,
                PledgeAuthoringPage.TEMPLATES, PledgeAuthoringPage.BUNDLES, clock,
                new EvidenceRouter(pledges)::route,
                StaffSupport.namesFrom(accounts)));
    }
}
