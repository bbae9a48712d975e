package dev.participation.pledge.internal.authoring;

import java.util.List;

import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.kit.staff.Endpoint;
import dev.participation.kit.staff.NotFound;
import dev.participation.kit.staff.Screen;

/**
 * Paths below {@code /intranet/pledge-evidence/}: {@code ""} (choose a pledge), {@code {id}} (its
 * commitments with evidence counts), {@code {id}/{ckey}} (a commitment's evidence),
 * {@code {id}/{ckey}/new} (add some), {@code {id}/{ckey}/{evidenceId}/remove} (confirm, remove),
 * {@code {id}/{ckey}/{evidenceId}/approve} (an editor lets the public see it).
 */
final class EvidenceRouter {

    private final Pledges pledges;
    private final EvidenceScreens screens;

    EvidenceRouter(Pledges pledges) {
        this.pledges = pledges;
        this.screens = new EvidenceScreens(pledges);
    }

    Endpoint route(Screen s) {
        List<String> p = s.segments();
        if (p.isEmpty()) {
            return Endpoint.view(screens::pledgeList);
        }
        PledgeDraft d = Drafts.find(pledges, p.get(0));
        if (p.size() == 1) {
            return Endpoint.view(x -> screens.commitments(x, d));
        }
        Principle principle = d.content().principles().stream()
                .filter(pr -> pr.commitments().stream().anyMatch(c -> c.key().equals(p.get(1)))).findFirst()
                .orElseThrow(() -> new NotFound("commitment " + p.get(1)));
        Commitment c = Drafts.commitment(principle, p.get(1));
        if (p.size() == 2) {
            return Endpoint.view(x -> screens.evidence(x, d, principle, c));
        }
        if (p.size() == 3 && "new".equals(p.get(2))) {
            return Endpoint.of(x -> screens.newForm(x, d, principle, c), PledgeActions.EVIDENCE_ADD,
                    x -> screens.add(x, d, principle, c));
        }
        if (p.size() == 4 && "approve".equals(p.get(3))) {
            Evidence e = screens.find(d, c, p.get(2));
            return Endpoint.of(x -> screens.evidence(x, d, principle, c), PledgeActions.EVIDENCE_APPROVE,
                    x -> screens.approve(x, d, c, e));
        }
        if (p.size() == 4 && "remove".equals(p.get(3))) {
            Evidence e = screens.find(d, c, p.get(2));
            return Endpoint.of(x -> screens.confirmRemove(x, d, c, e), PledgeActions.EVIDENCE_REMOVE,
                    x -> screens.remove(x, d, c, e));
        }
        throw new NotFound(s.request().path());
    }
}
