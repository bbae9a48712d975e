package dev.participation.pledge.internal.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.participation.kit.staff.Screen;
import dev.participation.kit.staff.Form;
import dev.participation.api.pledge.PledgeContent;
import dev.participation.api.pledge.PledgeDraft;
import dev.participation.api.pledge.PledgeProblem;
import dev.participation.api.pledge.PledgeRules;
import dev.participation.api.pledge.Pledges;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/** The list of every pledge, and creating a new one. */
final class PledgeListScreens {

    private final Pledges pledges;

    PledgeListScreens(Pledges pledges) {
        this.pledges = pledges;
    }

    WidgetView list(Screen s) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PledgeDraft d : pledges.drafts()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", d.content().title());
            row.put("href", s.href(Long.toString(d.id())));
            row.put("slug", d.slug());
            row.put("status", status(s, d));
            row.put("changedBy", s.who(d.updatedBy()));
            row.put("changedAt", s.dateTime(d.updatedAt()));
            rows.add(row);
        }
        return s.view(s.text("authoring.list.title"), "list.ftlh",
                Map.of("pledges", rows, "newHref", s.href("new")));
    }

    static String status(Screen s, PledgeDraft d) {
        if (d.publishedVersion() == 0) {
            return s.text("authoring.status.draft");
        }
        return d.unpublishedChanges() ? s.text("authoring.status.changed", d.publishedVersion())
                : s.text("authoring.status.published", d.publishedVersion());
    }

    WidgetView newForm(Screen s) {
        return showNew(s, Form.of(DetailsForm.FIELDS));
    }

    PostOutcome create(Screen s) {
        Form form = DetailsForm.read(s.request());
        String slug = DetailsForm.slug(form);
        PledgeContent content = DetailsForm.apply(form, new PledgeContent("", null, "", "", List.of(), List.of()));
        form.absorb(PledgeRules.check(content), "");
        if (!form.valid()) {
            return s.invalid(showNew(s, form));
        }
        try {
            PledgeDraft created = pledges.create(slug, content, s.actor());
            return s.done(Long.toString(created.id()), "authoring.notice.created", created.content().title());
        } catch (PledgeProblem problem) {
            form.absorb(problem.errors(), "");
            return s.invalid(showNew(s, form));
        }
    }

    private WidgetView showNew(Screen s, Form form) {
        return s.view(s.text("authoring.new.title"), "details.ftlh",
                Map.of("creating", true, "audiences", DetailsForm.audiences(s.messages()), "cancel", s.href("")),
                form);
    }
}
