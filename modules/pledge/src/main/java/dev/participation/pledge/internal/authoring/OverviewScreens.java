package dev.participation.pledge.internal.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.Principle;
import dev.participation.pledge.api.Signatory;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.Screen;
import dev.participation.kit.staff.Times;

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
        List<PrincipleRow> principles = new ArrayList<>();
        for (int i = 0; i < c.principles().size(); i++) {
            Principle p = c.principles().get(i);
            String at = base + "principles/" + p.key();
            principles.add(new PrincipleRow(i + 1, p.key(), p.title(), p.promise(), p.commitments().size(),
                    s.href(at), s.href(at + "/remove"), s.href(at + "/move"), i == 0, i == c.principles().size() - 1));
        }
        List<SignatoryRow> signatories = new ArrayList<>();
        for (int i = 0; i < c.signatories().size(); i++) {
            Signatory sig = c.signatories().get(i);
            String at = base + "signatories/" + (i + 1);
            signatories.add(new SignatoryRow(sig.name(), sig.role(), Times.date(sig.signedOn(), s.messages()),
                    s.href(at), s.href(at + "/remove")));
        }
        View model = new View(c.title(), d.slug(), c.audience() == null ? "" : s.text(c.audience().labelKey()),
                c.introduction(), c.easyReadIntroduction(), PledgeListScreens.status(s, d), s.who(d.updatedBy()),
                s.dateTime(d.updatedAt()), s.href(base + "details"), s.href(base + "principles/new"),
                s.href(base + "signatories/new"), s.href(base + "preview"), s.href(base + "publish"),
                s.href(base + "history"), principles, Part.principleOrder().basis(c), signatories);
        return s.view(c.title(), "overview.ftlh", model);
    }

    /** A draft at a glance, with a way to every form. */
    public record View(String title, String slug, String audience, String introduction, String easyReadIntroduction,
            String status, String changedBy, String changedAt, String detailsHref, String newPrincipleHref,
            String newSignatoryHref, String previewHref, String publishHref, String historyHref,
            List<PrincipleRow> principles, String orderBasis, List<SignatoryRow> signatories) {
    }

    /** A principle in the overview, with its place in the order. */
    public record PrincipleRow(int number, String key, String title, String promise, int commitments, String href,
            String removeHref, String moveAction, boolean first, boolean last) {
    }

    public record SignatoryRow(String name, String role, String signedOn, String href, String removeHref) {
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
                new DetailsForm.View(false, DetailsForm.audiences(s.messages()), s.href(Long.toString(d.id()))), form);
    }
}
