package dev.participation.pledge.internal.widget;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public JSON shapes of published pledges. They are built from {@code PublishedPledge} only,
 * so nothing of a draft and nothing that names a member of staff (who added evidence, who
 * published) can appear. Absent optional texts are {@code null}, which the JSON adapter leaves out.
 */
public final class PledgeJson {

    private PledgeJson() {
    }

    /** One entry of {@code GET /api/pledges}. */
    public record Summary(String slug, String title, String audience, String audienceLabel, int version,
            Instant publishedAt) {
    }

    /** {@code GET /api/pledges/{slug}}. */
    public record Pledge(String slug, String title, String audience, String audienceLabel, int version,
            Instant publishedAt, String introduction, String easyReadIntroduction, List<Part> principles,
            List<Signer> signatories) {
    }

    public record Part(String key, String title, String promise, String easyReadPromise, Image image,
            List<Action> commitments) {
    }

    public record Image(String url, String alt) {
    }

    public record Action(String key, String text, String easyReadText, EvidenceJson evidence) {
    }

    /** How many pieces of evidence a commitment has, and the latest, if any. */
    public record EvidenceJson(int count, LatestEvidence latest) {
    }

    public record LatestEvidence(LocalDate date, String description, String link) {
    }

    public record Signer(String name, String role, LocalDate signedOn) {
    }
}
