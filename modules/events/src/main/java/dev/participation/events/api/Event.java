package dev.participation.events.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An event as editors and staff see it. {@code version} goes up by one with every saved change
 * (its sessions included); a save names the version it was based on, so two editors never
 * overwrite each other unseen.
 */
public record Event(long id, String slug, int version, EventDetails details, List<EventSession> sessions,
        Instant updatedAt, String updatedBy) {

    public Event {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(details, "details");
        sessions = List.copyOf(sessions);
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }

    /** What the public may see: no online links and nobody's name. */
    public PublicEvent publicView() {
        EventDetails d = details;
        return new PublicEvent(slug, d.title(), d.description(), d.type(), d.youngest(), d.oldest(), d.tags(),
                d.access(), d.food(), d.signUpOpens(), d.signUpCloses(), d.status(), d.consentAge(),
                sessions.stream().map(EventSession::publicView).toList());
    }
}
