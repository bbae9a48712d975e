package dev.participation.service.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.participation.api.storage.Dialect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2BatchingTest {

    @TempDir
    Path dir;

    @Test
    void theDurableSettingIsBackAndTheSchemaWrittenWhenThePlatformMigrationEnds() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0";
        try (Connection connection = DriverManager.getConnection(url)) {
            H2Batching batching = H2Batching.start(connection, Dialect.H2);
            assertThat(writeDelay(connection)).isEqualTo(500);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (1)");
            }
            batching.end();
            assertThat(writeDelay(connection)).as("every later commit is durable again").isEqualTo(0);
        }
        try (Connection reopened = DriverManager.getConnection(url);
                ResultSet row = reopened.createStatement().executeQuery("SELECT COUNT(*) FROM kept")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aWriteDelayTheAdministratorChoseIsPutBack() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("chosen") + ";WRITE_DELAY=100")) {
            H2Batching batching = H2Batching.start(connection, Dialect.H2);
            batching.end();
            assertThat(writeDelay(connection)).isEqualTo(100);
        }
    }

    @Test
    void aLongerDelayAlreadyChosenIsLeftAlone() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("slow") + ";WRITE_DELAY=2000")) {
            H2Batching.start(connection, Dialect.H2);
            assertThat(writeDelay(connection)).isEqualTo(2000);
        }
    }

    private static int writeDelay(Connection connection) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            row.next();
            return Integer.parseInt(row.getString(1));
        }
    }
}
