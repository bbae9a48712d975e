package dev.participation.pledge.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.participation.pledge.api.Commitment;
import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.EvidenceSummary;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PublishedPledge;

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

    /** A {@code pledge_evidence} row's columns in the order {@link #evidence(ResultSet, int)} reads them. */
    static final String EVIDENCE_COLUMNS = "e.id, e.commitment_key, e.evidence_date, e.description, e.link,"
            + " e.added_by, e.added_at, e.approved_by";

    /**
     * Each pledge's latest published version, with per commitment how much approved evidence it
     * has and the newest piece (by date, then by when added): one row per commitment with
     * evidence, or one row without any. Evidence waiting for an editor's approval is never public.
     * The select list names its columns one by one (never {@code p.*}) so the draft column cannot
     * slip in; the version's content is read only for a version not parsed before.
     * {@code %1$s} narrows the pledges, {@code %2$s} the evidence, to the same ones.
     */
    private static final String LATEST_WITH_EVIDENCE = "SELECT shown.pledge_id, shown.slug,"
            + " shown.version_number, shown.published_at, ranked.evidence_count, "
            + EVIDENCE_COLUMNS.replace("e.", "ranked.")
            + " FROM (SELECT p.id AS pledge_id, p.slug, v.version_number, v.published_at"
            + " FROM pledge p JOIN pledge_version v ON v.pledge_id = p.id"
            + " WHERE v.version_number = (SELECT MAX(latest.version_number) FROM pledge_version latest"
            + " WHERE latest.pledge_id = p.id)%1$s) shown"
            + " LEFT JOIN (SELECT e.pledge_id, " + EVIDENCE_COLUMNS + ","
            + " COUNT(*) OVER (PARTITION BY e.pledge_id, e.commitment_key) AS evidence_count,"
            + " ROW_NUMBER() OVER (PARTITION BY e.pledge_id, e.commitment_key"
            + " ORDER BY e.evidence_date DESC, e.added_at DESC, e.id DESC) AS newest_first"
            + " FROM pledge_evidence e WHERE e.approved_by IS NOT NULL%2$s) ranked"
            + " ON ranked.pledge_id = shown.pledge_id AND ranked.newest_first = 1"
            + " ORDER BY shown.pledge_id";

    private static final String ALL = String.format(LATEST_WITH_EVIDENCE, "", "");
    private static final String BY_SLUG = String.format(LATEST_WITH_EVIDENCE, " AND p.slug = ?",
            " AND e.pledge_id IN (SELECT bySlug.id FROM pledge bySlug WHERE bySlug.slug = ?)");

    private static final String CONTENT = "SELECT content FROM pledge_version"
            + " WHERE pledge_id = ? AND version_number = ?";

    private PublishedPledgeQueries() {
    }

    static List<PublishedPledge> all(Connection connection, PublishedContents contents) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ALL)) {
            return withEvidence(connection, query, contents);
        }
    }

    static List<PublishedPledge> bySlug(Connection connection, String slug, PublishedContents contents)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(BY_SLUG)) {
            query.setString(1, slug);
            query.setString(2, slug);
            return withEvidence(connection, query, contents);
        }
    }

    private record Row(long id, String slug, int version, Instant publishedAt, Map<String, EvidenceSummary> evidence) {
    }

    private static List<PublishedPledge> withEvidence(Connection connection, PreparedStatement query,
            PublishedContents contents) throws SQLException {
        Map<Long, Row> rows = new LinkedHashMap<>();
        // Columns by position: looking each up by name, on every row, was a visible part of a page.
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                long id = result.getLong(1);
                Row row = rows.get(id);
                if (row == null) {
                    row = new Row(id, result.getString(2), result.getInt(3), instant(result, 4), new HashMap<>());
                    rows.put(id, row);
                }
                if (result.getObject(6) != null) {
                    Evidence latest = evidence(result, 6);
                    row.evidence().put(latest.commitmentKey(), new EvidenceSummary(result.getInt(5), latest));
                }
            }
        }
        List<PublishedPledge> pledges = new ArrayList<>();
        for (Row row : rows.values()) {
            PledgeContent content = content(connection, contents, row.id(), row.version());
            // Only commitments the published version has: evidence kept for a commitment that
            // exists only in the draft (or was dropped) is not shown.
            Set<String> published = commitmentKeys(content);
            row.evidence().keySet().retainAll(published);
            pledges.add(new PublishedPledge(row.id(), row.slug(), row.version(), row.publishedAt(), content,
                    row.evidence()));
        }
        return pledges;
    }

    private static PledgeContent content(Connection connection, PublishedContents contents, long pledgeId,
            int version) throws SQLException {
        try {
            return contents.get(pledgeId, version, () -> {
                try (PreparedStatement query = connection.prepareStatement(CONTENT)) {
                    query.setLong(1, pledgeId);
                    query.setInt(2, version);
                    try (ResultSet rows = query.executeQuery()) {
                        if (!rows.next()) {
                            throw new IllegalStateException("Version " + version + " of pledge " + pledgeId
                                    + " went away while it was read");
                        }
                        return StoredContentJson.read(rows.getString("content"));
                    }
                } catch (SQLException e) {
                    throw new UncheckedSqlException(e);
                }
            });
        } catch (UncheckedSqlException e) {
            throw e.getCause();
        }
    }

    /** Carries a failed read out of the parse-once lambda, to be thrown again as what it was. */
    private static final class UncheckedSqlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    static Set<String> commitmentKeys(PledgeContent content) {
        Set<String> keys = new HashSet<>();
        content.principles().forEach(p -> p.commitments().stream().map(Commitment::key).forEach(keys::add));
        return keys;
    }

    /**
     * One {@code pledge_evidence} row, selected as {@link #EVIDENCE_COLUMNS} from the given column
     * on; shared with the editors' evidence list.
     */
    static Evidence evidence(ResultSet rows, int first) throws SQLException {
        return new Evidence(rows.getLong(first), rows.getString(first + 1),
                rows.getObject(first + 2, LocalDate.class), rows.getString(first + 3), rows.getString(first + 4),
                rows.getString(first + 5), instant(rows, first + 6), rows.getString(first + 7));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
