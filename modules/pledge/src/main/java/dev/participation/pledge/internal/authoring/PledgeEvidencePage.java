package dev.participation.pledge.internal.authoring;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import dev.participation.api.account.Accounts;
import dev.participation.api.pledge.Pledges;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.StaffRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.StaffSupport;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Participation staff record evidence that the council keeps its commitments, at
 * {@code /intranet/pledge-evidence/}; the public pledge shows an editor's at once and anyone
 * else's once an editor has approved it there. Paths are on
 * {@link EvidenceRouter}.
 */
@Component(service = {StaffPage.class, PledgeEvidencePage.class})
public final class PledgeEvidencePage implements StaffPage {

    public static final String KEY = "pledge-evidence";

    private final StaffSupport support;

    // The portal's clock service, so dates such as "not in the future" follow the same time as the
    // service layer (and tests can fix it); its accounts, to name who changed what.
    @Activate
    public PledgeEvidencePage(@Reference Pledges pledges, @Reference Clock clock, @Reference Accounts accounts) {
        this.support = new StaffSupport(PledgeEvidencePage.class, PledgeAuthoringPage.TEMPLATES,
                PledgeAuthoringPage.BUNDLES, clock,
                new EvidenceRouter(pledges)::route, accounts::find);
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String titleKey() {
        return "evidence.page.title";
    }

    @Override
    public String requiredRole() {
        return Roles.STAFF;
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return support.bundle(locale);
    }

    @Override
    public WidgetView render(StaffRequest request) {
        return support.render(request);
    }

    @Override
    public Optional<String> action(StaffRequest request) {
        return support.action(request);
    }

    @Override
    public PostOutcome unclaimed(StaffRequest request) {
        return support.unclaimed(request);
    }

    /** What this page's {@link PledgeActions} run through. */
    StaffSupport support() {
        return support;
    }
}
