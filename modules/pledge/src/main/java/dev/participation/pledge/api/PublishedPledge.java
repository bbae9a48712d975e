package dev.participation.pledge.api;

import java.time.Instant;
import java.util.Map;

/**
 * The version of a pledge the public sees: the latest published one, never a draft.
 *
 * @param id          the pledge
 * @param slug        its address, lower case with dashes
 * @param version     which published version this is, from 1
 * @param publishedAt when it was published
 * @param content     what it says
 * @param evidence    per commitment key, the evidence that it is kept (absent: none yet)
 */
public record PublishedPledge(long id, String slug, int version, Instant publishedAt, PledgeContent content,
        Map<String, EvidenceSummary> evidence) {
    public PublishedPledge {
        evidence = Map.copyOf(evidence);
    }
}
