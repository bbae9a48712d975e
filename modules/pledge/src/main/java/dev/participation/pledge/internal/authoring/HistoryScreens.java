package dev.participation.pledge.internal.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import dev.participation.pledge.api.DraftChanged;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeVersion;
import dev.participation.pledge.api.Pledges;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.NotFound;
import dev.participation.kit.staff.Screen;

/** A pledge's published versions, comparing any two, and restoring an earlier one. */
final class HistoryScreens {

    private final Pledges pledges;

    HistoryScreens(Pledges pledges) {
        this.pledges = pledges;
    }

    WidgetView history(Screen s, PledgeDraft d) {
        List<PledgeVersion> versions = pledges.history(d.id());
        String base = d.id() + "/history";
        List<VersionRow> rows = new ArrayList<>();
        List<DetailsForm.Option> options = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            PledgeVersion v = versions.get(i);
            rows.add(new VersionRow(v.version(), s.dateTime(v.publishedAt()), s.who(v.publishedBy()),
                    v.restoredFrom() > 0 ? s.text("authoring.history.restoredFrom", v.restoredFrom()) : "",
                    i == 0 ? "" : s.href(base + "/" + v.version() + "/restore"),
                    i == versions.size() - 1 ? ""
                            : s.href(base) + "?from=" + versions.get(i + 1).version() + "&to=" + v.version()));
            options.add(new DetailsForm.Option(Integer.toString(v.version()),
                    s.text("authoring.history.versionLabel", v.version())));
        }
        Form form = Form.read(s.request(), "from", "to");
        boolean asked = !form.raw("from").isEmpty() || !form.raw("to").isEmpty();
        if (versions.size() > 1 && !asked) {
            form.set("from", Integer.toString(versions.get(1).version()));
            form.set("to", Integer.toString(versions.get(0).version()));
        }
        Comparison comparison = new Comparison(false, 0, 0, List.of());
        if (asked) {
            Optional<PledgeVersion> from = find(versions, form, "from");
            Optional<PledgeVersion> to = find(versions, form, "to");
            if (from.isPresent() && to.isPresent()) {
                comparison = new Comparison(true, from.get().version(), to.get().version(), VersionDiff.model(
                        VersionDiff.compare(from.get().content(), to.get().content(), s.messages()), s.messages()));
            }
        }
        View model = new View(rows, options, s.href(Long.toString(d.id())), comparison.comparing(),
                comparison.fromVersion(), comparison.toVersion(), comparison.sections());
        return s.view(s.text("authoring.history.title", d.content().title()), "history.ftlh", model, form);
    }

    /** Every published version, newest first, and the two being compared if any. */
    public record View(List<VersionRow> versions, List<DetailsForm.Option> options, String back, boolean comparing,
            int fromVersion, int toVersion, List<VersionDiff.SectionView> sections) {
    }

    private record Comparison(boolean comparing, int fromVersion, int toVersion,
            List<VersionDiff.SectionView> sections) {
    }

    /** A published version: who published it, and links to restore it or compare it with the one before. */
    public record VersionRow(int version, String publishedAt, String publishedBy, String note, String restoreHref,
            String compareHref) {
    }

    /** What restoring a version would replace, and who changed the draft last. */
    public record Restore(int version, int nextVersion, boolean unpublishedChanges,
            List<VersionDiff.SectionView> sections, String cancel, String revision, boolean changedSinceChecked,
            String changedBy, String changedAt) {
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
        Restore model = new Restore(v.version(), versions.get(0).version() + 1, d.unpublishedChanges(),
                VersionDiff.model(VersionDiff.compare(d.content(), v.content(), s.messages()), s.messages()),
                s.href(d.id() + "/history"), Integer.toString(d.revision()), changedSinceChecked,
                s.who(d.updatedBy()), s.dateTime(d.updatedAt()));
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
