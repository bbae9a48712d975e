package dev.participation.groups.api;

import java.util.Objects;

/**
 * A save was based on a version of the group that someone else has since changed; nothing was
 * written. {@link #current()} is what they saved, so the editor can compare and decide again.
 */
public class GroupChanged extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Group current;

    public GroupChanged(Group current) {
        super("Group " + current.slug() + " is now at version " + current.version(), null, false, false);
        this.current = Objects.requireNonNull(current, "current");
    }

    public Group current() {
        return current;
    }
}
