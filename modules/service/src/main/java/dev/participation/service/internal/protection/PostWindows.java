package dev.participation.service.internal.protection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.storage.Dialect;
import dev.participation.api.storage.GroupCommit;
import dev.participation.api.storage.Sql;
import dev.participation.service.internal.storage.Database;

/**
 * Counts a form's posts in fixed windows in {@code public_form_window}, so every node sharing the
 * database shares the counts. An allowance is taken by a conditional {@code UPDATE ... SET posts =
 * posts + n WHERE posts + n <= limit}: the database locks the row for it, so however many posts
 * arrive at once on however many nodes, no more than the limit are admitted in a window.
 *
 * <p>A large limit (the overall one) is not taken one post at a time: a node leases a share of it,
 * {@link #leaseSize} posts, and admits that many from memory before going back to the database.
 * Every post of a rush would otherwise commit to the same row, one after another. The price is at
 * most one lease per node left unused when a window fills, so with N nodes the last N leases' worth
 * of posts may be refused a little early; never is a post admitted over the limit. Posts written
 * together in one transaction share the leases taken in it, so a group of a hundred takes two or
 * three leases, not a hundred (which would use up the limit for posts nobody sent). Small limits (an
 * address's) have leases of one post, so they are exact and the database holds every count.
 */
final class PostWindows {

    /** One count to take a post from: which counter, and how many posts its window allows. */
    record Limit(String counter, int posts) {
    }

    /** A post over a limit: which one, and when its window ends. */
    record Full(String counter, Instant windowEnd) {
    }

    /** A node leases at most this share of a limit at once: 2%. */
    private static final int LEASE_SHARE = 50;

    private final Database database;
    private final Duration window;
    /** Posts leased from the database and not yet admitted, per form, counter and window. */
    private final Map<Leased, Integer> leased = new HashMap<>();
    /** The newest window {@link #leased} has been cleared of older ones for; guarded by it. */
    private Instant sweptAt = Instant.MIN;
    /**
     * Posts that need the database while another post's transaction is under way are taken together
     * by the next: every post of a rush needs its address's count, and each commit waits for the disk.
     */
    private final GroupCommit<String, Ask, Optional<Full>> commits = new GroupCommit<>(100);

    private record Leased(String formKey, String counter, Instant windowStart) {
    }

    /** The limits a post must take from the database. */
    private record Ask(String formKey, List<Limit> limits, Instant start) {
    }

    /** What a post took from one limit: posts leased from the database, or 0 when from its group's spare. */
    private record Took(Limit limit, Leased key, int fromDatabase) {
    }

    PostWindows(Database database, Duration window) {
        this.database = database;
        this.window = window;
    }

    /** How many posts of a limit one node takes from the database at once. */
    static int leaseSize(int limit) {
        return Math.max(1, limit / LEASE_SHARE);
    }

    /**
     * Takes one post from every limit's allowance in the current window, or from none of them: a
     * post turned away by the overall limit does not use up its address's allowance.
     *
     * @return empty when the post is admitted, else the first limit it is over
     */
    Optional<Full> admit(String formKey, List<Limit> limits, Instant now) {
        Instant start = windowStart(now);
        List<Leased> takenHere = new ArrayList<>(limits.size());
        List<Limit> fromDatabase = new ArrayList<>(limits.size());
        synchronized (leased) {
            if (start.isAfter(sweptAt)) {
                // A new window: what was leased in earlier ones limits nothing now.
                leased.keySet().removeIf(key -> key.windowStart().isBefore(start));
                sweptAt = start;
            }
            for (Limit limit : limits) {
                if (limit.posts() <= 0) {
                    giveBack(takenHere);
                    return Optional.of(new Full(limit.counter(), start.plus(window)));
                }
                Leased key = new Leased(formKey, limit.counter(), start);
                Integer left = leased.get(key);
                if (left != null && left > 0) {
                    leased.put(key, left - 1);
                    takenHere.add(key);
                } else {
                    fromDatabase.add(limit);
                }
            }
        }
        if (fromDatabase.isEmpty()) {
            return Optional.empty();
        }
        boolean admitted = false;
        try {
            Ask ask = new Ask(formKey, fromDatabase, start);
            Optional<Full> full = database.inTransaction() ? takeInCallersTransaction(ask)
                    : commits.submit(formKey, ask, this::write);
            admitted = full.isEmpty();
            return full;
        } finally {
            if (!admitted) {
                synchronized (leased) {
                    giveBack(takenHere);
                }
            }
        }
    }

