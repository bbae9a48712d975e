package dev.participation.events.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The events people can sign up for. {@link #find} is for the public; the rest is for editors and
 * staff, and every change is written to the audit log with the actor.
 */
@ProviderType
public interface Events {

    /** The published event at this address, as the public sees it, with places left. */
    Optional<PublicEvent> find(String slug);

    /**
     * Published events as the public sees them, with places left: soonest first, or in the order
     * of {@link EventQuery#slugs} where events are picked by hand.
     */
    List<PublicEvent> published(EventQuery query);

    /**
     * What a calendar feed lists: {@link #published} events, and cancelled ones that had been
     * published, until their sessions have ended, so a calendar program that subscribed sees them
     * cancelled instead of keeping them. Filtered and ordered as {@link #published}.
     *
     * @since 1.1
     */
    List<PublicEvent> calendar(EventQuery query);

    /** Every event, soonest first, for editors and staff. */
    List<Event> all();

    Optional<Event> event(long id);

    /**
     * Adds an event with its sessions.
     *
     * @throws EventProblem if the slug is malformed or taken or the details or sessions break
     *                      {@link EventRules}
     */
    Event create(String slug, EventDetails details, List<SessionDetails> sessions, String actor);

    /**
     * Replaces an event's details (not its sessions) if it is still at {@code version}.
     *
     * @throws EventChanged if someone saved the event since {@code version}; nothing is saved
     * @throws EventProblem if the details break {@link EventRules#check}
     * @throws java.util.NoSuchElementException if there is no such event
     */
    Event update(long id, int version, EventDetails details, String actor);

    /**
     * Adds a session to an event still at {@code version}.
     *
     * @throws EventChanged if someone saved the event since {@code version}
     */
    Event addSession(long eventId, int version, SessionDetails session, String actor);

    /**
     * Changes a session of an event still at {@code version}. Raising the capacity fills the new
     * places from the waiting list as the event's {@link Promotion} says, in the same transaction;
     * lowering it below the places already given is refused, and nothing changes.
     *
     * @throws EventChanged if someone saved the event since {@code version}
     * @throws EventProblem if the session breaks {@link EventRules}, or its new capacity is below the
     *                      places given ({@code capacity}, {@code events.error.capacityBelowTaken})
     * @throws java.util.NoSuchElementException if the event has no such session
     */
    Event changeSession(long eventId, int version, long sessionId, SessionDetails session, String actor);
}
