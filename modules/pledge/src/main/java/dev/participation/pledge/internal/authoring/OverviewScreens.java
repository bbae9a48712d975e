package dev.participation.pledge.internal.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.participation.kit.staff.Screen;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.Times;
import dev.participation.api.pledge.PledgeContent;
import dev.participation.api.pledge.PledgeDraft;
import dev.participation.api.pledge.Principle;
import dev.participation.api.pledge.Signatory;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/** A draft's overview, and changing its title, audience and introductions. */
final class OverviewScreens {

    private static final String[] DETAIL_FIELDS = {"title", "audience", "introduction", "easyReadIntroduction"};
    private static final List<DraftSaver.Shown> SHOWN = List.of(
            DraftSaver.Shown.of("authoring.field.title", "title"),
            DraftSaver.Shown.choice("authoring.field.audience", "audience", "audience."),
            DraftSaver.Shown.of("authoring.field.introduction", "introduction"),
            DraftSaver.Shown.of("authoring.field.easyReadIntroduction", "easyReadIntroduction"));

    private final DraftSaver saver;

    OverviewScreens(DraftSaver saver) {
        this.saver = saver;
    }

    WidgetView overview(Screen s, PledgeDraft d) {
        String base = d.id() + "/";
        PledgeContent c = d.content();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", c.title());
        model.put("slug", d.slug());
        model.put("audience", c.audience() == null ? "" : s.text(c.audience().labelKey()));
        model.put("introduction", c.introduction());
        model.put("easyReadIntroduction", c.easyReadIntroduction());
        model.put("status", PledgeListScreens.status(s, d));
        model.put("changedBy", s.who(d.updatedBy()));
        model.put("changedAt", s.dateTime(d.updatedAt()));
        model.put("detailsHref", s.href(base + "details"));
        model.put("newPrincipleHref", s.href(base + "principles/new"));
        model.put("newSignatoryHref", s.href(base + "signatories/new"));
        model.put("previewHref", s.href(base + "preview"));
        model.put("publishHref", s.href(base + "publish"));
        model.put("historyHref", s.href(base + "history"));
        List<Map<String, Object>> principles = new ArrayList<>();
        for (int i = 0; i < c.principles().size(); i++) {
            Principle p = c.principles().get(i);
            String at = base + "principles/" + p.key();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", i + 1);
            row.put("key", p.key());
            row.put("title", p.title());
            row.put("promise", p.promise());
            row.put("commitments", p.commitments().size());
            row.put("href", s.href(at));
            row.put("removeHref", s.href(at + "/remove"));
            row.put("moveAction", s.href(at + "/move"));
            row.put("first", i == 0);
            row.put("last", i == c.principles().size() - 1);
            principles.add(row);
        }
        model.put("principles", principles);
        model.put("orderBasis", Part.principleOrder().basis(c));
        List<Map<String, Object>> signatories = new ArrayList<>();
        for (int i = 0; i < c.signatories().size(); i++) {
            Signatory sig = c.signatories().get(i);
            String at = base + "signatories/" + (i + 1);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", sig.name());
            row.put("role", sig.role());
            row.put("signedOn", Times.date(sig.signedOn(), s.messages()));
            row.put("href", s.href(at));
            row.put("removeHref", s.href(at + "/remove"));
            signatories.add(row);
        }
        model.put("signatories", signatories);
        return s.view(c.title(), "overview.ftlh", model);
    }

    WidgetView details(Screen s, PledgeDraft d) {
        return showDetails(s, d,
                DetailsForm.of(d.content(), d.slug()).set(DraftSaver.BASIS, Part.details().basis(d.content())));
    }

    PostOutcome saveDetails(Screen s, PledgeDraft d) {
        Form form = Form.read(s.request(), DETAIL_FIELDS);
        DraftSaver.Edit edit = new DraftSaver.Edit(Part.details(), c -> Optional.of(DetailsForm.of(c, d.slug())),
                SHOWN, c -> DetailsForm.apply(form, c), c -> "");
        return saver.save(s, d, form, edit, f -> showDetails(s, d, f),
                () -> s.done(Long.toString(d.id()), "authoring.notice.saved"));
    }

    private WidgetView showDetails(Screen s, PledgeDraft d, Form form) {
        form.set("slug", d.slug());
        return s.view(s.text("authoring.details.title"), "details.ftlh",
                Map.of("creating", false, "audiences", DetailsForm.audiences(s.messages()),
                        "cancel", s.href(Long.toString(d.id()))),
                form);
    }
}
