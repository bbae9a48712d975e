package dev.participation.testing.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.participation.api.storage.Storage;
import dev.participation.service.internal.storage.Database;
import dev.participation.service.internal.storage.TransactionalDatabase;
import dev.participation.service.internal.storage.migration.BundleMigrationScripts;
import dev.participation.service.internal.storage.migration.MigrationRunner;

import org.apache.aries.tx.control.jdbc.common.impl.AbstractJDBCConnectionProvider;
import org.apache.aries.tx.control.jdbc.local.impl.JDBCConnectionProviderFactoryImpl;
import org.apache.aries.tx.control.service.local.impl.TransactionControlImpl;
import org.osgi.service.transaction.control.jdbc.JDBCConnectionProviderFactory;

/**
 * One test's database, migrated as the portal migrates it (the platform's scripts, then the
 * tested bundle's schema), with the real Aries Transaction Control and pooled provider.
 */
public final class TestStorage implements AutoCloseable {

    /** Where every test's clock starts: a Monday morning in March. */
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final TestDatabases.Empty empty;
    private final TestClock clock = new TestClock(START);
    private final AbstractJDBCConnectionProvider provider;
    private final Database database;

    /** Fills an empty database as an earlier release left it, before this build migrates it. */
    @FunctionalInterface
    public interface EarlierRelease {
        void fill(DataSource empty, DatabaseKind kind) throws Exception;
    }

    private TestStorage(TestDatabases.Empty empty, String schema, EarlierRelease earlier) throws Exception {
        this.empty = empty;
        earlier.fill(empty.dataSource(), empty.kind());
        migrate(empty.dataSource(), empty.kind(), schema, clock);
        Map<String, Object> pool = new HashMap<>();
        pool.put(JDBCConnectionProviderFactory.CONNECTION_POOLING_ENABLED, true);
        pool.put(JDBCConnectionProviderFactory.MAX_CONNECTIONS, 20);
        pool.put(JDBCConnectionProviderFactory.MIN_CONNECTIONS, 1);
        provider = new JDBCConnectionProviderFactoryImpl().getProviderFor(empty.dataSource(), pool);
        TransactionControlImpl transactions = new TransactionControlImpl();
        database = new TransactionalDatabase(transactions, provider.getResource(transactions), empty.kind().dialect());
    }

    /**
     * @param schema the tested bundle's own schema, or null for the platform's tables only
     */
    public static TestStorage open(DatabaseKind kind, String schema) {
        return upgraded(kind, schema, (dataSource, databaseKind) -> { });
    }

    /**
     * A database that an earlier release made and filled, then migrated by this build as the
     * portal migrates at start-up: what an upgrade test starts from.
     */
    public static TestStorage upgraded(DatabaseKind kind, String schema, EarlierRelease earlier) {
        TestDatabases.Empty empty = TestDatabases.create(kind);
        try {
            return new TestStorage(empty, schema, earlier);
        } catch (Exception e) {
            empty.drop();
            throw new IllegalStateException("Cannot prepare the " + kind.displayName() + " test database: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Brings a database up to this build's platform scripts and then the schema's, as the portal
     * does at start-up; also what an upgrade test runs on a database an older release made.
     */
    public static void migrate(DataSource dataSource, DatabaseKind kind, String schema, java.time.Clock clock)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            new MigrationRunner(Storage.PLATFORM_SCHEMA, ClassPathScripts.in(BundleMigrationScripts.FOLDER),
                    BundleMigrationScripts.movedAway(TestStorage.class.getClassLoader()
                            .getResource(BundleMigrationScripts.MOVED_AWAY)), clock)
                    .migrate(connection, kind.dialect());
            if (schema != null) {
                new MigrationRunner(schema, ClassPathScripts.in(BundleMigrationScripts.folderOf(schema)), Map.of(), clock)
                        .migrate(connection, kind.dialect());
            }
        }
    }

    public DatabaseKind kind() {
        return empty.kind();
    }

    /** What the schema extender registers for the tested bundle's schema. */
    public Storage storage() {
        return database;
    }

    /** The platform's stores (audit log, accounts, ...) work on the same database and transactions. */
    public Database platform() {
        return database;
    }

    public TestClock clock() {
        return clock;
    }

    /** Plain unpooled connections outside Transaction Control, for looking at rows directly. */
    public DataSource dataSource() {
        return empty.dataSource();
    }

    public Connection rawConnection() throws SQLException {
        return empty.dataSource().getConnection();
    }

    /** The single number a query such as {@code SELECT COUNT(*) ...} returns. */
    public long count(String sql, Object... parameters) {
        try (Connection connection = rawConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        provider.close();
        empty.drop();
    }
}
