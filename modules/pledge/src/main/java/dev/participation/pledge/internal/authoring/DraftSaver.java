package dev.participation.pledge.internal.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.participation.pledge.api.DraftChanged;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeProblem;
import dev.participation.pledge.api.PledgeRules;
import dev.participation.pledge.api.Pledges;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.Conflict;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.Screen;

/**
 * Saves one form's change onto the draft as it is now. The form says which piece of the draft it
 * was drawn from (its {@link Part} and basis): if nobody has changed that piece since, the change
 * is made on the current draft, whatever else happened to it meanwhile; if someone has, nothing is
 * saved and the form comes back with both versions and what was typed, on the new basis.
 * Problems, found here by the shared rules or by the service, come back beside the form's fields.
 */
final class DraftSaver {

    /** The form field that carries the basis. */
    static final String BASIS = "basis";
    /** Saves racing on other pieces of the same draft are retried this often before giving up. */
    private static final int ATTEMPTS = 5;

    private final Pledges pledges;

    DraftSaver(Pledges pledges) {
        this.pledges = pledges;
    }

    /**
     * A label and the form fields whose values it shows, for the two versions side by side; a
     * choice's value is shown as the message {@code choicePrefix + value}.
     */
    record Shown(String labelKey, List<String> fields, String choicePrefix) {

        static Shown of(String labelKey, String... fields) {
            return new Shown(labelKey, List.of(fields), "");
        }

        static Shown choice(String labelKey, String field, String choicePrefix) {
            return new Shown(labelKey, List.of(field), choicePrefix);
        }
    }

    /**
     * One form's change.
     *
     * @param part   the piece the form was drawn from
     * @param drawn  the form as drawn from a draft's content (empty when the piece is gone)
     * @param shown  what the conflict page compares
     * @param change makes the change on a draft's content
     * @param prefix where the form's fields sit in the changed content ({@code principles[2].})
     */
    record Edit(Part part, Function<PledgeContent, Optional<Form>> drawn, List<Shown> shown,
            UnaryOperator<PledgeContent> change, Function<PledgeContent, String> prefix) {
    }

    PostOutcome save(Screen s, PledgeDraft d, Form form, Edit edit, Function<Form, WidgetView> reshow,
            Supplier<PostOutcome> then) {
        String basis = s.parameter(BASIS);
        form.set(BASIS, basis);
        PledgeDraft current = d;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // A piece that is gone can take no change, whatever basis the form claims.
            if (!edit.part().exists(current.content()) || !basis.equals(edit.part().basis(current.content()))) {
                return s.invalid(reshow.apply(conflict(s, current, form, edit)));
            }
            PledgeContent content = edit.change().apply(current.content());
            String prefix = edit.prefix().apply(content);
            form.absorb(PledgeRules.check(content), prefix);
            if (!form.valid()) {
                return s.invalid(reshow.apply(form));
            }
            try {
                pledges.saveDraft(d.id(), current.revision(), content, s.actor());
                return then.get();
            } catch (DraftChanged changed) {
                // Someone saved between our reading and our writing: look again at their draft.
                current = changed.current();
            } catch (PledgeProblem problem) {
                form.absorb(problem.errors(), prefix);
                return s.invalid(reshow.apply(form));
            }
        }
        return s.invalid(reshow.apply(conflict(s, current, form, edit)));
    }

    /**
     * Saves a change that has no form of its own (a move, a removal): made if the piece is as the
     * page showed it, otherwise nothing happens and the person is told to look again.
     */
    PostOutcome saveChange(Screen s, PledgeDraft d, Part part, UnaryOperator<PledgeContent> change, String back,
            String noticeKey, Object... arguments) {
        String basis = s.parameter(BASIS);
        PledgeDraft current = d;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (!part.exists(current.content()) || !basis.equals(part.basis(current.content()))) {
                break;
            }
            try {
                pledges.saveDraft(d.id(), current.revision(), change.apply(current.content()), s.actor());
                return s.done(back, noticeKey, arguments);
            } catch (DraftChanged changed) {
                current = changed.current();
            } catch (PledgeProblem problem) {
                return s.done(back, "authoring.notice.notSaved");
            }
        }
        return s.done(back, "authoring.notice.changedMeanwhile");
    }

    /** The form as typed, on the piece's new basis, with the saved version beside it. */
    private static Form conflict(Screen s, PledgeDraft current, Form typed, Edit edit) {
        Optional<Form> theirs = edit.drawn().apply(current.content());
        List<Conflict.Row> rows = new ArrayList<>();
        for (Shown shown : edit.shown()) {
            String yours = joined(s, typed, shown);
            String saved = theirs.map(f -> joined(s, f, shown)).orElse("");
            rows.add(new Conflict.Row(s.text(shown.labelKey()), saved, yours,
                    theirs.isPresent() && !saved.equals(yours)));
        }
        // Opening the form afresh shows their version and forgets what was typed.
        Conflict conflict = new Conflict(theirs.isEmpty(), s.who(current.updatedBy()), s.dateTime(current.updatedAt()),
                rows, s.href(s.request().path()));
        return typed.set(BASIS, edit.part().basis(current.content())).conflict(conflict);
    }

    private static String joined(Screen s, Form form, Shown shown) {
        List<String> values = new ArrayList<>();
        for (String field : shown.fields()) {
            String value = form.text(field);
            values.add(value.isEmpty() || shown.choicePrefix().isEmpty() ? value
                    : s.text(shown.choicePrefix() + value));
        }
        return String.join(" ", values).strip();
    }

    static String principlePrefix(int index) {
        return "principles[" + index + "].";
    }

    static String commitmentPrefix(int principle, int commitment) {
        return principlePrefix(principle) + "commitments[" + commitment + "].";
    }
}
