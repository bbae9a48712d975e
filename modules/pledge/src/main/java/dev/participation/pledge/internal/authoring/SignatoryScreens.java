package dev.participation.pledge.internal.authoring;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.pledge.PledgeContent;
import dev.participation.api.pledge.PledgeDraft;
import dev.participation.api.pledge.PledgeRules;
import dev.participation.api.pledge.Signatory;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/** Adding, changing and removing the people and groups who signed a pledge. */
final class SignatoryScreens {

    static final String[] FIELDS = {"name", "role", "signedOn-day", "signedOn-month", "signedOn-year"};

    private final DraftSaver saver;

    SignatoryScreens(DraftSaver saver) {
        this.saver = saver;
    }

    WidgetView newForm(Screen s, PledgeDraft d) {
        return show(s, d, -1, Form.of(FIELDS));
    }

    WidgetView edit(Screen s, PledgeDraft d, int index) {
        Signatory sig = d.content().signatories().get(index);
        Form form = Form.of(FIELDS).set("name", sig.name()).set("role", sig.role());
        DateInput.fill(form, "signedOn", sig.signedOn());
        return show(s, d, index, form);
    }

    /** Adds a signatory ({@code index} -1) or changes the one at {@code index}. */
    PostOutcome save(Screen s, PledgeDraft d, int index) {
        Form form = Form.read(s.request(), FIELDS);
        LocalDate today = LocalDate.now(s.clock().withZone(Times.ZONE));
        Optional<LocalDate> date = DateInput.read(form, "signedOn", today);
        Signatory signatory = new Signatory(form.text("name"), form.text("role"), date.orElse(today));
        PledgeContent content = ContentEdits.putSignatory(d.content(), index, signatory);
        int at = index < 0 ? content.signatories().size() - 1 : index;
        String prefix = "signatories[" + at + "].";
        if (date.isEmpty()) {
            // Still explain the other fields' problems in the same round.
            form.absorb(PledgeRules.check(content), prefix);
            return s.invalid(show(s, d, index, form));
        }
        return saver.save(s, d.id(), content, form, prefix, f -> show(s, d, index, f),
                () -> s.done(Long.toString(d.id()),
                        index < 0 ? "authoring.notice.signatoryAdded" : "authoring.notice.saved", signatory.name()));
    }

    WidgetView confirmRemove(Screen s, PledgeDraft d, int index) {
        Signatory sig = d.content().signatories().get(index);
        return s.view(s.text("authoring.signatory.remove.title", sig.name()), "confirm-remove.ftlh",
                Map.of("what", sig.name(), "warning", s.text("authoring.signatory.remove.warning"),
                        "button", s.text("authoring.signatory.remove.button"),
                        "cancel", s.href(Long.toString(d.id())), "expected", sig.name()));
    }

    PostOutcome remove(Screen s, PledgeDraft d, int index) {
        Signatory sig = d.content().signatories().get(index);
        // Signatories are numbered by place: if the list changed since the question was asked,
        // the number may now be someone else.
        if (!s.parameter("expected").equals(sig.name())) {
            return s.done(Long.toString(d.id()), "authoring.notice.changedMeanwhile");
        }
        return saver.saveChange(s, d.id(), ContentEdits.removeSignatory(d.content(), index), Long.toString(d.id()),
                "authoring.notice.signatoryRemoved", sig.name());
    }

    private WidgetView show(Screen s, PledgeDraft d, int index, Form form) {
        String title = index < 0 ? s.text("authoring.signatory.new.title") : s.text("authoring.signatory.edit.title");
        return s.view(title, "signatory.ftlh", Map.of("pledgeTitle", d.content().title(),
                "cancel", s.href(Long.toString(d.id()))), form);
    }
}
