package dev.participation.pledge.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import dev.participation.api.audit.AuditLog;
import dev.participation.pledge.api.DraftChanged;
import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeProblem;
import dev.participation.pledge.api.PledgeRules;
import dev.participation.pledge.api.PledgeVersion;
import dev.participation.pledge.api.Pledges;
import dev.participation.pledge.api.PublishedPledge;
import dev.participation.api.widget.Message;
import dev.participation.api.storage.Storage;
import dev.participation.api.storage.Sql;
import dev.participation.api.storage.StorageException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Pledges in {@code pledge} (one row per pledge, holding the editors' draft), their published
 * versions in {@code pledge_version} (written once, never changed) and evidence in
 * {@code pledge_evidence}.
 *
 * <p>The public methods read through {@link PublishedPledgeQueries}, which never touches the draft
 * column, so no draft text can reach a public page. Publishing and restoring first lock the
 * pledge's row, so concurrent publications on several nodes queue up and versions run 1, 2, 3, ...
 * without repeats or gaps. Saves and publications name the draft revision they were based on and
 * are refused with {@link DraftChanged} when it has moved on, so no editor's change is overwritten
 * unseen. Every change writes its audit line in the same transaction.
 */
@Component(service = Pledges.class)
public final class PledgeStore implements Pledges {

    static final String RECORD_TYPE = "pledge";
    /** The size of the content columns; content whose JSON is longer is refused, not cut. */
    static final int CONTENT_MAX = 1_000_000;
    /** The size of {@code pledge_evidence.commitment_key}; a longer key cannot have evidence. */
    static final int COMMITMENT_KEY_MAX = 200;

    private final PublishedContents publishedContents = new PublishedContents();
    private final Storage storage;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public PledgeStore(@Reference(target = PledgeSchema.STORAGE) Storage storage, @Reference AuditLog audit,
            @Reference Clock clock) {
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- Public: published versions only (see PublishedPledgeQueries for why they live apart) ----

    @Override
    public List<PublishedPledge> published() {
        return storage.read(connection -> PublishedPledgeQueries.all(connection, publishedContents));
    }

    @Override
    public Optional<PublishedPledge> published(String slug) {
        if (!PledgeRules.validSlug(slug)) {
            return Optional.empty();
        }
        return storage.read(connection -> PublishedPledgeQueries.bySlug(connection, slug, publishedContents)).stream()
                .findFirst();
    }

    // ---- Editors ----

    @Override
    public List<PledgeDraft> drafts() {
        return storage.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(DRAFTS + " ORDER BY p.id")) {
                return drafts(query);
            }
        });
    }

    @Override
    public Optional<PledgeDraft> draft(long id) {
        return storage.read(connection -> draftIn(connection, id));
    }

    @Override
    public PledgeDraft create(String slug, PledgeContent content, String actor) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(actor, "actor");
        Map<String, Message> errors = new LinkedHashMap<>();
        if (!PledgeRules.validSlug(slug)) {
            errors.put("slug", Message.of("pledge.error.slug"));
        }
        String json = checkedJson(errors, content);
        refuseIf(errors);
        try {
            return storage.write(connection -> {
                Instant now = clock.instant();
                // A concurrent create of the same slug waits here and then inserts nothing (no error
                // that would spoil the transaction), so the loser is told the address is taken.
                boolean inserted = storage.dialect().insertIfAbsent(connection, "INSERT INTO pledge"
                        + " (slug, created_at, created_by, draft_content, draft_updated_at, draft_updated_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", insert -> {
                            insert.setString(1, slug);
                            Sql.setInstant(insert, 2, now);
                            insert.setString(3, actor);
                            insert.setString(4, json);
                            Sql.setInstant(insert, 5, now);
                            insert.setString(6, actor);
                        });
                if (!inserted) {
                    throw slugTaken();
                }
                long id;
                try (PreparedStatement query = connection.prepareStatement("SELECT id FROM pledge WHERE slug = ?")) {
                    query.setString(1, slug);
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        id = rows.getLong(1);
                    }
                }
                audit.record(actor, "pledge.create", RECORD_TYPE, String.valueOf(id),
                        "Created pledge " + slug + " as a draft titled \"" + content.title() + "\"");
                return draftIn(connection, id).orElseThrow();
            });
        } catch (StorageException e) {
            // Belt and braces: should a database report the duplicate as an error after all.
            if (e.isUniqueViolation()) {
                throw slugTaken();
            }
            throw e;
        }
    }

    @Override
    public PledgeDraft saveDraft(long id, int revision, PledgeContent content, String actor) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(actor, "actor");
        Map<String, Message> errors = new LinkedHashMap<>();
        String json = checkedJson(errors, content);
        refuseIf(errors);
        return storage.write(connection -> {
            refuseIfChanged(connection, id, lockPledge(connection, id), revision);
            // Guarded by the revision as well as by the lock: of two saves from one revision, the
            // second finds no row to change even if a database let it past the lock.
            try (PreparedStatement update = connection.prepareStatement("UPDATE pledge"
                    + " SET draft_content = ?, draft_updated_at = ?, draft_updated_by = ?,"
                    + " draft_revision = draft_revision + 1 WHERE id = ? AND draft_revision = ?")) {
                update.setString(1, json);
                Sql.setInstant(update, 2, clock.instant());
                update.setString(3, actor);
                update.setLong(4, id);
                update.setInt(5, revision);
                if (update.executeUpdate() == 0) {
                    throw new DraftChanged(draftIn(connection, id).orElseThrow(() -> noPledge(id)));
                }
            }
            audit.record(actor, "pledge.draft.save", RECORD_TYPE, String.valueOf(id),
                    "Saved the draft titled \"" + content.title() + "\" as revision " + (revision + 1));
            return draftIn(connection, id).orElseThrow();
        });
    }

    @Override
    public PledgeVersion publish(long id, int revision, String actor) {
        Objects.requireNonNull(actor, "actor");
        return storage.write(connection -> {
            LockedDraft locked = lockPledge(connection, id);
            refuseIfChanged(connection, id, locked, revision);
            PledgeContent draft = StoredContentJson.read(locked.json());
            refuseIf(PledgeRules.checkPublishable(draft));
            int version = latestVersion(connection, id) + 1;
            // The version stores the draft's text exactly as saved.
            PledgeVersion published = insertVersion(connection, id, version, locked.json(), 0, actor);
            audit.record(actor, "pledge.publish", RECORD_TYPE, String.valueOf(id),
                    "Published version " + version + " from draft revision " + revision);
            return published;
        });
    }

    @Override
    public List<PledgeVersion> history(long id) {
        return storage.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT * FROM pledge_version"
                    + " WHERE pledge_id = ? ORDER BY version_number DESC")) {
                query.setLong(1, id);
                List<PledgeVersion> versions = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        versions.add(version(rows));
                    }
                }
                return versions;
            }
        });
    }

    @Override
    public PledgeVersion restore(long id, int version, int revision, String actor) {
        Objects.requireNonNull(actor, "actor");
        return storage.write(connection -> {
            refuseIfChanged(connection, id, lockPledge(connection, id), revision);
            String json;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT content FROM pledge_version WHERE pledge_id = ? AND version_number = ?")) {
                query.setLong(1, id);
                query.setInt(2, version);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        throw new NoSuchElementException("Pledge " + id + " has no version " + version);
                    }
                    json = rows.getString(1);
                }
            }
            int restoredAs = latestVersion(connection, id) + 1;
            PledgeVersion restored = insertVersion(connection, id, restoredAs, json, version, actor);
            try (PreparedStatement update = connection.prepareStatement("UPDATE pledge"
                    + " SET draft_content = ?, draft_updated_at = ?, draft_updated_by = ?,"
                    + " draft_revision = draft_revision + 1 WHERE id = ?")) {
                update.setString(1, json);
                Sql.setInstant(update, 2, restored.publishedAt());
                update.setString(3, actor);
                update.setLong(4, id);
                update.executeUpdate();
            }
            audit.record(actor, "pledge.restore", RECORD_TYPE, String.valueOf(id),
                    "Restored from version " + version + " as version " + restoredAs + ", which is now also the draft");
            return restored;
        });
    }

    // ---- Evidence ----

    @Override
    public Evidence addEvidence(long pledgeId, String commitmentKey, LocalDate date, String description, String link,
            String actor, boolean approved) {
        Objects.requireNonNull(actor, "actor");
        String text = description == null ? "" : description;
        String address = link == null ? "" : link.strip();
        Map<String, Message> errors = new LinkedHashMap<>();
        if (text.isBlank()) {
            errors.put("description", Message.of("pledge.error.description"));
        } else if (text.codePointCount(0, text.length()) > PledgeRules.TEXT_MAX) {
            errors.put("description", Message.of("pledge.error.tooLong", PledgeRules.TEXT_MAX));
        }
        if (date == null || date.isAfter(LocalDate.now(clock))) {
            errors.put("date", Message.of("pledge.error.date"));
        }
        if (!address.isEmpty() && !PledgeRules.validLink(address)) {
            errors.put("link", Message.of("pledge.error.link"));
        }
        return storage.write(connection -> {
            String draftJson = lockPledge(connection, pledgeId).json();
            if (!hasCommitment(connection, pledgeId, draftJson, commitmentKey)) {
                errors.put("commitment", Message.of("pledge.error.commitment"));
            }
            refuseIf(errors);
            Instant now = clock.instant();
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pledge_evidence"
                    + " (pledge_id, commitment_key, evidence_date, description, link, added_by, added_at, approved_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                insert.setLong(1, pledgeId);
                insert.setString(2, commitmentKey);
                insert.setObject(3, date);
                insert.setString(4, text);
                insert.setString(5, address);
                insert.setString(6, actor);
                Sql.setInstant(insert, 7, now);
                insert.setString(8, approved ? actor : null);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            audit.record(actor, "pledge.evidence.add", RECORD_TYPE, String.valueOf(pledgeId),
                    "Added evidence " + id + " for commitment " + commitmentKey + " dated " + date
                            + (approved ? ", shown at once" : ", waiting for an editor's approval"));
            return findEvidence(connection, pledgeId, id).orElseThrow();
        });
    }

    @Override
    public Evidence approveEvidence(long pledgeId, long evidenceId, String actor) {
        Objects.requireNonNull(actor, "actor");
        return storage.write(connection -> {
            // Only the first approval counts, so the log names the editor who made it public.
            try (PreparedStatement update = connection.prepareStatement("UPDATE pledge_evidence SET approved_by = ?"
                    + " WHERE id = ? AND pledge_id = ? AND approved_by IS NULL")) {
                update.setString(1, actor);
                update.setLong(2, evidenceId);
                update.setLong(3, pledgeId);
                if (update.executeUpdate() > 0) {
                    audit.record(actor, "pledge.evidence.approve", RECORD_TYPE, String.valueOf(pledgeId),
                            "Approved evidence " + evidenceId + " for the public");
                }
            }
            return findEvidence(connection, pledgeId, evidenceId).orElseThrow(
                    () -> new NoSuchElementException("Pledge " + pledgeId + " has no evidence " + evidenceId));
        });
    }

    @Override
    public List<Evidence> evidence(long pledgeId, String commitmentKey) {
        return storage.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT "
                    + PublishedPledgeQueries.EVIDENCE_COLUMNS + " FROM pledge_evidence e"
                    + " WHERE e.pledge_id = ? AND e.commitment_key = ?"
                    + " ORDER BY e.evidence_date DESC, e.added_at DESC, e.id DESC")) {
                query.setLong(1, pledgeId);
                query.setString(2, commitmentKey);
                List<Evidence> found = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(PublishedPledgeQueries.evidence(rows, 1));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public void removeEvidence(long pledgeId, long evidenceId, String actor) {
        Objects.requireNonNull(actor, "actor");
        storage.write(connection -> {
            Evidence removed = findEvidence(connection, pledgeId, evidenceId).orElseThrow(
                    () -> new NoSuchElementException("Pledge " + pledgeId + " has no evidence " + evidenceId));
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM pledge_evidence WHERE id = ? AND pledge_id = ?")) {
                delete.setLong(1, evidenceId);
                delete.setLong(2, pledgeId);
                delete.executeUpdate();
            }
            // What was removed survives only here, so it can be put back.
            audit.record(actor, "pledge.evidence.remove", RECORD_TYPE, String.valueOf(pledgeId),
                    "Removed evidence " + evidenceId + " for commitment " + removed.commitmentKey() + " dated "
                            + removed.date() + " (added by " + removed.addedBy() + "): " + removed.description()
                            + (removed.link().isEmpty() ? "" : " " + removed.link()));
            return null;
        });
    }

    // ---- Helpers ----

    /** Editors' view: the draft beside its latest published version (if any). */
    private static final String DRAFTS = "SELECT p.id, p.slug, p.draft_content, p.draft_updated_at,"
            + " p.draft_updated_by, p.draft_revision, v.version_number, v.content"
            + " FROM pledge p"
            + " LEFT JOIN (SELECT pledge_id, MAX(version_number) AS latest FROM pledge_version GROUP BY pledge_id) m"
            + " ON m.pledge_id = p.id"
            + " LEFT JOIN pledge_version v ON v.pledge_id = p.id AND v.version_number = m.latest";

    private static Optional<PledgeDraft> draftIn(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(DRAFTS + " WHERE p.id = ?")) {
            query.setLong(1, id);
            return drafts(query).stream().findFirst();
        }
    }

    private static List<PledgeDraft> drafts(PreparedStatement query) throws SQLException {
        List<PledgeDraft> drafts = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                PledgeContent draft = StoredContentJson.read(rows.getString("draft_content"));
                String publishedJson = rows.getString("content");
                int version = publishedJson == null ? 0 : rows.getInt("version_number");
                // Compared as content, not as text, so a change in how JSON is written is no "change".
                boolean unpublished = publishedJson == null || !draft.equals(StoredContentJson.read(publishedJson));
                drafts.add(new PledgeDraft(rows.getLong("id"), rows.getString("slug"), draft,
                        Sql.getInstant(rows, "draft_updated_at"), rows.getString("draft_updated_by"), version,
                        unpublished, rows.getInt("draft_revision")));
            }
        }
        return drafts;
    }

    /** The draft as found under the pledge's row lock. */
    private record LockedDraft(String json, int revision) {
    }

    /**
     * Holds the pledge's row until the transaction ends, so saves, publications, restores and
     * evidence of one pledge happen one at a time.
     */
    private static LockedDraft lockPledge(Connection connection, long id) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT draft_content, draft_revision FROM pledge WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, id);
            try (ResultSet rows = lock.executeQuery()) {
                if (!rows.next()) {
                    throw noPledge(id);
                }
                return new LockedDraft(rows.getString(1), rows.getInt(2));
            }
        }
    }

    private static void refuseIfChanged(Connection connection, long id, LockedDraft locked, int revision)
            throws SQLException {
        if (locked.revision() != revision) {
            throw new DraftChanged(draftIn(connection, id).orElseThrow(() -> noPledge(id)));
        }
    }

    private static int latestVersion(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT MAX(version_number) FROM pledge_version WHERE pledge_id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static Optional<String> latestContent(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT content FROM pledge_version"
                + " WHERE pledge_id = ? ORDER BY version_number DESC FETCH FIRST 1 ROWS ONLY")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private PledgeVersion insertVersion(Connection connection, long id, int version, String json, int restoredFrom,
            String actor) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pledge_version"
                + " (pledge_id, version_number, content, published_at, published_by, restored_from)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setInt(2, version);
            insert.setString(3, json);
            Sql.setInstant(insert, 4, now);
            insert.setString(5, actor);
            insert.setInt(6, restoredFrom);
            insert.executeUpdate();
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT * FROM pledge_version WHERE pledge_id = ? AND version_number = ?")) {
            query.setLong(1, id);
            query.setInt(2, version);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return version(rows);
            }
        }
    }

    private static PledgeVersion version(ResultSet rows) throws SQLException {
        return new PledgeVersion(rows.getInt("version_number"), Sql.getInstant(rows, "published_at"),
                rows.getString("published_by"), rows.getInt("restored_from"),
                StoredContentJson.read(rows.getString("content")));
    }

    /** Evidence may point at a commitment of the draft or of the latest published version. */
    private static boolean hasCommitment(Connection connection, long pledgeId, String draftJson, String key)
            throws SQLException {
        if (key == null || key.isBlank() || key.length() > COMMITMENT_KEY_MAX) {
            return false;
        }
        if (PublishedPledgeQueries.commitmentKeys(StoredContentJson.read(draftJson)).contains(key)) {
            return true;
        }
        Optional<String> published = latestContent(connection, pledgeId);
        return published.isPresent()
                && PublishedPledgeQueries.commitmentKeys(StoredContentJson.read(published.get())).contains(key);
    }

    private static Optional<Evidence> findEvidence(Connection connection, long pledgeId, long evidenceId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + PublishedPledgeQueries.EVIDENCE_COLUMNS
                        + " FROM pledge_evidence e WHERE e.id = ? AND e.pledge_id = ?")) {
            query.setLong(1, evidenceId);
            query.setLong(2, pledgeId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(PublishedPledgeQueries.evidence(rows, 1)) : Optional.empty();
            }
        }
    }

    /** The content's rule problems, plus one if its JSON would not fit the column; the JSON to store. */
    private static String checkedJson(Map<String, Message> errors, PledgeContent content) {
        errors.putAll(PledgeRules.check(content));
        String json = StoredContentJson.write(content);
        if (json.length() > CONTENT_MAX) {
            errors.put("content", Message.of("pledge.error.tooLong", CONTENT_MAX));
        }
        return json;
    }

    private static void refuseIf(Map<String, Message> errors) {
        if (!errors.isEmpty()) {
            throw new PledgeProblem(errors);
        }
    }

    private static PledgeProblem slugTaken() {
        return new PledgeProblem(Map.of("slug", Message.of("pledge.error.slugTaken")));
    }

    private static NoSuchElementException noPledge(long id) {
        return new NoSuchElementException("No pledge " + id);
    }
}
