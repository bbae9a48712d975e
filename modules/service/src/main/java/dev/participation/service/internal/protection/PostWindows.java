package dev.participation.service.internal.protection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Sql;

/**
 * Counts a form's posts in fixed windows in {@code public_form_window}, so every node sharing the
 * database shares the counts. A post is admitted by one conditional {@code UPDATE ... SET posts =
 * posts + 1 WHERE posts < limit}: the database locks the row for it, so of N posts at once over a
 * limit of L exactly L change the row, on H2 and on PostgreSQL alike.
 */
final class PostWindows {

    /** One count to take a post from: which counter, and how many posts its window allows. */
    record Limit(String counter, int posts) {
    }

    /** A post over a limit: which one, and when its window ends. */
    record Full(String counter, Instant windowEnd) {
    }

    private final Database database;
    private final Duration window;

    PostWindows(Database database, Duration window) {
        this.database = database;
        this.window = window;
    }

    /**
     * Takes one post from every limit's allowance in the current window, or from none of them: a
     * post turned away by the overall limit does not use up its address's allowance.
     *
     * @return empty when the post is admitted, else the first limit it is over
     */
    Optional<Full> admit(String formKey, List<Limit> limits, Instant now) {
        Instant start = windowStart(now);
        try {
            database.write(connection -> {
                for (Limit limit : limits) {
                    if (!takeOne(connection, formKey, limit, start)) {
                        // Rolls back what the earlier limits took.
                        throw new OverLimit(new Full(limit.counter(), start.plus(window)));
                    }
                }
                return null;
            });
            return Optional.empty();
        } catch (OverLimit e) {
            return Optional.of(e.full);
        }
    }

    /**
     * Adds one to a counter with no limit (refusals by rule) and returns its count in this window.
     */
    int count(String formKey, String counter, Instant now) {
        Instant start = windowStart(now);
        return database.write(connection -> {
            insertEmptyWindow(connection, formKey, counter, start);
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

    private boolean takeOne(Connection connection, String formKey, Limit limit, Instant start) throws SQLException {
        if (limit.posts() <= 0) {
            return false;
        }
        insertEmptyWindow(connection, formKey, limit.counter(), start);
        try (PreparedStatement update = connection.prepareStatement("UPDATE public_form_window SET posts = posts + 1"
                + " WHERE form_key = ? AND counter = ? AND window_start = ? AND posts < ?")) {
            bindRow(update, formKey, limit.counter(), start);
            update.setInt(4, limit.posts());
            return update.executeUpdate() == 1;
        }
    }

    private void insertEmptyWindow(Connection connection, String formKey, String counter, Instant start)
            throws SQLException {
        database.dialect().insertIfAbsent(connection, "INSERT INTO public_form_window"
                + " (form_key, counter, window_start, window_end, posts) VALUES (?, ?, ?, ?, 0)", insert -> {
                    bindRow(insert, formKey, counter, start);
                    Sql.setInstant(insert, 4, start.plus(window));
                });
    }

    private static void bindRow(PreparedStatement statement, String formKey, String counter, Instant start)
            throws SQLException {
        statement.setString(1, formKey);
        statement.setString(2, counter);
        Sql.setInstant(statement, 3, start);
    }

    /** Leaves the transaction by rolling it back; carries which limit was full. */
    private static final class OverLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Full full;

        OverLimit(Full full) {
            super(null, null, false, false);
            this.full = full;
        }
    }
}
