package dev.participation.service.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import dev.participation.api.storage.Dialect;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;

class CommitDurabilityTest {

    @Nested
    class OnH2 {

        @TempDir
        Path folder;

        @Test
        void theDefaultFileUrlWritesEachCommitAtOnce() {
            String url = DatabaseConnector.defaultUrl(folder.toString());

            assertThat(CommitDurability.h2Url(url)).isEqualTo(url + ";WRITE_DELAY=0");
        }

        @Test
        void aConfiguredFileUrlKeepsItsSettingsAndGainsNoWriteDelay() {
            assertThat(CommitDurability.h2Url("jdbc:h2:file:/srv/portal/db;MODE=PostgreSQL;AUTO_SERVER=TRUE"))
                    .isEqualTo("jdbc:h2:file:/srv/portal/db;MODE=PostgreSQL;AUTO_SERVER=TRUE;WRITE_DELAY=0");
            assertThat(CommitDurability.h2Url("jdbc:h2:./data/participation;"))
                    .isEqualTo("jdbc:h2:./data/participation;WRITE_DELAY=0");
        }

        @Test
        void aWriteDelayChosenInTheUrlIsKeptButANonZeroOneIsWarnedAbout() {
            String chosen = "jdbc:h2:file:/srv/portal/db;write_delay=200;MODE=PostgreSQL";

            assertThat(CommitDurability.h2Url(chosen)).isEqualTo(chosen);
            assertThat(CommitDurability.h2WriteDelayWarning(chosen)).hasValueSatisfying(
                    warning -> assertThat(warning).contains("WRITE_DELAY=200").contains("WRITE_DELAY=0"));
            assertThat(CommitDurability.h2WriteDelayWarning("jdbc:h2:file:/srv/portal/db;WRITE_DELAY=0")).isEmpty();
            assertThat(CommitDurability.h2WriteDelayWarning(CommitDurability.h2Url("jdbc:h2:file:/srv/db"))).isEmpty();
        }

