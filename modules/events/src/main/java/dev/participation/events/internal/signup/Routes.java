package dev.participation.events.internal.signup;

/** The request parameters the events widget routes by, shared with the pages it routes to. */
public final class Routes {

    /** One event's page, by its address. */
    public static final String EVENT = "event";
    /** With {@link #EVENT}: one of its sessions' sign-up form. */
    public static final String SESSION = "session";
    /** A booking's own page, by the secret from its confirmation email. */
    public static final String BOOKING = "booking";

    private Routes() {
    }
}
