package dev.participation.api.widget;

import java.util.Objects;
import java.util.Optional;

/** What became of a form post. */
public sealed interface PostOutcome {

    /**
     * The post worked: the host redirects (post-redirect-get) and shows the notice once.
     *
     * @param location where to go next; hosts only follow same-site locations
     */
    record Done(String location, Optional<Message> notice) implements PostOutcome {
        public Done {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(notice, "notice");
        }
    }

    /**
     * The input needs correcting: the host shows this view (which repeats what was typed and
     * explains each error) with a client-error status.
     */
    record Invalid(WidgetView view) implements PostOutcome {
        public Invalid {
            Objects.requireNonNull(view, "view");
        }
    }

    /**
     * Nothing is wrong and nothing was kept: the person asked for the form drawn again differently
     * (one more young person, one fewer), without JavaScript. The host shows this view, which keeps
     * what was typed, with a success status.
     *
     * @since 2.2
     */
    record Redrawn(WidgetView view) implements PostOutcome {
        public Redrawn {
            Objects.requireNonNull(view, "view");
        }
    }

    /** The widget does not accept this post (no form, unknown action). */
    record NotAccepted() implements PostOutcome {
    }

    /**
     * The person may not do this (a staff action needs a role they lack): the host answers with a
     * "forbidden" page and nothing changed.
     *
     * @since 2.0
     */
    record Forbidden() implements PostOutcome {
    }

    static PostOutcome done(String location) {
        return new Done(location, Optional.empty());
    }

    static PostOutcome done(String location, Message notice) {
        return new Done(location, Optional.of(notice));
    }

    static PostOutcome invalid(WidgetView view) {
        return new Invalid(view);
    }

    /** @since 2.2 */
    static PostOutcome redrawn(WidgetView view) {
        return new Redrawn(view);
    }

    static PostOutcome notAccepted() {
        return new NotAccepted();
    }

    static PostOutcome forbidden() {
        return new Forbidden();
    }
}
