package dev.participation.service.internal.storage.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.participation.service.internal.storage.Dialect;
import dev.participation.service.internal.storage.Sql;

/**
 * Brings a database up to the shipped scripts. Works on one plain connection (not a pooled,
 * transaction-scoped one) because the PostgreSQL lock it holds belongs to the session and must
 * outlive the commit after each script.
 */
public final class MigrationRunner {

    private static final System.Logger LOG = System.getLogger(MigrationRunner.class.getName());

    private final List<MigrationScript> scripts;
    private final Clock clock;

    public MigrationRunner(List<MigrationScript> scripts, Clock clock) {
        List<MigrationScript> sorted = new ArrayList<>(scripts);
        sorted.sort(Comparator.comparingInt(MigrationScript::version));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).version() == sorted.get(i - 1).version()) {
                throw new MigrationRefusedException("Two migration scripts share version " + sorted.get(i).version()
                        + ": " + sorted.get(i - 1).name() + " and " + sorted.get(i).name());
            }
        }
        this.scripts = List.copyOf(sorted);
        this.clock = clock;
    }

    /**
     * @return the scripts this call applied (none when another node got there first)
     * @throws MigrationRefusedException if an applied script changed or is unknown to this bundle
     */
    public List<MigrationScript> migrate(Connection connection, Dialect dialect) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            dialect.lockForMigrations(connection);
            try {
                return migrateLocked(connection);
            } finally {
                dialect.unlockAfterMigrations(connection);
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
        }
        connection.commit();

        Map<Integer, String[]> applied = applied(connection);
        checkApplied(applied);

        int newestApplied = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<MigrationScript> pending = scripts.stream().filter(s -> !applied.containsKey(s.version())).toList();
        for (MigrationScript script : pending) {
            if (script.version() < newestApplied) {
                throw new MigrationRefusedException("Migration " + script.name() + " is older than V" + newestApplied
                        + ", which this database already has; give it a number after V" + newestApplied + ".");
            }
        }
        List<MigrationScript> done = new ArrayList<>();
        for (MigrationScript script : pending) {
            apply(connection, script);
            done.add(script);
        }
        return done;
    }

    private static Map<Integer, String[]> applied(Connection connection) throws SQLException {
        Map<Integer, String[]> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, script, checksum FROM schema_version")) {
            while (rows.next()) {
                applied.put(rows.getInt("version"), new String[] {rows.getString("script"), rows.getString("checksum")});
            }
        }
        connection.commit();
        return applied;
    }

    private void checkApplied(Map<Integer, String[]> applied) {
        Map<Integer, MigrationScript> shipped = new HashMap<>();
        scripts.forEach(s -> shipped.put(s.version(), s));
        List<String> problems = new ArrayList<>();
        applied.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            MigrationScript script = shipped.get(entry.getKey());
            String[] recorded = entry.getValue();
            if (script == null) {
                problems.add("the database has " + recorded[0] + ", which this bundle does not ship"
                        + " (is an older release running against a newer database?)");
            } else if (!script.checksum().equals(recorded[1])) {
                problems.add(script.name() + " has changed since it was applied (checksum " + recorded[1]
                        + " in schema_version, " + script.checksum() + " now); restore the released script"
                        + " and put the change in a new one");
            }
        });
        if (!problems.isEmpty()) {
            throw new MigrationRefusedException("Refusing to use the database: " + String.join("; ", problems));
        }
    }

    private void apply(Connection connection, MigrationScript script) throws SQLException {
        LOG.log(System.Logger.Level.INFO, "Applying database migration {0}", script.name());
        try {
            try (Statement statement = connection.createStatement()) {
                for (String sql : script.statements()) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO schema_version (version, script, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                record.setInt(1, script.version());
                record.setString(2, script.name());
                record.setString(3, script.checksum());
                Sql.setInstant(record, 4, clock.instant());
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("Migration " + script.name() + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
    }
}
