package dev.participation.pledge.api;

import java.util.Objects;

/**
 * A save or publication was based on a revision of the draft that someone else has since
 * changed; nothing was written. {@link #current()} is the draft as it is now, so the editor can
 * see what changed and decide again.
 */
public class DraftChanged extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient PledgeDraft current;

    public DraftChanged(PledgeDraft current) {
        super("The draft of pledge " + current.id() + " is now at revision " + current.revision(), null, false,
                false);
        this.current = Objects.requireNonNull(current, "current");
    }

    public PledgeDraft current() {
        return current;
    }
}
