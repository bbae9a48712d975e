package dev.participation.pledge.api;

import java.time.Instant;

/**
 * The editable copy of a pledge, for editors only.
 *
 * @param id               the pledge
 * @param slug             its address
 * @param content          the draft's text
 * @param updatedAt        when the draft last changed
 * @param updatedBy        who changed it
 * @param publishedVersion the latest published version, or 0 if never published
 * @param unpublishedChanges whether the draft differs from the latest published version
 * @param revision         counts the draft's changes: a save or publication based on an older
 *                         revision is refused with {@link DraftChanged}, so no edit is silently lost
 */
public record PledgeDraft(long id, String slug, PledgeContent content, Instant updatedAt, String updatedBy,
        int publishedVersion, boolean unpublishedChanges, int revision) {
}
