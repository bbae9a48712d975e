package dev.participation.groups.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;

/**
 * This node's copy of the columns the directory filters on, for every group: searching and
 * counting facets over 10,000 groups in memory takes well under a millisecond, where the same
 * grouped SQL took several. The copy is never trusted blindly: every search first reads the
 * directory's change number (one primary-key look-up) and, when another node or this one has
 * changed groups since, reloads just the rows written after the number it holds. So every node
 * sharing the database searches what is committed there, not what it last happened to see.
 *
 * <p>One thing it relies on: a search is not made inside a transaction that changed groups and
 * then rolls back, since the copy would take that transaction's change number for groups that
 * were never committed. The store's own writes never search.
 */
final class DirectoryIndex {

    /** What the search needs of one group; the page's rows are read from the database by id. */
    record Entry(long id, String sortKey, int ageFrom, int ageTo, int eligibilityMask, String area,
            Attendance attendance, Set<String> words) {
    }

    static final Comparator<Entry> DIRECTORY_ORDER = Comparator.comparing(Entry::sortKey)
            .thenComparingLong(Entry::id);

    private record Snapshot(long change, Map<Long, Entry> byId, List<Entry> ordered) {
    }

    private volatile Snapshot snapshot = new Snapshot(-1, Map.of(), List.of());

    /** Every group in directory order, as committed when this was called. */
    List<Entry> current(Connection connection) throws SQLException {
        long change = latestChange(connection);
        Snapshot seen = snapshot;
        if (seen.change() >= change) {
            return seen.ordered();
        }
        synchronized (this) {
            seen = snapshot;
            if (seen.change() < change) {
                snapshot = seen = refreshed(connection, seen);
            }
            return seen.ordered();
        }
    }

    private static long latestChange(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq FROM participation_group_change WHERE id = 1"); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Snapshot refreshed(Connection connection, Snapshot old) throws SQLException {
        Map<Long, Entry> loaded = new HashMap<>();
        long newest = old.change();
        String eligibilityColumns = String.join(", ", GroupRows.ELIGIBILITY_COLUMN.values());
        try (PreparedStatement query = connection.prepareStatement("SELECT id, change_seq, sort_key, age_from, age_to,"
                + " area, attendance, " + eligibilityColumns + " FROM " + GroupRows.TABLE + " WHERE change_seq > ?")) {
            query.setLong(1, old.change());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    newest = Math.max(newest, rows.getLong("change_seq"));
                    Set<Eligibility> eligibility = EnumSet.noneOf(Eligibility.class);
                    for (Map.Entry<Eligibility, String> column : GroupRows.ELIGIBILITY_COLUMN.entrySet()) {
                        if (rows.getBoolean(column.getValue())) {
                            eligibility.add(column.getKey());
                        }
                    }
                    Attendance attendance = Attendance.fromKey(rows.getString("attendance")).orElseThrow(
                            () -> new IllegalStateException("Unknown value in participation_group.attendance"));
                    loaded.put(id, new Entry(id, rows.getString("sort_key"), rows.getInt("age_from"),
                            rows.getInt("age_to"), DirectorySearch.mask(eligibility), rows.getString("area"), attendance,
                            new HashSet<>()));
                }
            }
        }
        // Read after the rows: if a group changes in between, its words here are newer than its row,
        // but its new change number is above the newest kept, so the next search reloads it whole.
        try (PreparedStatement query = connection.prepareStatement("SELECT w.group_id, w.word"
                + " FROM participation_group_word w JOIN participation_group g ON g.id = w.group_id"
                + " WHERE g.change_seq > ?")) {
            query.setLong(1, old.change());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Entry entry = loaded.get(rows.getLong(1));
                    if (entry != null) {
                        entry.words().add(rows.getString(2));
                    }
                }
            }
        }
        Map<Long, Entry> byId = new HashMap<>(old.byId());
        loaded.values().forEach(entry -> byId.put(entry.id(), new Entry(entry.id(), entry.sortKey(), entry.ageFrom(),
                entry.ageTo(), entry.eligibilityMask(), entry.area(), entry.attendance(), Set.copyOf(entry.words()))));
        List<Entry> ordered = new ArrayList<>(byId.values());
        ordered.sort(DIRECTORY_ORDER);
        return new Snapshot(newest, byId, List.copyOf(ordered));
    }
}
