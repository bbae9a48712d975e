package dev.participation.groups.api.join;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One request to join a group, as staff see it.
 *
 * @param respondBy     the last working day for a first answer (the response target)
 * @param declineReason why it was declined; empty otherwise
 * @param version       goes up with every change; a change names the version it was based on
 * @param erased        the person's details are gone (they left, or retention ended): only group, age and status remain
 */
public record JoinRequest(long id, long groupId, JoinAsk ask, Instant askedAt, LocalDate respondBy,
        JoinStatus status, String declineReason, Instant statusAt, int version, boolean erased) {

    public JoinRequest {
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(askedAt, "askedAt");
        Objects.requireNonNull(respondBy, "respondBy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(declineReason, "declineReason");
        Objects.requireNonNull(statusAt, "statusAt");
    }

    /** Still waiting for a first answer after its response target, on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return status == JoinStatus.NEW && today.isAfter(respondBy);
    }
}
