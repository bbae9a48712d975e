package dev.participation.pledge.internal.authoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.participation.kit.staff.Screen;
import dev.participation.api.pledge.DraftChanged;
import dev.participation.api.pledge.PledgeDraft;
import dev.participation.api.pledge.PledgeProblem;
import dev.participation.api.pledge.PledgeRules;
import dev.participation.api.pledge.PledgeVersion;
import dev.participation.api.pledge.Pledges;
import dev.participation.api.pledge.Principle;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/** "Check before you publish": what changed since the last version, what stops publication, then publish. */
final class PublishScreens {

    /** The form field naming the draft revision the check page showed. */
    static final String REVISION = "revision";

    private final Pledges pledges;

    PublishScreens(Pledges pledges) {
        this.pledges = pledges;
    }

    WidgetView confirm(Screen s, PledgeDraft d) {
        return show(s, d, PledgeRules.checkPublishable(d.content()), false);
    }

    /**
     * Publishes the revision the check page showed, and only that: if the draft changed since,
     * the page is shown again with the new text to check.
     */
    PostOutcome publish(Screen s, PledgeDraft d) {
        Map<String, Message> problems = PledgeRules.checkPublishable(d.content());
        if (!s.parameter(REVISION).equals(Integer.toString(d.revision()))) {
            return s.invalid(show(s, d, problems, true));
        }
        if (!problems.isEmpty()) {
            return s.invalid(show(s, d, problems, false));
        }
        try {
            PledgeVersion version = pledges.publish(d.id(), d.revision(), s.actor());
            return s.done(Long.toString(d.id()), "authoring.notice.published", version.version());
        } catch (DraftChanged changed) {
            PledgeDraft now = changed.current();
            return s.invalid(show(s, now, PledgeRules.checkPublishable(now.content()), true));
        } catch (PledgeProblem problem) {
            return s.invalid(show(s, d, problem.errors(), false));
        }
    }

    private WidgetView show(Screen s, PledgeDraft d, Map<String, Message> problems, boolean changedSinceChecked) {
        List<PledgeVersion> history = pledges.history(d.id());
        PledgeVersion latest = history.isEmpty() ? null : history.get(0);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("pledgeTitle", d.content().title());
        model.put("revision", Integer.toString(d.revision()));
        model.put("changedSinceChecked", changedSinceChecked);
        model.put("changedBy", s.who(d.updatedBy()));
        model.put("changedAt", s.dateTime(d.updatedAt()));
        model.put("problems", ProblemLinks.describe(s, d, problems));
        model.put("first", latest == null);
        model.put("nextVersion", latest == null ? 1 : latest.version() + 1);
        model.put("principleCount", d.content().principles().size());
        model.put("commitmentCount", d.content().principles().stream().mapToInt(p -> p.commitments().size()).sum());
        model.put("principleTitles", d.content().principles().stream().map(Principle::title).toList());
        int changes = 0;
        if (latest != null) {
            List<VersionDiff.Section> sections = VersionDiff.compare(latest.content(), d.content(), s.messages());
            changes = VersionDiff.count(sections);
            model.put("latestVersion", latest.version());
            model.put("sections", VersionDiff.model(sections, s.messages()));
            model.put("added", VersionDiff.count(sections, VersionDiff.Kind.ADDED));
            model.put("removed", VersionDiff.count(sections, VersionDiff.Kind.REMOVED));
            model.put("changed", VersionDiff.count(sections, VersionDiff.Kind.CHANGED));
            model.put("moved", VersionDiff.count(sections, VersionDiff.Kind.MOVED));
        }
        model.put("changes", changes);
        model.put("canPublish", problems.isEmpty() && (latest == null || changes > 0));
        model.put("previewHref", s.href(d.id() + "/preview"));
        model.put("cancel", s.href(Long.toString(d.id())));
        return s.view(s.text("authoring.publish.title", d.content().title()), "publish.ftlh", model);
    }
}
