package dev.participation.pledge.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.EvidenceSummary;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PublishedPledge;
import dev.participation.api.storage.Sql;

/**
 * The only SQL behind the public methods of {@link PledgeStore}, kept apart from the editors'
 * queries on purpose.
 *
 * <p><b>Why this class exists:</b> the product promises that no draft text ever reaches a public page
 * or the public JSON. So what the public sees is read from {@code pledge_version} (the latest row per
 * pledge) and {@code pledge_evidence}, and from {@code pledge} only its {@code id} and {@code slug}.
 * Nothing here selects {@code pledge.draft_content}, and nothing here may: a public read that needs
 * more must take it from a published version.
 */
final class PublishedPledgeQueries {

    /**
     * Each pledge's latest published version. The select list names its columns one by one (never
     * {@code p.*}) so the draft column cannot slip in.
     */
    private static final String LATEST_VERSIONS = "SELECT p.id, p.slug, v.version_number, v.published_at, v.content"
            + " FROM pledge p JOIN pledge_version v ON v.pledge_id = p.id"
            + " WHERE v.version_number = (SELECT MAX(latest.version_number) FROM pledge_version latest"
            + " WHERE latest.pledge_id = p.id)";

    /**
     * Per commitment of the given pledges: how much approved evidence, and the newest piece (by
     * date, then by when added). Evidence waiting for an editor's approval is never public.
     */
    private static final String EVIDENCE_SUMMARY = "SELECT * FROM (SELECT e.id, e.pledge_id, e.commitment_key,"
            + " e.evidence_date, e.description, e.link, e.added_by, e.added_at, e.approved_by,"
            + " COUNT(*) OVER (PARTITION BY e.pledge_id, e.commitment_key) AS evidence_count,"
            + " ROW_NUMBER() OVER (PARTITION BY e.pledge_id, e.commitment_key"
            + " ORDER BY e.evidence_date DESC, e.added_at DESC, e.id DESC) AS newest_first"
            + " FROM pledge_evidence e WHERE e.approved_by IS NOT NULL AND e.pledge_id IN (%s)) ranked"
            + " WHERE ranked.newest_first = 1";

    private PublishedPledgeQueries() {
    }

    static List<PublishedPledge> all(Connection connection, PublishedContents contents) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LATEST_VERSIONS + " ORDER BY p.id")) {
            return withEvidence(connection, query, contents);
        }
    }

    static List<PublishedPledge> bySlug(Connection connection, String slug, PublishedContents contents)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(LATEST_VERSIONS + " AND p.slug = ?")) {
            query.setString(1, slug);
            return withEvidence(connection, query, contents);
        }
    }

    private record Row(long id, String slug, int version, Instant publishedAt, PledgeContent content) {
    }

    private static List<PublishedPledge> withEvidence(Connection connection, PreparedStatement query,
            PublishedContents contents) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                long id = result.getLong("id");
                int version = result.getInt("version_number");
                String json = result.getString("content");
                rows.add(new Row(id, result.getString("slug"), version, Sql.getInstant(result, "published_at"),
                        contents.get(id, version, () -> StoredContentJson.read(json))));
            }
        }
        Map<Long, Map<String, EvidenceSummary>> evidence = summaries(connection, rows.stream().map(Row::id).toList());
        List<PublishedPledge> pledges = new ArrayList<>();
        for (Row row : rows) {
            // Only commitments the published version has: evidence kept for a commitment that
            // exists only in the draft (or was dropped) is not shown.
            Set<String> published = commitmentKeys(row.content());
            Map<String, EvidenceSummary> shown = new HashMap<>();
            evidence.getOrDefault(row.id(), Map.of()).forEach((key, summary) -> {
                if (published.contains(key)) {
                    shown.put(key, summary);
                }
            });
            pledges.add(new PublishedPledge(row.id(), row.slug(), row.version(), row.publishedAt(), row.content(),
                    shown));
        }
        return pledges;
    }

    private static Map<Long, Map<String, EvidenceSummary>> summaries(Connection connection, List<Long> pledgeIds)
            throws SQLException {
        Map<Long, Map<String, EvidenceSummary>> summaries = new HashMap<>();
        if (pledgeIds.isEmpty()) {
            return summaries;
        }
        String placeholders = String.join(", ", Collections.nCopies(pledgeIds.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement(String.format(EVIDENCE_SUMMARY, placeholders))) {
            for (int i = 0; i < pledgeIds.size(); i++) {
                query.setLong(i + 1, pledgeIds.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Evidence latest = evidence(rows);
                    summaries.computeIfAbsent(rows.getLong("pledge_id"), id -> new HashMap<>())
                            .put(latest.commitmentKey(), new EvidenceSummary(rows.getInt("evidence_count"), latest));
                }
            }
        }
        return summaries;
    }

    static Set<String> commitmentKeys(PledgeContent content) {
        Set<String> keys = new HashSet<>();
        content.principles().forEach(p -> p.commitments().stream().map(Commitment::key).forEach(keys::add));
        return keys;
    }

    /** One {@code pledge_evidence} row; shared with the editors' evidence list. */
    static Evidence evidence(ResultSet rows) throws SQLException {
        return new Evidence(rows.getLong("id"), rows.getString("commitment_key"),
                rows.getObject("evidence_date", LocalDate.class), rows.getString("description"),
                rows.getString("link"), rows.getString("added_by"), Sql.getInstant(rows, "added_at"),
                rows.getString("approved_by"));
    }
}
