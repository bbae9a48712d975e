package dev.participation.pledge.internal.authoring;

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

/** Adding, changing, moving and removing one commitment of a principle. */
final class CommitmentScreens {

    static final String[] FIELDS = {"text", "easyReadText"};
    private static final List<DraftSaver.Shown> SHOWN = List.of(
            DraftSaver.Shown.of("authoring.field.text", "text"),
            DraftSaver.Shown.of("authoring.field.easyReadText", "easyReadText"));

    private final DraftSaver saver;

    CommitmentScreens(DraftSaver saver) {
        this.saver = saver;
    }

    WidgetView newForm(Screen s, PledgeDraft d, Principle p) {
        return show(s, d, p.key(), null, Form.of(FIELDS)
                .set(DraftSaver.BASIS, Part.principleExists(p.key()).basis(d.content())));
    }

    /** Adds a commitment; {@code principleKey} may name a principle someone else has removed meanwhile. */
    PostOutcome add(Screen s, PledgeDraft d, String principleKey) {
        Form form = Form.read(s.request(), FIELDS);
        Commitment commitment = new Commitment(ContentEdits.freshKey(d.content()), form.text("text"),
                form.text("easyReadText"));
        DraftSaver.Edit edit = new DraftSaver.Edit(Part.principleExists(principleKey),
                c -> c.principle(principleKey).map(p -> Form.of(FIELDS)), SHOWN,
                c -> ContentEdits.editPrinciple(c, principleKey, p -> ContentEdits.putCommitment(p, commitment)),
                c -> prefix(c, principleKey, commitment.key()));
        return saver.save(s, d, form, edit, f -> show(s, d, principleKey, null, f),
                () -> s.done(principlePath(d, principleKey), "authoring.notice.commitmentAdded"));
    }

    WidgetView edit(Screen s, PledgeDraft d, Principle p, Commitment c) {
        return show(s, d, p.key(), c.key(), drawn(c)
                .set(DraftSaver.BASIS, Part.commitment(p.key(), c.key()).basis(d.content())));
    }

    /** Saves a commitment's words; either key may name something someone else has removed meanwhile. */
    PostOutcome save(Screen s, PledgeDraft d, String principleKey, String key) {
        Form form = Form.read(s.request(), FIELDS);
        Commitment commitment = new Commitment(key, form.text("text"), form.text("easyReadText"));
        DraftSaver.Edit edit = new DraftSaver.Edit(Part.commitment(principleKey, key),
                c -> find(c, principleKey, key).map(CommitmentScreens::drawn), SHOWN,
                c -> ContentEdits.editPrinciple(c, principleKey, p -> ContentEdits.putCommitment(p, commitment)),
                c -> prefix(c, principleKey, key));
        return saver.save(s, d, form, edit, f -> {
            if (find(d.content(), principleKey, key).isEmpty() && d.content().principle(principleKey).isPresent()) {
                // Removed meanwhile from a principle that is still there: offer to add the words again.
                f.set(DraftSaver.BASIS, Part.principleExists(principleKey).basis(d.content()));
                return show(s, d, principleKey, null, f);
            }
            return show(s, d, principleKey, key, f);
        }, () -> s.done(principlePath(d, principleKey), "authoring.notice.saved"));
    }

    PostOutcome move(Screen s, PledgeDraft d, Principle p, Commitment c) {
        int by = Moves.direction(s);
        if (by == 0) {
            return PostOutcome.notAccepted();
        }
        return saver.saveChange(s, d, Part.commitmentOrder(p.key()),
                content -> ContentEdits.editPrinciple(content, p.key(),
                        x -> ContentEdits.moveCommitment(x, c.key(), by)),
                principlePath(d, p.key()),
                by < 0 ? "authoring.notice.commitmentMovedUp" : "authoring.notice.commitmentMovedDown");
    }

    WidgetView confirmRemove(Screen s, PledgeDraft d, Principle p, Commitment c) {
        return s.confirmRemove(s.text("authoring.commitment.remove.title"),
                new ConfirmRemove(c.text(),
                        s.text("authoring.commitment.remove.warning"),
                        s.text("authoring.commitment.remove.button"),
                        s.href(principlePath(d, p.key())), Part.commitment(p.key(), c.key()).basis(d.content())));
    }

    PostOutcome remove(Screen s, PledgeDraft d, Principle p, Commitment c) {
        return saver.saveChange(s, d, Part.commitment(p.key(), c.key()),
                content -> ContentEdits.editPrinciple(content, p.key(),
                        x -> ContentEdits.removeCommitment(x, c.key())),
                principlePath(d, p.key()), "authoring.notice.commitmentRemoved");
    }

    private static Form drawn(Commitment c) {
        return Form.of(FIELDS).set("text", c.text()).set("easyReadText", c.easyReadText());
    }

    private static Optional<Commitment> find(PledgeContent c, String principleKey, String key) {
        return c.principle(principleKey)
                .flatMap(p -> p.commitments().stream().filter(cm -> cm.key().equals(key)).findFirst());
    }

    private static String prefix(PledgeContent c, String principleKey, String key) {
        int pi = ContentEdits.indexOf(c, principleKey);
        return pi < 0 ? "" : DraftSaver.commitmentPrefix(pi, ContentEdits.indexOf(c.principles().get(pi), key));
    }

    /**
     * The commitment form. {@code editing} is null for a new commitment; the principle may be gone
     * (removed while someone typed), and then only what they typed is shown.
     */
    private WidgetView show(Screen s, PledgeDraft d, String principleKey, String editing, Form form) {
        Optional<Principle> principle = d.content().principle(principleKey);
        String principleTitle = principle.map(Principle::title).orElse("");
        String title = editing == null ? s.text("authoring.commitment.new.title", principleTitle)
                : s.text("authoring.commitment.edit.title", principleTitle);
        if (editing == null) {
            form.postTo(s.href(principlePath(d, principleKey) + "/commitments/new"));
        }
        return s.view(title, "commitment.ftlh", new View(principleTitle, principle.map(Principle::promise).orElse(""),
                s.href(principle.isPresent() ? principlePath(d, principleKey) : Long.toString(d.id()))), form);
    }

    /** What the commitment form shows besides its fields; the principle may be gone. */
    public record View(String principleTitle, String promise, String cancel) {
    }

    private static String principlePath(PledgeDraft d, String principleKey) {
        return d.id() + "/principles/" + principleKey;
    }
}
