package dev.participation.pledge.internal.authoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeProblem;
import dev.participation.pledge.api.PledgeRules;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.ConfirmRemove;
import dev.participation.kit.staff.DateInput;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.NotFound;
import dev.participation.kit.staff.Screen;
import dev.participation.kit.staff.Times;
import dev.participation.pledge.internal.view.EvidenceLinks;

/** Staff show that commitments are kept: per commitment, its evidence, adding and removing some. */
final class EvidenceScreens {

    static final String[] FIELDS = {"date-day", "date-month", "date-year", "description", "link"};

    private final Pledges pledges;

    EvidenceScreens(Pledges pledges) {
        this.pledges = pledges;
    }

    WidgetView pledgeList(Screen s) {
        List<PledgeRow> rows = pledges.drafts().stream().map(d -> new PledgeRow(d.content().title(),
                s.href(Long.toString(d.id())), PledgeListScreens.status(s, d))).toList();
        return s.view(s.text("evidence.page.title"), "evidence-pledges.ftlh", new PledgeChoice(rows));
    }

    WidgetView commitments(Screen s, PledgeDraft d) {
        List<PrincipleGroup> groups = new ArrayList<>();
        for (Principle p : d.content().principles()) {
            List<CommitmentRow> rows = new ArrayList<>();
            for (int j = 0; j < p.commitments().size(); j++) {
                Commitment c = p.commitments().get(j);
                List<Evidence> evidence = pledges.evidence(d.id(), c.key());
                rows.add(new CommitmentRow(j + 1, c.text(), evidence.size(),
                        evidence.stream().filter(e -> !e.approved()).count(), s.href(d.id() + "/" + c.key())));
            }
            groups.add(new PrincipleGroup(p.title(), rows));
        }
        return s.view(s.text("evidence.commitments.title", d.content().title()), "evidence-commitments.ftlh",
                new Commitments(groups, s.href("")));
    }

    WidgetView evidence(Screen s, PledgeDraft d, Principle p, Commitment c) {
        String at = d.id() + "/" + c.key() + "/";
        List<EvidenceRow> rows = pledges.evidence(d.id(), c.key()).stream().map(e -> new EvidenceRow(
                Times.date(e.date(), s.messages()), e.date().toString(), e.description(),
                EvidenceLinks.followable(e.link()), EvidenceLinks.site(e.link()), !e.approved(),
                s.href(at + e.id() + "/approve"), s.who(e.addedBy()), s.dateTime(e.addedAt()),
                s.href(at + e.id() + "/remove"))).toList();
        return s.view(s.text("evidence.commitment.title"), "evidence-list.ftlh",
                new EvidenceList(d.content().title(), p.title(), c.text(), rows, s.href(at + "new"), isEditor(s),
                        s.href(Long.toString(d.id()))));
    }

    WidgetView newForm(Screen s, PledgeDraft d, Principle p, Commitment c) {
        return show(s, d, p, c, Form.of(FIELDS).anchor("date", "date-day"));
    }

    PostOutcome add(Screen s, PledgeDraft d, Principle p, Commitment c) {
        Form form = Form.read(s.request(), FIELDS);
        Optional<LocalDate> date = DateInput.read(form, "date", s.today());
        String description = form.text("description");
        if (description.isEmpty()) {
            form.reject("description", "pledge.error.description");
        } else if (description.codePointCount(0, description.length()) > PledgeRules.TEXT_MAX) {
            form.reject("description", "pledge.error.tooLong", PledgeRules.TEXT_MAX);
        }
        String link = form.text("link");
        if (!link.isEmpty() && !PledgeRules.validLink(link)) {
            form.reject("link", "pledge.error.link");
        }
        if (!form.valid() || date.isEmpty()) {
            return s.invalid(show(s, d, p, c, form));
        }
        // What the public sees of a children's pledge is an editor's call: anyone else's waits.
        boolean editor = isEditor(s);
        try {
            pledges.addEvidence(d.id(), c.key(), date.get(), description, link, s.actor(), editor);
        } catch (PledgeProblem problem) {
            form.absorb(problem.errors(), "");
            return s.invalid(show(s, d, p, c, form));
        }
        return s.done(d.id() + "/" + c.key(), editor ? "evidence.notice.added" : "evidence.notice.held");
    }

    PostOutcome approve(Screen s, PledgeDraft d, Commitment c, Evidence e) {
        try {
            pledges.approveEvidence(d.id(), e.id(), s.actor());
        } catch (NoSuchElementException removed) {
            throw new NotFound("evidence " + e.id());
        }
        return s.done(d.id() + "/" + c.key(), "evidence.notice.approved");
    }

    private static boolean isEditor(Screen s) {
        return s.request().signedIn().hasRole(Roles.EDITOR);
    }

    WidgetView confirmRemove(Screen s, PledgeDraft d, Commitment c, Evidence e) {
        return s.confirmRemove(s.text("evidence.remove.title"),
                new ConfirmRemove(e.description(),
                        s.text("evidence.remove.warning"),
                        s.text("evidence.remove.button"),
                        s.href(d.id() + "/" + c.key()), ""));
    }

    PostOutcome remove(Screen s, PledgeDraft d, Commitment c, Evidence e) {
        pledges.removeEvidence(d.id(), e.id(), s.actor());
        return s.done(d.id() + "/" + c.key(), "evidence.notice.removed");
    }

    Evidence find(PledgeDraft d, Commitment c, String id) {
        return pledges.evidence(d.id(), c.key()).stream().filter(e -> Long.toString(e.id()).equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("evidence " + id));
    }

    private WidgetView show(Screen s, PledgeDraft d, Principle p, Commitment c, Form form) {
        return s.view(s.text("evidence.add.title"), "evidence-add.ftlh",
                new AddForm(p.title(), c.text(), s.href(d.id() + "/" + c.key())), form);
    }

    /** Choose a pledge to record evidence for. */
    public record PledgeChoice(List<PledgeRow> pledges) {
    }

    public record PledgeRow(String title, String href, String status) {
    }

    /** A pledge's commitments, by principle, with how much evidence each has and how much waits. */
    public record Commitments(List<PrincipleGroup> principles, String back) {
    }

    public record PrincipleGroup(String title, List<CommitmentRow> commitments) {
    }

    public record CommitmentRow(int number, String text, int count, long waiting, String href) {
    }

    /** A commitment's evidence; only editors are offered to approve what waits. */
    public record EvidenceList(String pledgeTitle, String principleTitle, String commitment, List<EvidenceRow> evidence,
            String addHref, boolean canApprove, String back) {
    }

    public record EvidenceRow(String date, String isoDate, String description, String link, String site,
            boolean waiting, String approveAction, String addedBy, String addedAt, String removeHref) {
    }

    public record AddForm(String principleTitle, String commitment, String cancel) {
    }
}
