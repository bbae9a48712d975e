package dev.participation.groups.api.join;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Requests to join groups. {@link #ask} and {@link #confirmation} are for the public; the rest is
 * for staff, and every read and change is written to the audit log with the actor.
 */
@ProviderType
public interface JoinRequests {

    /**
     * Keeps a request and, in the same transaction, queues its confirmation email (to the
     * person's own address or the trusted adult's; none for a phone number). A second call with
     * the same {@code submission} (the same form sent twice) returns the first request and keeps
     * nothing more.
     *
     * @param submission drawn into the form when it was shown: 16 to 64 letters, digits or dashes
     * @param zone       where the person asked: the working days of the response target count there
     * @param locale     the language of the confirmation email
     * @throws JoinProblem if {@link JoinRules#check} finds anything
     * @throws java.util.NoSuchElementException if no group has this address
     */
    JoinRequest ask(String groupSlug, String submission, JoinAsk ask, ZoneId zone, Locale locale);

    /** What the person sees after asking; empty unless that group has a request with that submission. */
    Optional<Confirmation> confirmation(String groupSlug, String submission);

    /** The group's requests, newest first; each one shown is a read in the audit log. */
    List<JoinRequest> forGroup(long groupId, String actor);

    /** The group's requests for a CSV export, oldest first; each is written to the audit log as exported. */
    List<JoinRequest> export(long groupId, String actor);

    /** One request; the read is written to the audit log. */
    Optional<JoinRequest> read(long id, String actor);

    /**
     * Moves a request to {@code status} if it is still at {@code version}.
     *
     * @param declineReason required for {@link JoinStatus#DECLINED}, ignored otherwise
     * @throws JoinRequestChanged if someone changed it since; nothing is saved
     * @throws JoinProblem if a decline has no usable reason, or {@code status} is {@link JoinStatus#LEFT}
     *                     (use {@link #leave}) or the request's details are already erased
     * @throws java.util.NoSuchElementException if there is no such request
     */
    JoinRequest changeStatus(long id, int version, JoinStatus status, String declineReason, String actor);

    /**
     * A member leaves: the request becomes {@link JoinStatus#LEFT} and the person's details are
     * erased; group, age and status stay for anonymous counts.
     *
     * @throws JoinRequestChanged if someone changed it since {@code version}
     */
    JoinRequest leave(long id, int version, String actor);

    /** Per group id, how many requests are {@link JoinStatus#NEW} and how many of those are overdue on {@code today}. */
    Map<Long, Waiting> waiting(LocalDate today);

    /** Requests still waiting for a first answer. */
    record Waiting(int fresh, int overdue) {
    }
}
