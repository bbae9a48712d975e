package dev.participation.pledge.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.participation.api.storage.Storage;
import dev.participation.service.internal.storage.migration.BundleMigrationScripts;
import dev.participation.service.internal.storage.migration.MigrationRunner;
import dev.participation.service.internal.storage.migration.MigrationScript;
import dev.participation.testing.db.ClassPathScripts;
import dev.participation.testing.db.DatabaseKind;

import org.h2.jdbcx.JdbcDataSource;

/**
 * A database as release 6adc985 left it: made by that release's portal (its migrations V001..V007
 * and demo content), then given more pledges by that release's own PledgeStore (several published
 * versions, a draft with unpublished changes, a never-published pledge, evidence approved and
 * awaiting approval). Kept as H2's {@code SCRIPT} output in {@value #DUMP}.
 *
 * <p>On PostgreSQL the same content is loaded into a fresh schema made by that release's platform
 * scripts, so the new release meets exactly what the old one would have left. Those scripts are
 * still shipped word for word (a released script never changes; the runner's checksums see to it):
 * V001 and V004 to V007 by the service, and V002 and V003 as the pledge schema's V001 and V002.
 */
final class PreviousRelease {

    static final String FOLDER = "upgrade/6adc985/";
    static final String DUMP = FOLDER + "participation-h2.sql";
    /** The newest platform script that release had. */
    private static final int NEWEST = 7;
    /** Where that release had the scripts that are now the pledge schema's, by their numbers there. */
    private static final Map<Integer, String> PLEDGE_SCRIPTS_THEN = Map.of(1, "V002__pledges.sql",
            2, "V003__pledge_revisions.sql");
    /** Parents before children, so foreign keys hold while rows are copied. */
    private static final List<String> TABLE_ORDER = List.of("account", "account_role", "widget_page", "widget_instance",
            "widget_preference", "pledge", "pledge_version", "pledge_evidence", "mail_outbox", "mail_attachment");

    private PreviousRelease() {
    }

    static void fill(DataSource empty, DatabaseKind kind) throws Exception {
        if (kind == DatabaseKind.H2) {
            try (Connection connection = empty.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("RUNSCRIPT FROM 'classpath:/" + DUMP + "'");
            }
            return;
        }
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T08:00:00Z"), ZoneOffset.UTC);
        try (Connection connection = empty.getConnection()) {
            new MigrationRunner(Storage.PLATFORM_SCHEMA, scripts(), Map.of(), clock).migrate(connection, kind.dialect());
        }
        copyRows(dump(), empty);
    }

    private static List<MigrationScript> scripts() {
        List<MigrationScript> scripts = new ArrayList<>(ClassPathScripts.in(BundleMigrationScripts.FOLDER).stream()
                .filter(script -> script.version() <= NEWEST).toList());
        for (MigrationScript moved : ClassPathScripts.in(BundleMigrationScripts.folderOf(PledgeSchema.NAME))) {
            String then = PLEDGE_SCRIPTS_THEN.get(moved.version());
            if (then != null) {
                scripts.add(MigrationScript.of(then, moved.sql()));
            }
        }
        return scripts;
    }

    private static DataSource dump() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM 'classpath:/" + DUMP + "'");
        }
        return h2;
    }

    /** Copies every row but the migration history (which that release's scripts just wrote). */
    private static void copyRows(DataSource from, DataSource to) throws SQLException {
        try (Connection source = from.getConnection(); Connection target = to.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = source.createStatement().executeQuery("SELECT LOWER(table_name) FROM"
                    + " information_schema.tables WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            tables.remove("schema_version");
            tables.sort(Comparator.comparingInt(table -> TABLE_ORDER.contains(table) ? TABLE_ORDER.indexOf(table)
                    : TABLE_ORDER.size()));
            for (String table : tables) {
                copyTable(source, target, table);
            }
            // Rows came with their ids; the identity sequences must move past them, as they had.
            try (ResultSet identities = target.createStatement().executeQuery("SELECT table_name, column_name FROM"
                    + " information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
                while (identities.next()) {
                    String table = identities.getString(1);
                    String column = identities.getString(2);
                    try (Statement statement = target.createStatement()) {
                        statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'),"
                                + " COALESCE(MAX(" + column + "), 0) + 1, false) FROM " + table);
                    }
                }
            }
        }
    }

    private static void copyTable(Connection source, Connection target, String table) throws SQLException {
        try (Statement query = source.createStatement(); ResultSet rows = query.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = rows.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", names.stream().map(name -> "?").toList()) + ")";
            try (PreparedStatement statement = target.prepareStatement(insert)) {
                while (rows.next()) {
                    for (int i = 1; i <= names.size(); i++) {
                        statement.setObject(i, rows.getObject(i));
                    }
                    statement.executeUpdate();
                }
            }
        }
    }
}
