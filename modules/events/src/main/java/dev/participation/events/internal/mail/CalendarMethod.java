package dev.participation.events.internal.mail;

/**
 * What a calendar file asks of the program that opens it (RFC 5546): {@link #PUBLISH} for a feed
 * anyone may subscribe to, {@link #REQUEST} for a booked place the program should add or update,
 * {@link #CANCEL} for one it should take out.
 */
public enum CalendarMethod {
    PUBLISH,
    REQUEST,
    CANCEL
}