        @Test
        void anInMemoryDatabaseIsLeftAlone() {
            assertThat(CommitDurability.h2Url("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
                    .isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
        }

        @Test
        void theDatabaseOpenedWithTheDurableUrlHasNoWriteDelay() throws SQLException {
            String url = DatabaseConnector.defaultUrl(folder.toString());

            String durable = CommitDurability.durableUrl(Dialect.H2, url, this::open);

            assertThat(writeDelay(url + ";WRITE_DELAY=500")).as("H2's own default, the value that lost changes")
                    .isEqualTo("500");
            assertThat(writeDelay(durable)).isEqualTo("0");
        }

        private String writeDelay(String url) throws SQLException {
            try (Connection connection = open(url); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                assertThat(rows.next()).isTrue();
                String value = rows.getString(1);
                statement.execute("SHUTDOWN");
                return value;
            }
        }

        private Connection open(String url) throws SQLException {
            return DriverManager.getConnection(url, "sa", "");
        }
    }

    @Nested
    class PostgreSQLUrls {

        @Test
        void aUrlWithoutParametersGainsTheOption() {
            assertThat(CommitDurability.withSynchronousCommitOn("jdbc:postgresql://db:5432/participation"))
                    .isEqualTo("jdbc:postgresql://db:5432/participation?options=-c%20synchronous_commit%3Don");
        }

        @Test
        void otherParametersAreKept() {
            assertThat(CommitDurability.withSynchronousCommitOn("jdbc:postgresql://db/p?ssl=true&currentSchema=portal"))
                    .isEqualTo("jdbc:postgresql://db/p?ssl=true&currentSchema=portal&options=-c%20synchronous_commit%3Don");
        }

        @Test
        void existingOptionsAreExtendedNotReplaced() throws SQLException {
            String url = CommitDurability.withSynchronousCommitOn(
                    "jdbc:postgresql://db/p?options=-c%20search_path%3Dportal&ssl=true");

            assertThat(url).isEqualTo("jdbc:postgresql://db/p?options=-c%20search_path%3Dportal%20-c%20synchronous_commit%3Don"
                    + "&ssl=true");
            assertThat(pgjdbcOptions(url)).isEqualTo("-c search_path=portal -c synchronous_commit=on");
            assertThat(pgjdbcOptions(CommitDurability.withSynchronousCommitOn(
                    "jdbc:postgresql://db/p?options=-c+statement_timeout%3D5000")))
                    .isEqualTo("-c statement_timeout=5000 -c synchronous_commit=on");
        }

        @Test
        void pgjdbcReadsTheOptionBack() throws SQLException {
            assertThat(pgjdbcOptions(CommitDurability.withSynchronousCommitOn("jdbc:postgresql://db/p")))
                    .isEqualTo(CommitDurability.SYNCHRONOUS_COMMIT_ON);
        }

        @Test
        void anExplicitSettingInTheUrlIsRecognisedInEveryForm() {
            assertThat(CommitDurability.setsSynchronousCommit("jdbc:postgresql://db/p?options=-c%20synchronous_commit%3Doff"))
                    .isTrue();
            assertThat(CommitDurability.setsSynchronousCommit("jdbc:postgresql://db/p?options=--synchronous_commit%3Doff"))
                    .isTrue();
            assertThat(CommitDurability.setsSynchronousCommit("jdbc:postgresql://db/p?options=-csynchronous_commit=local"))
                    .isTrue();
            assertThat(CommitDurability.setsSynchronousCommit("jdbc:postgresql://db/p?options=-c%20search_path%3Dx"))
                    .isFalse();
            assertThat(CommitDurability.setsSynchronousCommit("jdbc:postgresql://db/p?synchronous_commit=off")).isFalse();
        }

        @Test
        void onlySettingsThatFlushBeforeTheCommitReturnsCount() {
            assertThat(List.of("on", "remote_write", "remote_apply", "ON"))
                    .allMatch(CommitDurability::flushedBeforeCommitReturns);
            assertThat(List.of("off", "local")).noneMatch(CommitDurability::flushedBeforeCommitReturns);
        }

        private String pgjdbcOptions(String url) throws SQLException {
            Properties parsed = Driver.parseURL(url, new Properties());
            assertThat(parsed).as("pgjdbc accepts " + url).isNotNull();
            return parsed.getProperty("options");
        }
    }

    /** Against a real server, in a database of the test's own whose default can be changed. */
    @Nested
    class OnPostgreSQL {

        private String database;
        private String url;

        @BeforeEach
        void createDatabase() throws SQLException {
            TestDatabase.requirePostgres();
            database = "durability_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
            admin("CREATE DATABASE " + database);
            url = TestDatabase.POSTGRES_URL.replaceAll("/[^/?]*(\\?.*)?$", "/" + database);
        }

        @AfterEach
        void dropDatabase() throws SQLException {
            if (database != null) {
                admin("DROP DATABASE " + database + " WITH (FORCE)");
            }
        }

        @Test
        void aServerThatCommitsDurablyIsUsedAsConfigured() throws SQLException {
            assertThat(CommitDurability.durableUrl(Dialect.POSTGRESQL, url, this::open)).isEqualTo(url);
        }

        @Test
        void whenTheDatabaseHasItOffThePortalsConnectionsTurnItOn() throws SQLException {
            admin("ALTER DATABASE " + database + " SET synchronous_commit = off");
            assertThat(CommitDurability.synchronousCommit(this::open, url)).isEqualTo("off");

            String durable = CommitDurability.durableUrl(Dialect.POSTGRESQL, url, this::open);

            assertThat(durable).isNotEqualTo(url);
            assertThat(CommitDurability.synchronousCommit(this::open, durable)).isEqualTo("on");
        }

        @Test
        void localIsNotEnoughEither() throws SQLException {
            admin("ALTER DATABASE " + database + " SET synchronous_commit = local");

            String durable = CommitDurability.durableUrl(Dialect.POSTGRESQL, url + "?options=-c%20search_path%3Dpublic",
                    this::open);

            assertThat(CommitDurability.synchronousCommit(this::open, durable)).isEqualTo("on");
        }

        @Test
        void aSettingChosenInTheUrlIsRespected() throws SQLException {
            String chosen = url + "?options=-c%20synchronous_commit%3Doff";

            assertThat(CommitDurability.durableUrl(Dialect.POSTGRESQL, chosen, this::open)).isEqualTo(chosen);
        }

        @Test
        void aConnectionThatRefusesTheOptionIsReportedWithTheFix() throws SQLException {
            admin("ALTER DATABASE " + database + " SET synchronous_commit = off");
            List<String> opened = new ArrayList<>();
            CommitDurability.Connector poolerRefusingOptions = candidate -> {
                opened.add(candidate);
                if (candidate.contains("options=")) {
                    throw new SQLException("unsupported startup parameter: options");
                }
                return open(candidate);
            };

            assertThatThrownBy(() -> CommitDurability.durableUrl(Dialect.POSTGRESQL, url, poolerRefusingOptions))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("synchronous_commit is off")
                    .hasMessageContaining("Set synchronous_commit = on for the database or role")
                    .hasMessageContaining("unsupported startup parameter");
            assertThat(opened).hasSize(2);
        }

        private Connection open(String jdbcUrl) throws SQLException {
            return DriverManager.getConnection(jdbcUrl, TestDatabase.POSTGRES_USER, "");
        }

        private void admin(String sql) throws SQLException {
            try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRES_URL, TestDatabase.POSTGRES_USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
