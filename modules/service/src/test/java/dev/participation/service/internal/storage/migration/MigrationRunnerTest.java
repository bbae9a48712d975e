package dev.participation.service.internal.storage.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.participation.service.internal.storage.DatabaseTest;
import dev.participation.service.internal.storage.TestDatabase;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MigrationRunnerTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Kind.H2);
        }
    }

    @Nested
    class OnPostgreSQL extends Contract {
        OnPostgreSQL() {
            super(Kind.POSTGRESQL);
        }

        @Test
        void twoNodesStartingTogetherApplyEachScriptOnce() throws Exception {
            List<MigrationScript> scripts = withExtra(
                    MigrationScript.of(next(1, "groups"), "CREATE TABLE participation_group (id INT PRIMARY KEY);"),
                    MigrationScript.of(next(2, "events"), "CREATE TABLE participation_event (id INT PRIMARY KEY);"));
            ExecutorService nodes = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<MigrationScript>>> starts = new ArrayList<>();
                for (int node = 0; node < 4; node++) {
                    starts.add(nodes.submit((Callable<List<MigrationScript>>) () -> {
                        try (Connection connection = db.rawConnection()) {
                            return new MigrationRunner(scripts, clock).migrate(connection, db.dialect());
                        }
                    }));
                }
                List<String> appliedByAnyNode = new ArrayList<>();
                for (Future<List<MigrationScript>> start : starts) {
                    start.get(60, TimeUnit.SECONDS).forEach(script -> appliedByAnyNode.add(script.name()));
                }
                assertThat(appliedByAnyNode).containsExactlyInAnyOrder(next(1, "groups"), next(2, "events"));
            } finally {
                nodes.shutdownNow();
            }
            assertThat(db.count("SELECT COUNT(*) FROM schema_version")).isEqualTo(shippedCount() + 2);
        }
    }

    abstract static class Contract extends DatabaseTest {

        Contract(Kind kind) {
            super(kind);
        }

        List<MigrationScript> withExtra(MigrationScript... extra) {
            List<MigrationScript> scripts = new ArrayList<>(TestDatabase.shippedScripts());
            scripts.addAll(List.of(extra));
            return scripts;
        }

        /**
         * The name of a script {@code offset} numbers after the newest shipped one, so these tests
         * keep working as widgets add their own scripts.
         */
        static String next(int offset, String what) {
            return String.format("V%03d__%s.sql", newestShipped() + offset, what);
        }

        static int newestShipped() {
            return TestDatabase.shippedScripts().stream().mapToInt(MigrationScript::version).max().orElse(0);
        }

        static int shippedCount() {
            return TestDatabase.shippedScripts().size();
        }

        List<MigrationScript> migrate(List<MigrationScript> scripts) throws SQLException {
            try (Connection connection = db.rawConnection()) {
                return new MigrationRunner(scripts, clock).migrate(connection, db.dialect());
            }
        }

        @Test
        void shippedScriptsAreRecordedWithTheirChecksumAndNotAppliedTwice() throws SQLException {
            MigrationScript platform = TestDatabase.shippedScripts().stream()
                    .filter(s -> s.version() == 1).findFirst().orElseThrow();
            try (Connection connection = db.rawConnection();
                    PreparedStatement query = connection.prepareStatement(
                            "SELECT script, checksum FROM schema_version WHERE version = 1");
                    ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("script")).isEqualTo("V001__platform.sql");
                assertThat(rows.getString("checksum")).isEqualTo(platform.checksum()).hasSize(64);
            }

            assertThat(migrate(TestDatabase.shippedScripts())).isEmpty();
            assertThat(db.count("SELECT COUNT(*) FROM schema_version")).isEqualTo(TestDatabase.shippedScripts().size());
        }

        @Test
        void aNewScriptIsAppliedAfterTheOthersAndRecorded() throws SQLException {
            List<MigrationScript> applied = migrate(withExtra(MigrationScript.of(next(1, "notes"),
                    "-- a comment; with a semicolon\nCREATE TABLE trial_note (id INT PRIMARY KEY, title VARCHAR(100));\n"
                            + "INSERT INTO trial_note (id, title) VALUES (1, 'Space; voice');\n")));

            assertThat(applied).extracting(MigrationScript::name).containsExactly(next(1, "notes"));
            assertThat(db.count("SELECT COUNT(*) FROM trial_note WHERE title = 'Space; voice'")).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM schema_version WHERE version = ?", newestShipped() + 1))
                    .isEqualTo(1);
        }

        @Test
        void aChangedScriptIsRefusedAndNothingElseIsApplied() {
            List<MigrationScript> scripts = new ArrayList<>();
            for (MigrationScript script : TestDatabase.shippedScripts()) {
                scripts.add(script.version() == 1
                        ? MigrationScript.of(script.name(), script.sql() + "\nCREATE TABLE sneaky (id INT);\n")
                        : script);
            }
            scripts.add(MigrationScript.of(next(1, "notes"), "CREATE TABLE trial_note (id INT PRIMARY KEY);"));

            assertThatThrownBy(() -> migrate(scripts))
                    .isInstanceOf(MigrationRefusedException.class)
                    .hasMessageContaining("V001__platform.sql has changed since it was applied");
            assertThat(db.count("SELECT COUNT(*) FROM schema_version")).isEqualTo(shippedCount());
        }

        @Test
        void aDatabaseNewerThanTheBundleIsRefused() throws SQLException {
            migrate(withExtra(MigrationScript.of(next(1, "notes"), "CREATE TABLE trial_note (id INT PRIMARY KEY);")));

            assertThatThrownBy(() -> migrate(TestDatabase.shippedScripts()))
                    .isInstanceOf(MigrationRefusedException.class)
                    .hasMessageContaining(next(1, "notes") + ", which this bundle does not ship");
        }

        @Test
        void aFailingScriptIsRolledBackAndNotRecorded() {
            assertThatThrownBy(() -> migrate(withExtra(MigrationScript.of(next(1, "broken"),
                    "INSERT INTO demo_content_installed (content_key, installed_at) VALUES ('x', CURRENT_TIMESTAMP);\n"
                            + "INSERT INTO no_such_table (id) VALUES (1);"))))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(next(1, "broken") + " failed");

            assertThat(db.count("SELECT COUNT(*) FROM demo_content_installed")).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM schema_version WHERE version = ?", newestShipped() + 1))
                    .isZero();
        }

        List<MigrationScript> migrateSchema(String schema, List<MigrationScript> scripts) throws SQLException {
            try (Connection connection = db.rawConnection()) {
                return new MigrationRunner(schema, scripts, Map.of(), clock).migrate(connection, db.dialect());
            }
        }

        @Test
        void aWidgetSchemaKeepsItsOwnSequenceBesideThePlatformsAndAnother() throws SQLException {
            MigrationScript groups = MigrationScript.of("V001__groups.sql", "CREATE TABLE trial_group (id INT PRIMARY KEY);");
            MigrationScript events = MigrationScript.of("V001__events.sql", "CREATE TABLE trial_event (id INT PRIMARY KEY);");

            assertThat(migrateSchema("groups", List.of(groups))).containsExactly(groups);
            assertThat(migrateSchema("events", List.of(events))).containsExactly(events);
            assertThat(migrateSchema("groups", List.of(groups))).isEmpty();

            assertThat(db.count("SELECT COUNT(*) FROM trial_group")).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM schema_history WHERE version = 1")).isEqualTo(2);
            assertThat(db.count("SELECT COUNT(*) FROM schema_version")).isEqualTo(shippedCount());
        }

        @Test
        void aWidgetSchemasChangedScriptIsRefused() throws SQLException {
            migrateSchema("groups", List.of(MigrationScript.of("V001__groups.sql", "CREATE TABLE trial_group (id INT);")));

            assertThatThrownBy(() -> migrateSchema("groups",
                    List.of(MigrationScript.of("V001__groups.sql", "CREATE TABLE trial_group (id BIGINT);"))))
                    .isInstanceOf(MigrationRefusedException.class)
                    .hasMessageContaining("V001__groups.sql has changed since it was applied to schema groups");
        }

        @Test
        void scriptsThatMovedFromThePlatformAreTakenOverNotRunAgain() throws SQLException {
            String notesSql = "CREATE TABLE trial_note (id INT PRIMARY KEY);\n";
            String flagSql = "ALTER TABLE trial_note ADD COLUMN flagged BOOLEAN DEFAULT FALSE NOT NULL;\n";
            // An earlier release: the platform itself carried the notes table.
            migrate(withExtra(MigrationScript.of(next(1, "notes"), notesSql), MigrationScript.of(next(2, "flag"), flagSql)));
            try (Connection connection = db.rawConnection(); Statement insert = connection.createStatement()) {
                insert.execute("INSERT INTO trial_note (id, flagged) VALUES (7, TRUE)");
            }

            // This release: the same texts are the notes schema's V001 and V002, plus a new V003.
            MigrationRunner platform = new MigrationRunner("platform", TestDatabase.shippedScripts(),
                    Map.of(next(1, "notes"), "notes", next(2, "flag"), "notes"), clock);
            try (Connection connection = db.rawConnection()) {
                assertThat(platform.migrate(connection, db.dialect())).isEmpty();
            }
            MigrationScript third = MigrationScript.of("V003__note_text.sql",
                    "ALTER TABLE trial_note ADD COLUMN note_text VARCHAR(100) DEFAULT '' NOT NULL;");
            List<MigrationScript> applied = migrateSchema("notes", List.of(MigrationScript.of("V001__notes.sql", notesSql),
                    MigrationScript.of("V002__flag.sql", flagSql), third));

            assertThat(applied).containsExactly(third);
            assertThat(db.count("SELECT COUNT(*) FROM trial_note WHERE id = 7 AND flagged = TRUE")).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM schema_history WHERE schema_name = 'notes'")).isEqualTo(3);
        }

        @Test
        void onAFreshDatabaseMovedScriptsRunInTheirNewSchema() throws SQLException {
            MigrationScript notes = MigrationScript.of("V001__notes.sql", "CREATE TABLE trial_note (id INT PRIMARY KEY);");

            assertThat(migrateSchema("notes", List.of(notes))).containsExactly(notes);
            assertThat(db.count("SELECT COUNT(*) FROM trial_note")).isZero();
        }

        @Test
        void aPlatformRowNotListedAsMovedAwayIsStillRefused() throws SQLException {
            migrate(withExtra(MigrationScript.of(next(1, "notes"), "CREATE TABLE trial_note (id INT PRIMARY KEY);")));

            MigrationRunner platform = new MigrationRunner("platform", TestDatabase.shippedScripts(),
                    Map.of("V999__elsewhere.sql", "notes"), clock);
            assertThatThrownBy(() -> {
                try (Connection connection = db.rawConnection()) {
                    platform.migrate(connection, db.dialect());
                }
            }).isInstanceOf(MigrationRefusedException.class).hasMessageContaining(next(1, "notes"));
        }

        @Test
        void twoScriptsWithOneNumberAreRefused() {
            assertThatThrownBy(() -> new MigrationRunner(List.of(MigrationScript.of("V002__a.sql", "SELECT 1;"),
                    MigrationScript.of("V002__b.sql", "SELECT 1;")), clock))
                    .isInstanceOf(MigrationRefusedException.class)
                    .hasMessageContaining("V002__a.sql and V002__b.sql");
        }
    }
}
