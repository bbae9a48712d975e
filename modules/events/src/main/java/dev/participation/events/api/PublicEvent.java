package dev.participation.events.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An event as the public sees it, with the places left in each session. */
public record PublicEvent(String slug, String title, String description, EventType type, Integer youngest,
        Integer oldest, Set<String> tags, String access, boolean food, Instant signUpOpens, Instant signUpCloses,
        EventStatus status, int consentAge, List<PublicSession> sessions) {

    public PublicEvent {
        tags = Set.copyOf(tags);
        sessions = List.copyOf(sessions);
    }
}
