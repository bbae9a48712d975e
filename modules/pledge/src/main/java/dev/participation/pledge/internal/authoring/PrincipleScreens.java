package dev.participation.pledge.internal.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.Principle;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.ConfirmRemove;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.Moves;
import dev.participation.kit.staff.Screen;

/** Adding, changing, moving and removing a principle; a principle's page lists its commitments. */
final class PrincipleScreens {

    static final String[] FIELDS = {"title", "promise", "easyReadPromise", "imageUrl", "imageAlt"};
    private static final List<DraftSaver.Shown> SHOWN = List.of(
            DraftSaver.Shown.of("authoring.field.principleTitle", "title"),
            DraftSaver.Shown.of("authoring.field.promise", "promise"),
            DraftSaver.Shown.of("authoring.field.easyReadPromise", "easyReadPromise"),
            DraftSaver.Shown.of("authoring.field.imageUrl", "imageUrl"),
            DraftSaver.Shown.of("authoring.field.imageAlt", "imageAlt"));

    private final DraftSaver saver;

    PrincipleScreens(DraftSaver saver) {
        this.saver = saver;
    }

    WidgetView newForm(Screen s, PledgeDraft d) {
        return showNew(s, d, Form.of(FIELDS).set(DraftSaver.BASIS, Part.always().basis(d.content())));
    }

    PostOutcome add(Screen s, PledgeDraft d) {
        Form form = Form.read(s.request(), FIELDS);
        String key = ContentEdits.freshKey(d.content());
        Principle principle = new Principle(key, form.text("title"), form.text("promise"),
                form.text("easyReadPromise"), form.text("imageUrl"), form.text("imageAlt"), List.of());
        DraftSaver.Edit edit = new DraftSaver.Edit(Part.always(), c -> Optional.of(Form.of(FIELDS)), SHOWN,
                c -> ContentEdits.putPrinciple(c, principle), c -> prefix(c, key));
        return saver.save(s, d, form, edit, f -> showNew(s, d, f),
                () -> s.done(d.id() + "/principles/" + key, "authoring.notice.principleAdded", principle.title()));
    }

    WidgetView edit(Screen s, PledgeDraft d, Principle p) {
        return showEdit(s, d, p, drawn(p).set(DraftSaver.BASIS, Part.principleText(p.key()).basis(d.content())));
    }

    /** Saves a principle's words; {@code key} may name one someone else has removed meanwhile. */
    PostOutcome save(Screen s, PledgeDraft d, String key) {
        Form form = Form.read(s.request(), FIELDS);
        DraftSaver.Edit edit = new DraftSaver.Edit(Part.principleText(key),
                c -> c.principle(key).map(PrincipleScreens::drawn), SHOWN,
                c -> ContentEdits.editPrinciple(c, key, p -> ContentEdits.principleText(p, form.text("title"),
                        form.text("promise"), form.text("easyReadPromise"), form.text("imageUrl"),
                        form.text("imageAlt"))),
                c -> prefix(c, key));
        return saver.save(s, d, form, edit, f -> d.content().principle(key).map(p -> showEdit(s, d, p, f))
                // Removed meanwhile: what was typed can be added again as a new principle.
                .orElseGet(() -> showNew(s, d, f.set(DraftSaver.BASIS, Part.always().basis(d.content())))),
                () -> s.done(Long.toString(d.id()), "authoring.notice.saved"));
    }

    PostOutcome move(Screen s, PledgeDraft d, Principle p) {
        int by = Moves.direction(s);
        if (by == 0) {
            return PostOutcome.notAccepted();
        }
        return saver.saveChange(s, d, Part.principleOrder(), c -> ContentEdits.movePrinciple(c, p.key(), by),
                Long.toString(d.id()), by < 0 ? "authoring.notice.movedUp" : "authoring.notice.movedDown", p.title());
    }

    WidgetView confirmRemove(Screen s, PledgeDraft d, Principle p) {
        return s.confirmRemove(s.text("authoring.principle.remove.title", p.title()),
                new ConfirmRemove(p.title(), s.text("authoring.principle.remove.warning", p.commitments().size()),
                        s.text("authoring.principle.remove.button"), s.href(Long.toString(d.id())),
                        Part.wholePrinciple(p.key()).basis(d.content())));
    }

    PostOutcome remove(Screen s, PledgeDraft d, Principle p) {
        return saver.saveChange(s, d, Part.wholePrinciple(p.key()), c -> ContentEdits.removePrinciple(c, p.key()),
                Long.toString(d.id()), "authoring.notice.principleRemoved", p.title());
    }

    private static Form drawn(Principle p) {
        return Form.of(FIELDS).set("title", p.title()).set("promise", p.promise())
                .set("easyReadPromise", p.easyReadPromise()).set("imageUrl", p.imageUrl())
                .set("imageAlt", p.imageAlt());
    }

    private static String prefix(PledgeContent c, String key) {
        return DraftSaver.principlePrefix(ContentEdits.indexOf(c, key));
    }

    private WidgetView showNew(Screen s, PledgeDraft d, Form form) {
        return s.view(s.text("authoring.principle.new.title"), "principle.ftlh",
                new View(true, d.content().title(), s.href(Long.toString(d.id())), List.of(), ""),
                form.postTo(s.href(d.id() + "/principles/new")));
    }

    private WidgetView showEdit(Screen s, PledgeDraft d, Principle p, Form form) {
        String base = d.id() + "/principles/" + p.key();
        List<CommitmentRow> commitments = new ArrayList<>();
        for (int i = 0; i < p.commitments().size(); i++) {
            Commitment c = p.commitments().get(i);
            String at = base + "/commitments/" + c.key();
            commitments.add(new CommitmentRow(i + 1, c.text(), !c.easyReadText().isBlank(), s.href(at),
                    s.href(at + "/remove"), s.href(at + "/move"), Part.commitmentOrder(p.key()).basis(d.content()),
                    i == 0, i == p.commitments().size() - 1));
        }
        return s.view(s.text("authoring.principle.edit.title", p.title()), "principle.ftlh",
                new View(false, d.content().title(), s.href(Long.toString(d.id())), commitments,
                        s.href(base + "/commitments/new")),
                form);
    }

    /** The principle form; when changing one, its commitments in order. */
    public record View(boolean creating, String pledgeTitle, String cancel, List<CommitmentRow> commitments,
            String newCommitmentHref) {
    }

    public record CommitmentRow(int number, String text, boolean easyRead, String href, String removeHref,
            String moveAction, String basis, boolean first, boolean last) {
    }
}
