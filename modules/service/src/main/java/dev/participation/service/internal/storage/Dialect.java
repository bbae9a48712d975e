package dev.participation.service.internal.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The few places where H2 and PostgreSQL need different SQL. Everything else the stores write is
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

        @Override
        public void lockForMigrations(Connection connection) {
            // An H2 file database is opened by one process only, so no other node can race us.
        }

        @Override
        public void unlockAfterMigrations(Connection connection) {
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

        @Override
        public void lockForMigrations(Connection connection) throws SQLException {
            // A session lock survives the commit after each script; keyed by schema so separate
            // schemas in one database (as the tests use) do not wait for each other.
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT pg_advisory_lock(" + MIGRATION_LOCK + ", hashtext(current_schema()))")) {
                statement.execute();
            }
            connection.commit();
        }

        @Override
        public void unlockAfterMigrations(Connection connection) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ", hashtext(current_schema()))")) {
                statement.execute();
            }
            connection.commit();
        }
    };

    private static final int MIGRATION_LOCK = 0x50415254;

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

    /** Keeps a second node from migrating the same schema at the same time. */
    public abstract void lockForMigrations(Connection connection) throws SQLException;

    public abstract void unlockAfterMigrations(Connection connection) throws SQLException;

    public static Dialect forUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database URL (use jdbc:h2:... or jdbc:postgresql:...): "
                + jdbcUrl.replaceAll("[?;].*", ""));
    }

    /** The {@code osgi.jdbc.driver.class} of the DataSourceFactory that serves this dialect. */
    public String driverClass() {
        return this == H2 ? "org.h2.Driver" : "org.postgresql.Driver";
    }
}
