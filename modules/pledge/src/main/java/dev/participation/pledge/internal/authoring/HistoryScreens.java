package dev.participation.pledge.internal.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import dev.participation.kit.staff.Screen;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.NotFound;
import dev.participation.api.pledge.DraftChanged;
import dev.participation.api.pledge.PledgeDraft;
import dev.participation.api.pledge.PledgeVersion;
import dev.participation.api.pledge.Pledges;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/** A pledge's published versions, comparing any two, and restoring an earlier one. */
final class HistoryScreens {

    private final Pledges pledges;

    HistoryScreens(Pledges pledges) {
        this.pledges = pledges;
    }

    WidgetView history(Screen s, PledgeDraft d) {
        List<PledgeVersion> versions = pledges.history(d.id());
        String base = d.id() + "/history";
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, String>> options = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            PledgeVersion v = versions.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", v.version());
            row.put("publishedAt", s.dateTime(v.publishedAt()));
            row.put("publishedBy", s.who(v.publishedBy()));
            row.put("note", v.restoredFrom() > 0 ? s.text("authoring.history.restoredFrom", v.restoredFrom()) : "");
            row.put("restoreHref", i == 0 ? "" : s.href(base + "/" + v.version() + "/restore"));
            row.put("compareHref", i == versions.size() - 1 ? ""
                    : s.href(base) + "?from=" + versions.get(i + 1).version() + "&to=" + v.version());
            rows.add(row);
            options.add(Map.of("value", Integer.toString(v.version()),
                    "label", s.text("authoring.history.versionLabel", v.version())));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("versions", rows);
        model.put("options", options);
        model.put("back", s.href(Long.toString(d.id())));
        Form form = Form.read(s.request(), "from", "to");
        boolean asked = !form.raw("from").isEmpty() || !form.raw("to").isEmpty();
        if (versions.size() > 1 && !asked) {
            form.set("from", Integer.toString(versions.get(1).version()));
            form.set("to", Integer.toString(versions.get(0).version()));
        }
        if (asked) {
            Optional<PledgeVersion> from = find(versions, form, "from");
            Optional<PledgeVersion> to = find(versions, form, "to");
            if (from.isPresent() && to.isPresent()) {
                List<VersionDiff.Section> sections = VersionDiff.compare(from.get().content(), to.get().content(),
                        s.messages());
                model.put("comparing", true);
                model.put("fromVersion", from.get().version());
                model.put("toVersion", to.get().version());
                model.put("sections", VersionDiff.model(sections, s.messages()));
            }
        }
        model.putIfAbsent("comparing", false);
        return s.view(s.text("authoring.history.title", d.content().title()), "history.ftlh", model, form);
    }

    private static Optional<PledgeVersion> find(List<PledgeVersion> versions, Form form, String field) {
        String value = form.text(field);
        Optional<PledgeVersion> found = versions.stream().filter(v -> Integer.toString(v.version()).equals(value))
                .findFirst();
        if (found.isEmpty()) {
            form.reject(field, "authoring.error.version");
        }
        return found;
    }

    WidgetView confirmRestore(Screen s, PledgeDraft d, String number) {
        return showRestore(s, d, number, false);
    }

    private WidgetView showRestore(Screen s, PledgeDraft d, String number, boolean changedSinceChecked) {
        List<PledgeVersion> versions = pledges.history(d.id());
        PledgeVersion v = version(versions, number);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("version", v.version());
        model.put("nextVersion", versions.get(0).version() + 1);
        model.put("unpublishedChanges", d.unpublishedChanges());
        model.put("sections", VersionDiff.model(VersionDiff.compare(d.content(), v.content(), s.messages()),
                s.messages()));
        model.put("cancel", s.href(d.id() + "/history"));
        model.put("revision", Integer.toString(d.revision()));
        model.put("changedSinceChecked", changedSinceChecked);
        model.put("changedBy", s.who(d.updatedBy()));
        model.put("changedAt", s.dateTime(d.updatedAt()));
        return s.view(s.text("authoring.restore.title", v.version()), "restore.ftlh", model);
    }

    /**
     * Restores over the draft the confirmation page showed, and only that: if the draft changed
     * since, the page is shown again with what restoring would now replace.
     */
    PostOutcome restore(Screen s, PledgeDraft d, String number) {
        PledgeVersion v = version(pledges.history(d.id()), number);
        if (!s.parameter(PublishScreens.REVISION).equals(Integer.toString(d.revision()))) {
            return s.invalid(showRestore(s, d, number, true));
        }
        try {
            PledgeVersion restored = pledges.restore(d.id(), v.version(), d.revision(), s.actor());
            return s.done(d.id() + "/history", "authoring.notice.restored", v.version(), restored.version());
        } catch (DraftChanged changed) {
            return s.invalid(showRestore(s, changed.current(), number, true));
        } catch (NoSuchElementException e) {
            throw new NotFound("version " + number);
        }
    }

    private static PledgeVersion version(List<PledgeVersion> versions, String number) {
        return versions.stream().filter(v -> Integer.toString(v.version()).equals(number)).findFirst()
                .orElseThrow(() -> new NotFound("version " + number));
    }
}
