package dev.participation.events.api;

import java.util.Objects;

/** Someone saved the event since the version an editor started from; nothing was saved. */
public class EventChanged extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Event current;

    public EventChanged(Event current) {
        super("Event " + current.id() + " is now at version " + current.version());
        this.current = Objects.requireNonNull(current);
    }

    /** The event as it is now, for the editor to compare with. */
    public Event current() {
        return current;
    }
}
