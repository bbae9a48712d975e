package dev.participation.service.internal.storage.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.participation.api.storage.Dialect;
import dev.participation.api.storage.Sql;
import dev.participation.api.storage.Storage;

/**
 * Brings one schema (the platform's, or one a widget bundle owns) up to the shipped scripts. Works
 * on one plain connection (not a pooled, transaction-scoped one) because the PostgreSQL lock it
 * holds belongs to the session and must outlive the commit after each script.
 *
 * <p>The platform's history stays in {@code schema_version}, where every earlier release recorded
 * it; every other schema's is in {@code schema_history}, one sequence per schema name.
 *
 * <p>Scripts can move from the platform to a widget's schema without being run again: the
 * platform lists them as moved away (so their history rows are not taken for a newer release's),
 * and a schema that has no history yet adopts, in version order, each of its scripts whose exact
 * text (checksum) the platform's history already records. A fresh database has no such rows and
 * runs the widget's scripts normally, so it ends up with the same tables.
 */
public final class MigrationRunner {

    private static final System.Logger LOG = System.getLogger(MigrationRunner.class.getName());

    private final String schema;
    private final List<MigrationScript> scripts;
    private final Map<String, String> movedAway;
    private final Clock clock;

    /** The platform's own scripts, none of them moved away. */
    public MigrationRunner(List<MigrationScript> scripts, Clock clock) {
        this(Storage.PLATFORM_SCHEMA, scripts, Map.of(), clock);
    }

