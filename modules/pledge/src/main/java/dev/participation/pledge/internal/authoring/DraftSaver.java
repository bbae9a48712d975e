package dev.participation.pledge.internal.authoring;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.participation.api.pledge.PledgeContent;
import dev.participation.api.pledge.PledgeProblem;
import dev.participation.api.pledge.PledgeRules;
import dev.participation.api.pledge.Pledges;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/**
 * Saves a whole new draft built from one form. Problems, found here by the shared rules or by the
 * service, come back beside the form's fields: {@code prefix} is where the form sits in the content
 * ({@code principles[2].}, {@code principles[0].commitments[1].}).
 */
final class DraftSaver {

    private final Pledges pledges;

    DraftSaver(Pledges pledges) {
        this.pledges = pledges;
    }

    PostOutcome save(Screen s, long id, PledgeContent content, Form form, String prefix,
            Function<Form, WidgetView> reshow, Supplier<PostOutcome> then) {
        form.absorb(PledgeRules.check(content), prefix);
        if (!form.valid()) {
            return s.invalid(reshow.apply(form));
        }
        try {
            pledges.saveDraft(id, content, s.actor());
        } catch (PledgeProblem problem) {
            form.absorb(problem.errors(), prefix);
            return s.invalid(reshow.apply(form));
        }
        return then.get();
    }

    /** Saves a change that has no form of its own (a move, a removal). */
    PostOutcome saveChange(Screen s, long id, PledgeContent content, String back, String noticeKey,
            Object... arguments) {
        try {
            pledges.saveDraft(id, content, s.actor());
            return s.done(back, noticeKey, arguments);
        } catch (PledgeProblem problem) {
            return s.done(back, "authoring.notice.notSaved");
        }
    }

    static String principlePrefix(int index) {
        return "principles[" + index + "].";
    }

    static String commitmentPrefix(int principle, int commitment) {
        return principlePrefix(principle) + "commitments[" + commitment + "].";
    }
}
