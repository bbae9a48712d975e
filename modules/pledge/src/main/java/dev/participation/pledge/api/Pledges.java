package dev.participation.pledge.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Pledges and charters. The public methods ({@link #published()} and {@link #published(String)})
 * only ever return published versions; everything else is for editors and staff, and every change
 * is written to the audit log with the actor.
 */
@ProviderType
public interface Pledges {

    /** Every pledge with a published version, in the order editors created them. */
    List<PublishedPledge> published();

    /** The latest published version of the pledge at this address. */
    Optional<PublishedPledge> published(String slug);

    /** Every pledge, published or not, for editors. */
    List<PledgeDraft> drafts();

    Optional<PledgeDraft> draft(long id);

    /**
     * Starts a pledge as a draft.
     *
     * @throws PledgeProblem if the slug is malformed or taken, or the content breaks {@link PledgeRules#check}
     */
    PledgeDraft create(String slug, PledgeContent content, String actor);

    /**
     * Replaces a draft's content, if the draft is still at {@code revision} (the one the new content
     * was built from); nothing public changes. Of two saves from the same revision, only one lands.
     *
     * @throws DraftChanged if the draft has moved on from {@code revision}; nothing is saved
     * @throws PledgeProblem if the content breaks {@link PledgeRules#check}
     * @throws java.util.NoSuchElementException if there is no such pledge
     */
    PledgeDraft saveDraft(long id, int revision, PledgeContent content, String actor);

    /**
     * Publishes the draft as a new version that the public sees at once, if the draft is still at
     * {@code revision} (the text the editor checked).
     *
     * @throws DraftChanged if the draft has changed since {@code revision}; nothing is published
     * @throws PledgeProblem if the draft breaks {@link PledgeRules#checkPublishable}
     */
    PledgeVersion publish(long id, int revision, String actor);

    /** Published versions, newest first. */
    List<PledgeVersion> history(long id);

    /**
     * Publishes an earlier version's content again as a new version, and makes it the draft too
     * (a new revision), so the history keeps every step. The draft it replaces must still be at
     * {@code revision}, the one the editor saw when choosing to restore.
     *
     * @throws DraftChanged if the draft has changed since {@code revision}; nothing is restored
     * @throws java.util.NoSuchElementException if there is no such pledge or version
     */
    PledgeVersion restore(long id, int version, int revision, String actor);

    /**
     * Adds evidence that a commitment is kept. Evidence an editor adds ({@code approved}) is shown
     * publicly at once; anyone else's waits for {@link #approveEvidence}.
     *
     * @throws PledgeProblem for an empty description, a date in the future, a link that is not an
     *                       https address, or a commitment the pledge's draft or published version lacks
     */
    Evidence addEvidence(long pledgeId, String commitmentKey, LocalDate date, String description, String link,
            String actor, boolean approved);

    /**
     * Lets the public see evidence that was waiting for an editor; approving it twice changes nothing.
     *
     * @throws java.util.NoSuchElementException if the pledge has no such evidence
     */
    Evidence approveEvidence(long pledgeId, long evidenceId, String actor);

    /** A commitment's evidence, newest first, approved or not (for staff). */
    List<Evidence> evidence(long pledgeId, String commitmentKey);

    void removeEvidence(long pledgeId, long evidenceId, String actor);
}