    /**
     * @param movedAway for the platform only: names of scripts it once shipped, each mapped to the
     *        schema that now carries it
     */
    public MigrationRunner(String schema, List<MigrationScript> scripts, Map<String, String> movedAway, Clock clock) {
        List<MigrationScript> sorted = new ArrayList<>(scripts);
        sorted.sort(Comparator.comparingInt(MigrationScript::version));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).version() == sorted.get(i - 1).version()) {
                throw new MigrationRefusedException("Two migration scripts of schema " + schema + " share version "
                        + sorted.get(i).version() + ": " + sorted.get(i - 1).name() + " and " + sorted.get(i).name());
            }
        }
        this.schema = schema;
        this.scripts = List.copyOf(sorted);
        this.movedAway = Map.copyOf(movedAway);
        this.clock = clock;
    }

    private boolean platform() {
        return Storage.PLATFORM_SCHEMA.equals(schema);
    }

    /**
     * @return the scripts this call applied (none when another node got there first)
     * @throws MigrationRefusedException if an applied script changed or is unknown to this bundle
     */
    public List<MigrationScript> migrate(Connection connection, Dialect dialect) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            MigrationLock.lock(connection, dialect);
            try {
                return migrateLocked(connection);
            } finally {
                MigrationLock.unlock(connection, dialect);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private List<MigrationScript> migrateLocked(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + " version INT PRIMARY KEY,"
                    + " script VARCHAR(200) NOT NULL,"
                    + " checksum VARCHAR(64) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS schema_history ("
                    + " schema_name VARCHAR(100) NOT NULL,"
                    + " version INT NOT NULL,"
                    + " script VARCHAR(200) NOT NULL,"
                    + " checksum VARCHAR(64) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " PRIMARY KEY (schema_name, version))");
        }
        connection.commit();

        Map<Integer, Recorded> applied = applied(connection);
        if (applied.isEmpty() && !platform()) {
            applied = adoptMovedScripts(connection);
        }
        checkApplied(applied);

        int newestApplied = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<Integer, Recorded> done = applied;
        List<MigrationScript> pending = scripts.stream().filter(s -> !done.containsKey(s.version())).toList();
        for (MigrationScript script : pending) {
            if (script.version() < newestApplied) {
                throw new MigrationRefusedException("Migration " + script.name() + " of schema " + schema
                        + " is older than V" + newestApplied + ", which this database already has; give it a"
                        + " number after V" + newestApplied + ".");
            }
        }
        List<MigrationScript> appliedNow = new ArrayList<>();
        for (MigrationScript script : pending) {
            apply(connection, script);
            appliedNow.add(script);
        }
        return appliedNow;
    }

    private record Recorded(String script, String checksum, Instant appliedAt) {
    }

    private Map<Integer, Recorded> applied(Connection connection) throws SQLException {
        Map<Integer, Recorded> applied = new HashMap<>();
        String query = platform() ? "SELECT version, script, checksum, applied_at FROM schema_version"
                : "SELECT version, script, checksum, applied_at FROM schema_history WHERE schema_name = ?";
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            if (!platform()) {
                statement.setString(1, schema);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getInt("version"), new Recorded(rows.getString("script"),
                            rows.getString("checksum"), Sql.getInstant(rows, "applied_at")));
                }
            }
        }
        connection.commit();
        return applied;
    }

    /**
     * Records as applied, without running them, the leading scripts of this schema whose text the
     * platform already applied under its own numbers (before they moved to this schema's bundle).
     */
    private Map<Integer, Recorded> adoptMovedScripts(Connection connection) throws SQLException {
        Map<String, Recorded> platformByChecksum = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT script, checksum, applied_at FROM schema_version")) {
            while (rows.next()) {
                platformByChecksum.put(rows.getString("checksum"), new Recorded(rows.getString("script"),
                        rows.getString("checksum"), Sql.getInstant(rows, "applied_at")));
            }
        }
        Map<Integer, Recorded> adopted = new HashMap<>();
        for (MigrationScript script : scripts) {
            Recorded earlier = platformByChecksum.get(script.checksum());
            if (earlier == null) {
                break;
            }
            LOG.log(System.Logger.Level.INFO, "Schema {0} takes over {1}, applied on {2} as the platform''s {3}",
                    schema, script.name(), earlier.appliedAt(), earlier.script());
            record(connection, script, earlier.appliedAt());
            adopted.put(script.version(), new Recorded(script.name(), script.checksum(), earlier.appliedAt()));
        }
        connection.commit();
        return adopted;
    }

    private void checkApplied(Map<Integer, Recorded> applied) {
        Map<Integer, MigrationScript> shipped = new HashMap<>();
        scripts.forEach(s -> shipped.put(s.version(), s));
        List<String> problems = new ArrayList<>();
        applied.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            MigrationScript script = shipped.get(entry.getKey());
            Recorded recorded = entry.getValue();
            if (script == null) {
                if (!movedAway.containsKey(recorded.script())) {
                    problems.add("the database has " + recorded.script() + ", which this bundle does not ship for"
                            + " schema " + schema + " (is an older release running against a newer database?)");
                }
            } else if (!script.checksum().equals(recorded.checksum())) {
                problems.add(script.name() + " has changed since it was applied to schema " + schema + " (checksum "
                        + recorded.checksum() + " recorded, " + script.checksum() + " now); restore the released"
                        + " script and put the change in a new one");
            }
        });
        if (!problems.isEmpty()) {
            throw new MigrationRefusedException("Refusing to use the database: " + String.join("; ", problems));
        }
    }

    private void apply(Connection connection, MigrationScript script) throws SQLException {
        LOG.log(System.Logger.Level.INFO, "Applying database migration {0} of schema {1}", script.name(), schema);
        try {
            try (Statement statement = connection.createStatement()) {
                for (String sql : script.statements()) {
                    statement.execute(sql);
                }
            }
            record(connection, script, clock.instant());
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("Migration " + script.name() + " failed (schema " + schema + "): " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    private void record(Connection connection, MigrationScript script, Instant appliedAt) throws SQLException {
        String insert = platform()
                ? "INSERT INTO schema_version (version, script, checksum, applied_at) VALUES (?, ?, ?, ?)"
                : "INSERT INTO schema_history (version, script, checksum, applied_at, schema_name) VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setInt(1, script.version());
            statement.setString(2, script.name());
            statement.setString(3, script.checksum());
            Sql.setInstant(statement, 4, appliedAt);
            if (!platform()) {
                statement.setString(5, schema);
            }
            statement.executeUpdate();
        }
    }
}
