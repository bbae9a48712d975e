package dev.participation.events.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who arrived on the day. Each person in a booking is checked in at most once: a repeated tap, or
 * a retry of the same post over a flaky connection, finds the check-in already made and changes
 * nothing. Every change is written to the audit log with the actor.
 */
@ProviderType
public interface CheckIns {

    /**
     * Records that the person at {@code position} in the booking arrived at the session.
     *
     * @return whether this call recorded it (false if they were already checked in)
     * @throws EventProblem if the booking holds no places (under {@code ""}, {@code events.staff.error.checkInNoPlace})
     * @throws java.util.NoSuchElementException if the session has no such booking or the booking no such person
     */
    boolean arrived(long sessionId, long bookingId, int position, String actor);

    /**
     * Takes back a mistaken check-in.
     *
     * @return whether there was one to take back (false too for a booking of another session)
     */
    boolean undo(long sessionId, long bookingId, int position, String actor);

    /** Everyone checked in at a session, in the order they arrived. */
    List<CheckIn> forSession(long sessionId);
}
