package dev.participation.pledge.internal.authoring;

import java.util.List;

import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeProblem;
import dev.participation.pledge.api.PledgeRules;
import dev.participation.pledge.api.Pledges;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.Screen;

/** The list of every pledge, and creating a new one. */
final class PledgeListScreens {

    private final Pledges pledges;

    PledgeListScreens(Pledges pledges) {
        this.pledges = pledges;
    }

    WidgetView list(Screen s) {
        List<Row> rows = pledges.drafts().stream().map(d -> new Row(d.content().title(), s.href(Long.toString(d.id())),
                d.slug(), status(s, d), s.who(d.updatedBy()), s.dateTime(d.updatedAt()))).toList();
        return s.view(s.text("authoring.list.title"), "list.ftlh", new View(rows, s.href("new")));
    }

    /** Every pledge, and where to create one. */
    public record View(List<Row> pledges, String newHref) {
    }

    /** A pledge in the list: its status, and who changed it last and when. */
    public record Row(String title, String href, String slug, String status, String changedBy, String changedAt) {
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
                new DetailsForm.View(true, DetailsForm.audiences(s.messages()), s.href("")), form);
    }
}
