package dev.participation.api.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The few places where H2 and PostgreSQL need different SQL. Everything else a store writes is
 * plain SQL that both accept.
 */
public enum Dialect {

    H2 {
        @Override
        public boolean insertIfAbsent(Connection connection, String insert, Binder binder) throws SQLException {
            // H2 fails only the statement on a duplicate key and keeps the transaction usable.
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                binder.bind(statement);
                return statement.executeUpdate() == 1;
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        }
    },

    POSTGRESQL {
        @Override
        public boolean insertIfAbsent(Connection connection, String insert, Binder binder) throws SQLException {
            // A failed statement aborts the whole PostgreSQL transaction (and Transaction Control
            // offers no savepoints), so the conflict must not raise an error at all. ON CONFLICT
            // waits for a concurrent insert of the same key and then does nothing if it committed.
            try (PreparedStatement statement = connection.prepareStatement(insert + " ON CONFLICT DO NOTHING")) {
                binder.bind(statement);
                return statement.executeUpdate() == 1;
            }
        }
    };

    /** Sets the parameters of a prepared statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * Inserts a row unless one with the same unique key exists, inside the caller's transaction,
     * safely against a concurrent insert of the same key by another node.
     *
     * @param insert a plain {@code INSERT INTO t (..) VALUES (..)}
     * @return whether this call inserted the row
     */
    public abstract boolean insertIfAbsent(Connection connection, String insert, Binder binder) throws SQLException;
}
