package dev.participation.groups.internal.store;

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
import java.util.stream.Collectors;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.storage.Sql;
import dev.participation.api.storage.Storage;
import dev.participation.api.storage.StorageException;
import dev.participation.api.widget.Message;
import dev.participation.groups.api.DirectoryPage;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.GroupChanged;
import dev.participation.groups.api.GroupDetails;
import dev.participation.groups.api.GroupProblem;
import dev.participation.groups.api.GroupQuery;
import dev.participation.groups.api.GroupRules;
import dev.participation.groups.api.Groups;
import dev.participation.groups.api.PublicGroup;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Groups in {@code participation_group}, one row each, with the words of their text in
 * {@code participation_group_word} for the search ({@link DirectorySearch} over this node's
 * {@link DirectoryIndex}, which every change tells to reload the group). Public reads select
 * only the public columns, so the manager never reaches a public result. A save names the version
 * it was based on and changes the row only if it is still at that version, so of two editors
 * starting from one version the second is refused with {@link GroupChanged}; every change writes
 * its audit line in the same transaction.
 */
@Component(service = Groups.class)
public final class GroupStore implements Groups {

    static final String RECORD_TYPE = "group";

    private final DirectoryIndex index = new DirectoryIndex();
    private final Storage storage;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public GroupStore(@Reference(target = GroupSchema.STORAGE) Storage storage, @Reference AuditLog audit,
            @Reference Clock clock) {
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public DirectoryPage search(GroupQuery query) {
        Objects.requireNonNull(query, "query");
        DirectorySearch search = new DirectorySearch(query);
        return storage.read(connection -> search.run(connection, index));
    }

    @Override
    public Optional<PublicGroup> find(String slug) {
        if (!GroupRules.validSlug(slug)) {
            return Optional.empty();
        }
        return storage.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + GroupRows.PUBLIC_COLUMNS + " FROM " + GroupRows.TABLE + " g WHERE g.slug = ?")) {
                query.setString(1, slug);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(GroupRows.publicGroup(row)) : Optional.<PublicGroup>empty();
                }
            }
        });
    }

    @Override
    public List<Group> all() {
        return storage.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + GroupRows.STAFF_COLUMNS
                    + " FROM " + GroupRows.TABLE + " g ORDER BY g.sort_key, g.id");
                    ResultSet rows = query.executeQuery()) {
                List<Group> groups = new ArrayList<>();
                while (rows.next()) {
                    groups.add(GroupRows.group(rows));
                }
                return groups;
            }
        });
    }

    @Override
    public Optional<Group> group(long id) {
        return storage.read(connection -> groupIn(connection, id));
    }

    @Override
    public Group create(String slug, GroupDetails details, String actor) {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(actor, "actor");
        Map<String, Message> errors = new LinkedHashMap<>();
        if (!GroupRules.validSlug(slug)) {
            errors.put("slug", Message.of("groups.error.slug"));
        }
        errors.putAll(GroupRules.check(details, today()));
        refuseIf(errors);
        try {
            return storage.write(connection -> {
                refuseIf(feedsIntoErrors(connection, slug, details));
                Instant now = clock.instant();
                String columns = String.join(", ", GroupRows.DETAIL_COLUMNS);
                String marks = GroupRows.DETAIL_COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", "));
                // A concurrent create of the same slug waits here and then inserts nothing (no error
                // that would spoil the transaction), so the loser is told the address is taken.
                boolean inserted = storage.dialect().insertIfAbsent(connection, "INSERT INTO " + GroupRows.TABLE
                        + " (slug, created_at, created_by, updated_at, updated_by, " + columns + ") VALUES (?, ?, ?, ?, ?, "
                        + marks + ")", insert -> {
                            insert.setString(1, slug);
                            Sql.setInstant(insert, 2, now);
                            insert.setString(3, actor);
                            Sql.setInstant(insert, 4, now);
                            insert.setString(5, actor);
                            GroupRows.bind(insert, 6, details);
                        });
                if (!inserted) {
                    throw slugTaken();
                }
                long id = idOf(connection, slug);
                writeWords(connection, id, details);
                markChanged(connection, id);
                audit.record(actor, "group.create", RECORD_TYPE, String.valueOf(id),
                        "Added group " + slug + " named \"" + details.name() + "\"");
                return groupIn(connection, id).orElseThrow();
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
    public Group update(long id, int version, GroupDetails details, String actor) {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(actor, "actor");
        refuseIf(GroupRules.check(details, today()));
        return storage.write(connection -> {
            Group before = groupIn(connection, id).orElseThrow(() -> new NoSuchElementException("No group " + id));
            if (before.version() != version) {
                throw new GroupChanged(before);
            }
            refuseIf(feedsIntoErrors(connection, before.slug(), details));
            String assignments = GroupRows.DETAIL_COLUMNS.stream().map(c -> c + " = ?")
                    .collect(Collectors.joining(", "));
            // Guarded by the version in the same statement: of two saves from one version, the
            // second finds no row to change, even if both read the row before either wrote.
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + GroupRows.TABLE
                    + " SET version = version + 1, updated_at = ?, updated_by = ?, " + assignments
                    + " WHERE id = ? AND version = ?")) {
                Sql.setInstant(update, 1, clock.instant());
                update.setString(2, actor);
                int next = GroupRows.bind(update, 3, details);
                update.setLong(next, id);
                update.setInt(next + 1, version);
                if (update.executeUpdate() == 0) {
                    throw new GroupChanged(groupIn(connection, id).orElseThrow());
                }
            }
            writeWords(connection, id, details);
            markChanged(connection, id);
            audit.record(actor, "group.update", RECORD_TYPE, String.valueOf(id),
                    "Saved group " + before.slug() + " named \"" + details.name() + "\" as version " + (version + 1));
            return groupIn(connection, id).orElseThrow();
        });
    }

    private Map<String, Message> feedsIntoErrors(Connection connection, String slug, GroupDetails details)
            throws SQLException {
        String target = details.feedsInto().group();
        if (target.isBlank()) {
            return Map.of();
        }
        if (target.equals(slug)) {
            return Map.of("feedsInto.group", Message.of("groups.error.feedsIntoItself"));
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM " + GroupRows.TABLE + " WHERE slug = ?")) {
            query.setString(1, target);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Map.of() : Map.of("feedsInto.group", Message.of("groups.error.feedsIntoUnknown"));
            }
        }
    }

    private static void writeWords(Connection connection, long id, GroupDetails details) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM participation_group_word WHERE group_id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO participation_group_word (word, group_id) VALUES (?, ?)")) {
            for (String word : SearchWords.of(details.name(), details.summary(), details.description())) {
                insert.setString(1, word);
                insert.setLong(2, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Gives the group the directory's next change number, so every node's search index reloads it.
     * The update of the single counter row also makes concurrent changes to groups queue up, so
     * numbers are committed in the order they are given.
     */
    private static void markChanged(Connection connection, long id) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(
                "UPDATE participation_group_change SET seq = seq + 1 WHERE id = 1")) {
            next.executeUpdate();
        }
        try (PreparedStatement mark = connection.prepareStatement("UPDATE " + GroupRows.TABLE
                + " SET change_seq = (SELECT seq FROM participation_group_change WHERE id = 1) WHERE id = ?")) {
            mark.setLong(1, id);
            mark.executeUpdate();
        }
    }

    private static long idOf(Connection connection, String slug) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM " + GroupRows.TABLE + " WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Optional<Group> groupIn(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + GroupRows.STAFF_COLUMNS + " FROM " + GroupRows.TABLE + " g WHERE g.id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(GroupRows.group(row)) : Optional.empty();
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static GroupProblem slugTaken() {
        return new GroupProblem(Map.of("slug", Message.of("groups.error.slugTaken")));
    }

    private static void refuseIf(Map<String, Message> errors) {
        if (!errors.isEmpty()) {
            throw new GroupProblem(errors);
        }
    }
}
