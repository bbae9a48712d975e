package dev.participation.pledge.internal.authoring;

import java.util.Map;

import dev.participation.api.pledge.Commitment;
import dev.participation.api.pledge.PledgeContent;
import dev.participation.api.pledge.PledgeDraft;
import dev.participation.api.pledge.Principle;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/** Adding, changing, moving and removing one commitment of a principle. */
final class CommitmentScreens {

    static final String[] FIELDS = {"text", "easyReadText"};

    private final DraftSaver saver;

    CommitmentScreens(DraftSaver saver) {
        this.saver = saver;
    }

    WidgetView newForm(Screen s, PledgeDraft d, Principle p) {
        return show(s, d, p, null, Form.of(FIELDS));
    }

    PostOutcome add(Screen s, PledgeDraft d, Principle p) {
        Form form = Form.read(s.request(), FIELDS);
        Commitment commitment = new Commitment(ContentEdits.freshKey(d.content()), form.text("text"),
                form.text("easyReadText"));
        Principle changed = ContentEdits.putCommitment(p, commitment);
        return store(s, d, p, changed, commitment, form, null, "authoring.notice.commitmentAdded");
    }

    WidgetView edit(Screen s, PledgeDraft d, Principle p, Commitment c) {
        return show(s, d, p, c, Form.of(FIELDS).set("text", c.text()).set("easyReadText", c.easyReadText()));
    }

    PostOutcome save(Screen s, PledgeDraft d, Principle p, Commitment c) {
        Form form = Form.read(s.request(), FIELDS);
        Commitment commitment = new Commitment(c.key(), form.text("text"), form.text("easyReadText"));
        return store(s, d, p, ContentEdits.putCommitment(p, commitment), commitment, form, c,
                "authoring.notice.saved");
    }

    PostOutcome move(Screen s, PledgeDraft d, Principle p, Commitment c) {
        int by = Moves.direction(s);
        if (by == 0) {
            return PostOutcome.notAccepted();
        }
        PledgeContent content = ContentEdits.putPrinciple(d.content(), ContentEdits.moveCommitment(p, c.key(), by));
        return saver.saveChange(s, d.id(), content, principlePath(d, p),
                by < 0 ? "authoring.notice.commitmentMovedUp" : "authoring.notice.commitmentMovedDown");
    }

    WidgetView confirmRemove(Screen s, PledgeDraft d, Principle p, Commitment c) {
        return s.view(s.text("authoring.commitment.remove.title"), "confirm-remove.ftlh",
                Map.of("what", c.text(), "warning", s.text("authoring.commitment.remove.warning"),
                        "button", s.text("authoring.commitment.remove.button"), "cancel", s.href(principlePath(d, p))));
    }

    PostOutcome remove(Screen s, PledgeDraft d, Principle p, Commitment c) {
        PledgeContent content = ContentEdits.putPrinciple(d.content(), ContentEdits.removeCommitment(p, c.key()));
        return saver.saveChange(s, d.id(), content, principlePath(d, p), "authoring.notice.commitmentRemoved");
    }

    private PostOutcome store(Screen s, PledgeDraft d, Principle before, Principle changed, Commitment commitment,
            Form form, Commitment editing, String noticeKey) {
        PledgeContent content = ContentEdits.putPrinciple(d.content(), changed);
        int pi = ContentEdits.indexOf(content, changed.key());
        int ci = ContentEdits.indexOf(changed, commitment.key());
        return saver.save(s, d.id(), content, form, DraftSaver.commitmentPrefix(pi, ci),
                f -> show(s, d, before, editing, f), () -> s.done(principlePath(d, before), noticeKey));
    }

    private WidgetView show(Screen s, PledgeDraft d, Principle p, Commitment editing, Form form) {
        String title = editing == null ? s.text("authoring.commitment.new.title", p.title())
                : s.text("authoring.commitment.edit.title", p.title());
        return s.view(title, "commitment.ftlh",
                Map.of("principleTitle", p.title(), "promise", p.promise(), "cancel", s.href(principlePath(d, p))),
                form);
    }

    private static String principlePath(PledgeDraft d, Principle p) {
        return d.id() + "/principles/" + p.key();
    }
}
