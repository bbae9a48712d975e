package dev.participation.pledge.internal.authoring;

import java.util.List;
import java.util.Map;

import dev.participation.pledge.api.DraftChanged;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeProblem;
import dev.participation.pledge.api.PledgeRules;
import dev.participation.pledge.api.PledgeVersion;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.staff.Screen;

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
        List<VersionDiff.Section> sections = latest == null ? List.of()
                : VersionDiff.compare(latest.content(), d.content(), s.messages());
        int changes = VersionDiff.count(sections);
        View model = new View(d.content().title(), Integer.toString(d.revision()), changedSinceChecked,
                s.who(d.updatedBy()), s.dateTime(d.updatedAt()), ProblemLinks.describe(s, d, problems), latest == null,
                latest == null ? 1 : latest.version() + 1, d.content().principles().size(),
                d.content().principles().stream().mapToInt(p -> p.commitments().size()).sum(),
                d.content().principles().stream().map(Principle::title).toList(),
                latest == null ? 0 : latest.version(), VersionDiff.model(sections, s.messages()),
                VersionDiff.count(sections, VersionDiff.Kind.ADDED), VersionDiff.count(sections, VersionDiff.Kind.REMOVED),
                VersionDiff.count(sections, VersionDiff.Kind.CHANGED), VersionDiff.count(sections, VersionDiff.Kind.MOVED),
                changes, problems.isEmpty() && (latest == null || changes > 0), s.href(d.id() + "/preview"),
                s.href(Long.toString(d.id())));
        return s.view(s.text("authoring.publish.title", d.content().title()), "publish.ftlh", model);
    }

    /**
     * "Check before you publish": what stops publication, or what this version changes since the
     * latest (nothing to compare when it is the first).
     */
    public record View(String pledgeTitle, String revision, boolean changedSinceChecked, String changedBy,
            String changedAt, List<ProblemLinks.Problem> problems, boolean first, int nextVersion, int principleCount,
            int commitmentCount, List<String> principleTitles, int latestVersion,
            List<VersionDiff.SectionView> sections, long added, long removed, long changed, long moved, int changes,
            boolean canPublish, String previewHref, String cancel) {
    }
}
