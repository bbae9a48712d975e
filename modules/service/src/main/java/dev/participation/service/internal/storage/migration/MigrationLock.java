package dev.participation.service.internal.storage.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

import dev.participation.api.storage.Dialect;

/**
 * Keeps migrations one at a time: those of this process (the platform's and each widget bundle's
 * schema, which may start on different threads) and, on PostgreSQL, those of other nodes.
 */
final class MigrationLock {

    private static final int MIGRATION_LOCK = 0x50415254;
    /*
     * H2 changes its own catalogue under a table lock with a short timeout: two widget schemas
     * migrated at once on two threads (a first start, the events and pledge bundles together) made
     * one give up with "Timeout trying to lock table SYS", leaving that widget without its tables.
     */
    private static final ReentrantLock IN_THIS_PROCESS = new ReentrantLock();

    private MigrationLock() {
    }

    static void lock(Connection connection, Dialect dialect) throws SQLException {
        IN_THIS_PROCESS.lock();
        try {
            lockOtherNodes(connection, dialect);
        } catch (SQLException | RuntimeException e) {
            IN_THIS_PROCESS.unlock();
            throw e;
        }
    }

    private static void lockOtherNodes(Connection connection, Dialect dialect) throws SQLException {
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
        try {
            if (dialect == Dialect.POSTGRESQL) {
                advisory(connection, "pg_advisory_unlock");
            }
        } finally {
            IN_THIS_PROCESS.unlock();
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
