package dev.participation.pledge.internal.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.participation.api.pledge.Commitment;
import dev.participation.api.pledge.PledgeContent;
import dev.participation.api.pledge.PledgeDraft;
import dev.participation.api.pledge.Principle;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/** Adding, changing, moving and removing a principle; a principle's page lists its commitments. */
final class PrincipleScreens {

    static final String[] FIELDS = {"title", "promise", "easyReadPromise", "imageUrl", "imageAlt"};

    private final DraftSaver saver;

    PrincipleScreens(DraftSaver saver) {
        this.saver = saver;
    }

    WidgetView newForm(Screen s, PledgeDraft d) {
        return showNew(s, d, Form.of(FIELDS));
    }

    PostOutcome add(Screen s, PledgeDraft d) {
        Form form = Form.read(s.request(), FIELDS);
        String key = ContentEdits.freshKey(d.content());
        Principle principle = new Principle(key, form.text("title"), form.text("promise"),
                form.text("easyReadPromise"), form.text("imageUrl"), form.text("imageAlt"), List.of());
        PledgeContent content = ContentEdits.putPrinciple(d.content(), principle);
        return saver.save(s, d.id(), content, form, DraftSaver.principlePrefix(content.principles().size() - 1),
                f -> showNew(s, d, f),
                () -> s.done(d.id() + "/principles/" + key, "authoring.notice.principleAdded", principle.title()));
    }

    WidgetView edit(Screen s, PledgeDraft d, Principle p) {
        Form form = Form.of(FIELDS).set("title", p.title()).set("promise", p.promise())
                .set("easyReadPromise", p.easyReadPromise()).set("imageUrl", p.imageUrl())
                .set("imageAlt", p.imageAlt());
        return showEdit(s, d, p, form);
    }

    PostOutcome save(Screen s, PledgeDraft d, Principle p) {
        Form form = Form.read(s.request(), FIELDS);
        PledgeContent content = ContentEdits.putPrinciple(d.content(), ContentEdits.principleText(p,
                form.text("title"), form.text("promise"), form.text("easyReadPromise"), form.text("imageUrl"),
                form.text("imageAlt")));
        int index = ContentEdits.indexOf(content, p.key());
        return saver.save(s, d.id(), content, form, DraftSaver.principlePrefix(index), f -> showEdit(s, d, p, f),
                () -> s.done(Long.toString(d.id()), "authoring.notice.saved"));
    }

    PostOutcome move(Screen s, PledgeDraft d, Principle p) {
        int by = Moves.direction(s);
        if (by == 0) {
            return PostOutcome.notAccepted();
        }
        return saver.saveChange(s, d.id(), ContentEdits.movePrinciple(d.content(), p.key(), by),
                Long.toString(d.id()), by < 0 ? "authoring.notice.movedUp" : "authoring.notice.movedDown", p.title());
    }

    WidgetView confirmRemove(Screen s, PledgeDraft d, Principle p) {
        return s.view(s.text("authoring.principle.remove.title", p.title()), "confirm-remove.ftlh",
                Map.of("what", p.title(), "warning",
                        s.text("authoring.principle.remove.warning", p.commitments().size()),
                        "button", s.text("authoring.principle.remove.button"),
                        "cancel", s.href(Long.toString(d.id()))));
    }

    PostOutcome remove(Screen s, PledgeDraft d, Principle p) {
        return saver.saveChange(s, d.id(), ContentEdits.removePrinciple(d.content(), p.key()), Long.toString(d.id()),
                "authoring.notice.principleRemoved", p.title());
    }

    private WidgetView showNew(Screen s, PledgeDraft d, Form form) {
        return s.view(s.text("authoring.principle.new.title"), "principle.ftlh",
                Map.of("creating", true, "pledgeTitle", d.content().title(), "cancel", s.href(Long.toString(d.id())),
                        "commitments", List.of()),
                form);
    }

    private WidgetView showEdit(Screen s, PledgeDraft d, Principle p, Form form) {
        String base = d.id() + "/principles/" + p.key();
        List<Map<String, Object>> commitments = new ArrayList<>();
        for (int i = 0; i < p.commitments().size(); i++) {
            Commitment c = p.commitments().get(i);
            String at = base + "/commitments/" + c.key();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", i + 1);
            row.put("text", c.text());
            row.put("easyRead", !c.easyReadText().isBlank());
            row.put("href", s.href(at));
            row.put("removeHref", s.href(at + "/remove"));
            row.put("moveAction", s.href(at + "/move"));
            row.put("first", i == 0);
            row.put("last", i == p.commitments().size() - 1);
            commitments.add(row);
        }
        return s.view(s.text("authoring.principle.edit.title", p.title()), "principle.ftlh",
                Map.of("creating", false, "pledgeTitle", d.content().title(), "cancel", s.href(Long.toString(d.id())),
                        "commitments", commitments, "newCommitmentHref", s.href(base + "/commitments/new")),
                form);
    }
}
