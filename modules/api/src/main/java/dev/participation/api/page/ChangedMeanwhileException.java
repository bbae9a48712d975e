package dev.participation.api.page;

import java.util.Objects;

/**
 * Someone else changed a widget instance after the caller read it, so the caller's change was not
 * made: it would have silently undone theirs. Carries the instance as it is now, so the caller can
 * show it beside what their person typed and let them decide.
 *
 * @since 1.1
 */
public final class ChangedMeanwhileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient WidgetInstance current;

    public ChangedMeanwhileException(WidgetInstance current, long expectedVersion) {
        super("Widget instance " + current.id() + " is at version " + current.version() + ", not "
                + expectedVersion, null, false, false);
        this.current = Objects.requireNonNull(current, "current");
    }

    /** The instance as stored now. */
    public WidgetInstance current() {
        return current;
    }
}
