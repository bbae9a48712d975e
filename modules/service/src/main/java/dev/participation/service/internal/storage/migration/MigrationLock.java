package dev.participation.service.internal.storage.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import dev.participation.api.storage.Dialect;

/** Keeps a second node from migrating the same database schema at the same time. */
final class MigrationLock {

    private static final int MIGRATION_LOCK = 0x50415254;

    private MigrationLock() {
    }

    static void lock(Connection connection, Dialect dialect) throws SQLException {
        // An H2 file database is opened by one process only, so no other node can race us there.
        // On PostgreSQL a session lock survives the commit after each script; it is keyed by the
        // database schema, so separate schemas in one database (as the tests use) do not wait for
        // each other, while every participation schema (platform, pledge, ...) in one database
        // schema shares it.
        if (dialect == Dialect.POSTGRESQL) {
            advisory(connection, "pg_advisory_lock");
        }
    }

    static void unlock(Connection connection, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            advisory(connection, "pg_advisory_unlock");
        }
    }

    private static void advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + function + "(" + MIGRATION_LOCK + ", hashtext(current_schema()))")) {
            statement.execute();
        }
        connection.commit();
    }
}