    /**
     * Takes a post in the caller's transaction, so its count commits (or not) with the post's own
     * record: not through the group commit, whose writer cannot join that transaction. What its
     * leases have left is kept in memory only once the caller's transaction has committed.
     */
    private Optional<Full> takeInCallersTransaction(Ask ask) {
        Map<Leased, Integer> spare = new HashMap<>();
        Optional<Full> full = database.write(connection -> take(connection, ask, spare));
        database.afterCommit(() -> keep(spare));
        return full;
    }

    /** Posts leased from the database and committed there, for the posts that follow to take from memory. */
    private void keep(Map<Leased, Integer> spare) {
        synchronized (leased) {
            spare.forEach((key, posts) -> {
                if (posts > 0) {
                    leased.merge(key, posts, Integer::sum);
                }
            });
        }
    }

    /**
     * Takes the posts a group of callers asked for in one transaction, each caller's from all its
     * limits or from none, and keeps what the group's leases have left for the posts that follow;
     * if the transaction fails, each is tried again on its own.
     */
    private void write(List<GroupCommit.Entry<Ask, Optional<Full>>> group) {
        Map<Leased, Integer> spare = new HashMap<>();
        // Counts of posts are nobody's saved change: after a crash a window may admit a few more
        // posts than its limit, and no one was told anything was kept. So on PostgreSQL this
        // transaction does not wait for the disk (a post's own record, written after, still does).
        // It is never a caller's transaction, whose commit must wait: those take their posts in
        // takeInCallersTransaction, not through the group commit.
        boolean withoutWaiting = database.dialect() == Dialect.POSTGRESQL;
        try {
            database.write(connection -> {
                spare.clear();
                if (withoutWaiting) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET LOCAL synchronous_commit = off");
                    }
                }
                for (GroupCommit.Entry<Ask, Optional<Full>> entry : group) {
                    entry.succeed(take(connection, entry.input(), spare));
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).fail(e);
                return;
            }
            for (GroupCommit.Entry<Ask, Optional<Full>> entry : group) {
                entry.forget();
                write(List.of(entry));
            }
            return;
        }
        keep(spare);
    }

    /**
     * One post's take from every limit, or, if one is full, from none: from what the group's earlier
     * posts leased in this transaction while that lasts, else a new lease from the database.
     *
     * @param spare posts leased in this transaction and not yet taken, per counter
     */
    private Optional<Full> take(Connection connection, Ask ask, Map<Leased, Integer> spare) throws SQLException {
        List<Took> took = new ArrayList<>(ask.limits().size());
        for (Limit limit : ask.limits()) {
            Leased key = new Leased(ask.formKey(), limit.counter(), ask.start());
            int left = spare.getOrDefault(key, 0);
            if (left > 0) {
                spare.put(key, left - 1);
                took.add(new Took(limit, key, 0));
                continue;
            }
            int granted = lease(connection, ask.formKey(), limit, ask.start());
            if (granted == 0) {
                // Other callers' posts share this transaction, so what this one took is put back by hand.
                for (Took earlier : took) {
                    if (earlier.fromDatabase() == 0) {
                        spare.merge(earlier.key(), 1, Integer::sum);
                    } else {
                        spare.merge(earlier.key(), 1 - earlier.fromDatabase(), Integer::sum);
                        putBack(connection, ask.formKey(), earlier.limit(), ask.start(), earlier.fromDatabase());
                    }
                }
                return Optional.of(new Full(limit.counter(), ask.start().plus(window)));
            }
            spare.merge(key, granted - 1, Integer::sum);
            took.add(new Took(limit, key, granted));
        }
        return Optional.empty();
    }

    /** Returns posts taken from leases for a post that was not admitted after all. */
    private void giveBack(List<Leased> taken) {
        for (Leased key : taken) {
            leased.merge(key, 1, Integer::sum);
        }
    }

    /**
     * Adds one to a counter with no limit (refusals by rule) and returns its count in this window.
     */
    int count(String formKey, String counter, Instant now) {
        Instant start = windowStart(now);
        return database.write(connection -> {
            insertWindow(connection, formKey, counter, start, 0);
            try (PreparedStatement update = connection.prepareStatement("UPDATE public_form_window"
                    + " SET posts = posts + 1 WHERE form_key = ? AND counter = ? AND window_start = ?")) {
                bindRow(update, formKey, counter, start);
                update.executeUpdate();
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT posts FROM public_form_window"
                    + " WHERE form_key = ? AND counter = ? AND window_start = ?")) {
                bindRow(query, formKey, counter, start);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /** The start of the fixed window holding {@code now}; windows line up on every node. */
    Instant windowStart(Instant now) {
        long length = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
    }

    /**
     * Takes up to {@link #leaseSize} posts of a limit's allowance for this window: a whole lease
     * while the allowance lasts, then what is left of it.
     *
     * @return how many posts were taken; 0 when the window's allowance is used up
     */
    private int lease(Connection connection, String formKey, Limit limit, Instant start) throws SQLException {
        int size = leaseSize(limit.posts());
        if (database.dialect() == Dialect.POSTGRESQL ? startOrTakeMore(connection, formKey, limit, start, size)
                : takeMore(connection, formKey, limit, start, size)
                        || insertWindow(connection, formKey, limit.counter(), start, size)) {
            // The usual cases: the window's row had room for a whole lease, or there was none yet.
            return size;
        }
        // Read under the row's lock, so the rest is taken by one node or another, not both.
        int posts;
        try (PreparedStatement query = connection.prepareStatement("SELECT posts FROM public_form_window"
                + " WHERE form_key = ? AND counter = ? AND window_start = ? FOR UPDATE")) {
            bindRow(query, formKey, limit.counter(), start);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                posts = row.getInt(1);
            }
        }
        int rest = Math.min(size, limit.posts() - posts);
        return rest > 0 && takeMore(connection, formKey, limit, start, rest) ? rest : 0;
    }

    private void putBack(Connection connection, String formKey, Limit limit, Instant start, int posts)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE public_form_window SET posts = posts - ?"
                + " WHERE form_key = ? AND counter = ? AND window_start = ?")) {
            update.setInt(1, posts);
            update.setString(2, formKey);
            update.setString(3, limit.counter());
            Sql.setInstant(update, 4, start);
            update.executeUpdate();
        }
    }

    private boolean takeMore(Connection connection, String formKey, Limit limit, Instant start, int posts)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE public_form_window SET posts = posts + ?"
                + " WHERE form_key = ? AND counter = ? AND window_start = ? AND posts + ? <= ?")) {
            update.setInt(1, posts);
            update.setString(2, formKey);
            update.setString(3, limit.counter());
            Sql.setInstant(update, 4, start);
            update.setInt(5, posts);
            update.setInt(6, limit.posts());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * {@link #takeMore} and {@link #insertWindow} in one statement, where PostgreSQL can: in a rush
     * most posts come from an address not seen yet in the window, whose row the update alone misses.
     */
    private boolean startOrTakeMore(Connection connection, String formKey, Limit limit, Instant start, int posts)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO public_form_window"
                + " (form_key, counter, window_start, window_end, posts) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (form_key, counter, window_start) DO UPDATE SET posts = public_form_window.posts"
                + " + EXCLUDED.posts WHERE public_form_window.posts + EXCLUDED.posts <= ?")) {
            bindRow(upsert, formKey, limit.counter(), start);
            Sql.setInstant(upsert, 4, start.plus(window));
            upsert.setInt(5, posts);
            upsert.setInt(6, limit.posts());
            return upsert.executeUpdate() == 1;
        }
    }

    /** Starts a counter's row for the window with {@code posts} taken, unless another node got there first. */
    private boolean insertWindow(Connection connection, String formKey, String counter, Instant start, int posts)
            throws SQLException {
        return database.dialect().insertIfAbsent(connection, "INSERT INTO public_form_window"
                + " (form_key, counter, window_start, window_end, posts) VALUES (?, ?, ?, ?, ?)", insert -> {
                    bindRow(insert, formKey, counter, start);
                    Sql.setInstant(insert, 4, start.plus(window));
                    insert.setInt(5, posts);
                });
    }

    private static void bindRow(PreparedStatement statement, String formKey, String counter, Instant start)
            throws SQLException {
        statement.setString(1, formKey);
        statement.setString(2, counter);
        Sql.setInstant(statement, 3, start);
    }
}
