package dev.participation.groups.api.join;

/** Someone changed the request after the form was drawn: {@link #now()} is what they saved. */
public final class JoinRequestChanged extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient JoinRequest now;

    public JoinRequestChanged(JoinRequest now) {
        super("join request " + now.id() + " is at version " + now.version(), null, false, false);
        this.now = now;
    }

    public JoinRequest now() {
        return now;
    }
}
