package dev.participation.pledge.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Proof that a commitment is kept: a dated description with an optional link, added by staff and
 * shown publicly once an editor has approved it.
 * (Links to "you said, we did" entries come with the feedback widget.)
 *
 * @param id            identifier
 * @param commitmentKey the commitment it supports
 * @param date          when the thing it describes happened
 * @param description   what was done, plain text
 * @param link          an https address with more, or empty
 * @param addedBy       who added it
 * @param addedAt       when
 * @param approvedBy    the editor who let the public see it (the one who added it, for an
 *                      editor's own), or empty while it waits for approval
 */
public record Evidence(long id, String commitmentKey, LocalDate date, String description, String link,
        String addedBy, Instant addedAt, String approvedBy) {
    public Evidence {
        Objects.requireNonNull(commitmentKey, "commitmentKey");
        Objects.requireNonNull(date, "date");
        description = description == null ? "" : description;
        link = link == null ? "" : link;
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(addedAt, "addedAt");
        approvedBy = approvedBy == null ? "" : approvedBy;
    }

    /** Whether the public may see it. */
    public boolean approved() {
        return !approvedBy.isEmpty();
    }
}
