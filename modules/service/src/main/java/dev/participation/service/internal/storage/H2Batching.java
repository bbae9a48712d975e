package dev.participation.service.internal.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.participation.api.storage.Dialect;

/**
 * Lets H2 write the platform's migrations to disk together instead of one by one.
 *
 * <p>Every DDL statement commits, and with the durable {@code WRITE_DELAY=0} every commit writes
 * to the file: a new database's thirty-odd platform statements took a fifth of a second of a
 * start-up that way, and 50 to 80 ms with writes batched. It is safe only here, before the
 * platform's {@code Storage} is registered, while nobody else can use the database and nobody has
 * been told anything is saved: a crash mid-way loses a tail of statements together with the
 * history rows that record them (H2 keeps a consistent prefix of commits), so the next start
 * applies them again. {@link #end} puts the setting back and writes everything before anyone gets a
 * connection. Widget schemas migrate while the database is in use, so they keep every commit durable.
 */
final class H2Batching {

    private static final int BATCH_MILLIS = 500;
    private static final H2Batching NONE = new H2Batching(null, -1);

    private final Connection connection;
    private final int writeDelayBefore;

    private H2Batching(Connection connection, int writeDelayBefore) {
        this.connection = connection;
        this.writeDelayBefore = writeDelayBefore;
    }

    static H2Batching start(Connection connection, Dialect dialect) throws SQLException {
        if (dialect != Dialect.H2) {
            return NONE;
        }
        int before = writeDelay(connection);
        if (before < 0 || before >= BATCH_MILLIS) {
            return NONE;
        }
        setWriteDelay(connection, BATCH_MILLIS);
        return new H2Batching(connection, before);
    }

    void end() throws SQLException {
        if (connection == null) {
            return;
        }
        setWriteDelay(connection, writeDelayBefore);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    private static int writeDelay(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
                ResultSet row = query.executeQuery()) {
            return row.next() ? Integer.parseInt(row.getString(1).trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void setWriteDelay(Connection connection, int millis) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY " + millis);
        }
    }
}
