package dev.participation.api.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers that behave the same on H2 and PostgreSQL. */
public final class Sql {

    private Sql() {
    }

    /**
     * Instants go in as UTC {@code TIMESTAMP WITH TIME ZONE}, cut to microseconds because that is
     * all PostgreSQL keeps; otherwise a value read back would differ from the one written.
     */
    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }

    public static Instant getInstant(ResultSet resultSet, String column) throws SQLException {
        OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Runs a batch of inserts prepared to return their generated {@code id}s and answers the ids in
     * the order the rows were added: both drivers give one key per row of a batch.
     *
     * @param rows how many rows the batch holds; any other count of keys is an error, not a silent mismatch
     * @since 1.3
     */
    public static List<Long> insertBatchForIds(PreparedStatement insert, int rows) throws SQLException {
        insert.executeBatch();
        List<Long> ids = new ArrayList<>(rows);
        try (ResultSet keys = insert.getGeneratedKeys()) {
            while (keys.next()) {
                ids.add(keys.getLong(1));
            }
        }
        if (ids.size() != rows) {
            throw new SQLException("The database gave " + ids.size() + " ids for a batch of " + rows + " rows");
        }
        return ids;
    }

    /** Both databases report a duplicate key with the SQL standard state 23505. */
    public static boolean isUniqueViolation(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            if ("23505".equals(current.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
