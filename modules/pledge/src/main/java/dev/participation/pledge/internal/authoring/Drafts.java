package dev.participation.pledge.internal.authoring;

import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.Principle;
import dev.participation.kit.staff.NotFound;
import dev.participation.kit.staff.RecordIds;

/** Finds what a path names, or fails with {@link NotFound}. */
final class Drafts {

    private Drafts() {
    }

    static PledgeDraft find(Pledges pledges, String id) {
        return pledges.draft(RecordIds.inPath(id, "pledge")).orElseThrow(() -> new NotFound("pledge " + id));
    }

    static Principle principle(PledgeDraft draft, String key) {
        return draft.content().principle(key).orElseThrow(() -> new NotFound("principle " + key));
    }

    static Commitment commitment(Principle principle, String key) {
        return principle.commitments().stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFound("commitment " + key));
    }

    /** A signatory's place from its 1-based number in a path, whether or not the draft has one there. */
    static int signatoryPlace(String number) {
        if (!number.matches("\\d{1,4}") || Integer.parseInt(number) < 1) {
            throw new NotFound("signatory " + number);
        }
        return Integer.parseInt(number) - 1;
    }

    /** A signatory's place from its 1-based number in a path. */
    static int signatory(PledgeDraft draft, String number) {
        int index = signatoryPlace(number);
        if (index >= draft.content().signatories().size()) {
            throw new NotFound("signatory " + number);
        }
        return index;
    }
}
