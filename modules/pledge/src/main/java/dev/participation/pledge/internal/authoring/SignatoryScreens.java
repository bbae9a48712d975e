package dev.participation.pledge.internal.authoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeRules;
import dev.participation.pledge.api.Signatory;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.ConfirmRemove;
import dev.participation.kit.staff.DateInput;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.Screen;

/** Adding, changing and removing the people and groups who signed a pledge. */
final class SignatoryScreens {

    static final String[] FIELDS = {"name", "role", "signedOn-day", "signedOn-month", "signedOn-year"};
    private static final List<DraftSaver.Shown> SHOWN = List.of(
            DraftSaver.Shown.of("authoring.field.name", "name"),
            DraftSaver.Shown.of("authoring.field.role", "role"),
            DraftSaver.Shown.of("authoring.field.signedOn", "signedOn-day", "signedOn-month", "signedOn-year"));

    private final DraftSaver saver;

    SignatoryScreens(DraftSaver saver) {
        this.saver = saver;
    }

    WidgetView newForm(Screen s, PledgeDraft d) {
        return show(s, d, -1, Form.of(FIELDS).set(DraftSaver.BASIS, Part.always().basis(d.content())));
    }

    WidgetView edit(Screen s, PledgeDraft d, int index) {
        return show(s, d, index,
                drawn(d.content().signatories().get(index)).set(DraftSaver.BASIS, part(index).basis(d.content())));
    }

    /**
     * Adds a signatory ({@code index} -1) or changes the one at {@code index}, which someone else
     * may have removed meanwhile.
     */
    PostOutcome save(Screen s, PledgeDraft d, int index) {
        Form form = Form.read(s.request(), FIELDS);
        LocalDate today = s.today();
        Optional<LocalDate> date = DateInput.read(form, "signedOn", today);
        Signatory signatory = new Signatory(form.text("name"), form.text("role"), date.orElse(today));
        if (date.isEmpty()) {
            // Still explain the other fields' problems in the same round.
            boolean there = index < d.content().signatories().size();
            PledgeContent content = ContentEdits.putSignatory(d.content(), there ? index : -1, signatory);
            form.absorb(PledgeRules.check(content), prefix(content, there ? index : -1));
            form.set(DraftSaver.BASIS, s.parameter(DraftSaver.BASIS));
            return s.invalid(show(s, d, index, form));
        }
        DraftSaver.Edit edit = new DraftSaver.Edit(part(index),
                c -> index < c.signatories().size() ? Optional.of(drawn(c.signatories().get(index))) : Optional.empty(),
                SHOWN, c -> ContentEdits.putSignatory(c, index, signatory),
                c -> prefix(c, index));
        return saver.save(s, d, form, edit, f -> {
            if (index >= d.content().signatories().size()) {
                // Removed meanwhile: what was typed can be added again.
                f.set(DraftSaver.BASIS, Part.always().basis(d.content()));
                return show(s, d, -1, f);
            }
            return show(s, d, index, f);
        }, () -> s.done(Long.toString(d.id()),
                index < 0 ? "authoring.notice.signatoryAdded" : "authoring.notice.saved", signatory.name()));
    }

    WidgetView confirmRemove(Screen s, PledgeDraft d, int index) {
        Signatory sig = d.content().signatories().get(index);
        return s.confirmRemove(s.text("authoring.signatory.remove.title", sig.name()),
                new ConfirmRemove(sig.name(), s.text("authoring.signatory.remove.warning"),
                        s.text("authoring.signatory.remove.button"), s.href(Long.toString(d.id())),
                        part(index).basis(d.content())));
    }

    PostOutcome remove(Screen s, PledgeDraft d, int index) {
        Signatory sig = d.content().signatories().get(index);
        // Signatories are numbered by place: if the list changed since the question was asked,
        // the number may now be someone else, and the basis no longer matches.
        return saver.saveChange(s, d, part(index), c -> ContentEdits.removeSignatory(c, index),
                Long.toString(d.id()), "authoring.notice.signatoryRemoved", sig.name());
    }

    private static Part part(int index) {
        return index < 0 ? Part.always() : Part.signatory(index);
    }

    private static String prefix(PledgeContent c, int index) {
        return "signatories[" + (index < 0 ? c.signatories().size() - 1 : index) + "].";
    }

    private static Form drawn(Signatory sig) {
        Form form = Form.of(FIELDS).set("name", sig.name()).set("role", sig.role());
        DateInput.fill(form, "signedOn", sig.signedOn());
        return form;
    }

    private WidgetView show(Screen s, PledgeDraft d, int index, Form form) {
        String title = index < 0 ? s.text("authoring.signatory.new.title") : s.text("authoring.signatory.edit.title");
        if (index < 0) {
            form.postTo(s.href(d.id() + "/signatories/new"));
        }
        return s.view(title, "signatory.ftlh", new View(d.content().title(), s.href(Long.toString(d.id()))), form);
    }

    /** What the signatory form shows besides its fields. */
    public record View(String pledgeTitle, String cancel) {
    }
}
