package dev.participation.kit.post;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;

/**
 * What a host answers to a form post, decided once from the widget's or staff action's
 * {@link PostOutcome} for every host; each host only maps the reply to its own response API.
 */
public sealed interface PostReply {

    /** The status of a form shown again to be corrected. */
    int INVALID = 400;
    /** The status when the person may not do what they posted. */
    int FORBIDDEN = 403;
    /** The status when nothing takes the post. */
    int NOT_ACCEPTED = 405;

    /**
     * The post worked (and may have changed what pages show): go on with a fresh request
     * (post-redirect-get), showing the notice once.
     *
     * @param location where to go, or empty to go back to the page the post came from: the widget
     *                 asked for somewhere off this site, where a host never sends anyone
     */
    record Redirect(Optional<String> location, Optional<Message> notice) implements PostReply {
        public Redirect {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(notice, "notice");
        }
    }

    /** The status of a form drawn again as the person asked, with nothing wrong in it. */
    int REDRAWN = 200;

    /**
     * Show this view (what was typed) with its status: {@link #INVALID} when it explains what to
     * correct, {@link #REDRAWN} when the person only asked for it drawn differently. Nothing changed.
     */
    record ShowAgain(WidgetView view, int status) implements PostReply {
        public ShowAgain {
            Objects.requireNonNull(view, "view");
        }

        /** A form to correct, with {@link #INVALID}. */
        public ShowAgain(WidgetView view) {
            this(view, INVALID);
        }
    }

    /** Refuse with a host error page of this status ({@link #FORBIDDEN}, {@link #NOT_ACCEPTED}); nothing changed. */
    record Refuse(int status) implements PostReply {
    }

    /**
     * @param sameSite the host's rule for a location it may send people to
     */
    static PostReply of(PostOutcome outcome, Predicate<String> sameSite) {
        if (outcome instanceof PostOutcome.Done done) {
            // Only same-site locations: a widget must not be usable to send people elsewhere.
            return new Redirect(Optional.of(done.location()).filter(sameSite), done.notice());
        }
        if (outcome instanceof PostOutcome.Invalid invalid) {
            return new ShowAgain(invalid.view());
        }
        if (outcome instanceof PostOutcome.Redrawn redrawn) {
            return new ShowAgain(redrawn.view(), REDRAWN);
        }
        if (outcome instanceof PostOutcome.Forbidden) {
            return new Refuse(FORBIDDEN);
        }
        return new Refuse(NOT_ACCEPTED);
    }
}
