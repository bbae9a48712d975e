package dev.participation.pledge.internal.authoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.pledge.Commitment;
import dev.participation.api.pledge.Evidence;
import dev.participation.api.pledge.PledgeDraft;
import dev.participation.api.pledge.PledgeProblem;
import dev.participation.api.pledge.PledgeRules;
import dev.participation.api.pledge.Pledges;
import dev.participation.api.pledge.Principle;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/** Staff show that commitments are kept: per commitment, its evidence, adding and removing some. */
final class EvidenceScreens {

    static final String[] FIELDS = {"date-day", "date-month", "date-year", "description", "link"};

    private final Pledges pledges;

    EvidenceScreens(Pledges pledges) {
        this.pledges = pledges;
    }

    WidgetView pledgeList(Screen s) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PledgeDraft d : pledges.drafts()) {
            rows.add(Map.of("title", d.content().title(), "href", s.href(Long.toString(d.id())),
                    "status", PledgeListScreens.status(s, d)));
        }
        return s.view(s.text("evidence.page.title"), "evidence-pledges.ftlh", Map.of("pledges", rows));
    }

    WidgetView commitments(Screen s, PledgeDraft d) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Principle p : d.content().principles()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int j = 0; j < p.commitments().size(); j++) {
                Commitment c = p.commitments().get(j);
                rows.add(Map.of("number", j + 1, "text", c.text(), "count", pledges.evidence(d.id(), c.key()).size(),
                        "href", s.href(d.id() + "/" + c.key())));
            }
            groups.add(Map.of("title", p.title(), "commitments", rows));
        }
        return s.view(s.text("evidence.commitments.title", d.content().title()), "evidence-commitments.ftlh",
                Map.of("principles", groups, "back", s.href("")));
    }

    WidgetView evidence(Screen s, PledgeDraft d, Principle p, Commitment c) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Evidence e : pledges.evidence(d.id(), c.key())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", Times.date(e.date(), s.messages()));
            row.put("isoDate", e.date().toString());
            row.put("description", e.description());
            row.put("link", e.link().matches("(?i)https?://\\S+") ? e.link() : "");
            row.put("addedBy", e.addedBy());
            row.put("addedAt", Times.dateTime(e.addedAt(), s.messages()));
            row.put("removeHref", s.href(d.id() + "/" + c.key() + "/" + e.id() + "/remove"));
            rows.add(row);
        }
        return s.view(s.text("evidence.commitment.title"), "evidence-list.ftlh",
                Map.of("pledgeTitle", d.content().title(), "principleTitle", p.title(), "commitment", c.text(),
                        "evidence", rows, "addHref", s.href(d.id() + "/" + c.key() + "/new"),
                        "back", s.href(Long.toString(d.id()))));
    }

    WidgetView newForm(Screen s, PledgeDraft d, Principle p, Commitment c) {
        return show(s, d, p, c, Form.of(FIELDS).anchor("date", "date-day"));
    }

    PostOutcome add(Screen s, PledgeDraft d, Principle p, Commitment c) {
        Form form = Form.read(s.request(), FIELDS);
        Optional<LocalDate> date = DateInput.read(form, "date", LocalDate.now(s.clock().withZone(Times.ZONE)));
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
        try {
            pledges.addEvidence(d.id(), c.key(), date.get(), description, link, s.actor());
        } catch (PledgeProblem problem) {
            form.absorb(problem.errors(), "");
            return s.invalid(show(s, d, p, c, form));
        }
        return s.done(d.id() + "/" + c.key(), "evidence.notice.added");
    }

    WidgetView confirmRemove(Screen s, PledgeDraft d, Commitment c, Evidence e) {
        return s.view(s.text("evidence.remove.title"), "confirm-remove.ftlh",
                Map.of("what", e.description(), "warning", s.text("evidence.remove.warning"),
                        "button", s.text("evidence.remove.button"), "cancel", s.href(d.id() + "/" + c.key())));
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
                Map.of("principleTitle", p.title(), "commitment", c.text(), "cancel", s.href(d.id() + "/" + c.key())),
                form);
    }
}
