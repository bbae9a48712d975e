package dev.participation.service.internal.storage;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.participation.api.storage.Dialect;
import dev.participation.service.internal.storage.migration.MigrationRunner;
import dev.participation.service.internal.storage.migration.MigrationScript;

import org.apache.aries.tx.control.jdbc.common.impl.AbstractJDBCConnectionProvider;
import org.apache.aries.tx.control.jdbc.local.impl.JDBCConnectionProviderFactoryImpl;
import org.apache.aries.tx.control.service.local.impl.TransactionControlImpl;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.osgi.service.transaction.control.jdbc.JDBCConnectionProviderFactory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A freshly migrated database for one test: H2 in memory, or a new schema with a random name in
 * the PostgreSQL database {@code test} (dropped afterwards). Stores get the real Aries Transaction
 * Control and pooled provider, exactly as in the portal.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRESQL }

    static final String POSTGRES_URL = System.getenv().getOrDefault("PARTICIPATION_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = "postgres";
    private static String postgresProblem;
    private static boolean postgresChecked;

    private final Kind kind;
    private final DataSource dataSource;
    private final String schema;
    private final AbstractJDBCConnectionProvider provider;
    private final Database database;

    private TestDatabase(Kind kind, DataSource dataSource, String schema, Clock clock) throws SQLException {
        this.kind = kind;
        this.dataSource = dataSource;
        this.schema = schema;
        try (Connection connection = dataSource.getConnection()) {
            new MigrationRunner(shippedScripts(), clock).migrate(connection, dialect());
        }
        Map<String, Object> pool = new HashMap<>();
        pool.put(JDBCConnectionProviderFactory.CONNECTION_POOLING_ENABLED, true);
        pool.put(JDBCConnectionProviderFactory.MAX_CONNECTIONS, 20);
        pool.put(JDBCConnectionProviderFactory.MIN_CONNECTIONS, 1);
        provider = new JDBCConnectionProviderFactoryImpl().getProviderFor(dataSource, pool);
        TransactionControlImpl transactions = new TransactionControlImpl();
        database = new TransactionalDatabase(transactions, provider.getResource(transactions), dialect());
    }

    public static TestDatabase open(Kind kind, Clock clock) {
        try {
            if (kind == Kind.H2) {
                JdbcDataSource h2 = new JdbcDataSource();
                // LOCK_TIMEOUT: the concurrency tests queue many writers on one page row.
                h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
                h2.setUser("sa");
                return new TestDatabase(kind, h2, null, clock);
            }
            requirePostgres();
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
            try (Connection admin = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            postgres.setUser(POSTGRES_USER);
            return new TestDatabase(kind, postgres, schema, clock);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the " + kind + " test database: " + e.getMessage(), e);
        }
    }

    /**
     * Skips when PostgreSQL is missing on a developer's machine, but fails in CI, where a skipped
     * database would make a green build meaningless.
     */
    static synchronized void requirePostgres() {
        if (!postgresChecked) {
            postgresChecked = true;
            DriverManager.setLoginTimeout(3);
            try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
                connection.isValid(3);
            } catch (SQLException e) {
                postgresProblem = "PostgreSQL is not reachable at " + POSTGRES_URL + " as user postgres ("
                        + e.getMessage() + "). Start it with trust authentication and a database named test,"
                        + " e.g. `apt-get install -y postgresql && service postgresql start &&"
                        + " su postgres -c 'createdb test'` (set local/host auth to trust in pg_hba.conf), or point"
                        + " PARTICIPATION_TEST_POSTGRES_URL elsewhere.";
            }
        }
        if (postgresProblem != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true, so PostgreSQL tests must run: " + postgresProblem);
            }
            Assumptions.abort(postgresProblem);
        }
    }

    /** The scripts in src/main/resources, read from the class path as the bundle would ship them. */
    public static List<MigrationScript> shippedScripts() {
        URL folder = TestDatabase.class.getClassLoader().getResource("db/migration");
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(path -> MigrationScript.isScriptName(path.getFileName().toString()))
                    .map(path -> {
                        try {
                            return MigrationScript.load(path.toUri().toURL());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public Dialect dialect() {
        return kind == Kind.H2 ? Dialect.H2 : Dialect.POSTGRESQL;
    }

    public Database database() {
        return database;
    }

    /** A plain connection outside Transaction Control, for looking at rows directly. */
    public Connection rawConnection() throws SQLException {
        return dataSource.getConnection();
    }

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
        try (Connection connection = kind == Kind.H2 ? dataSource.getConnection()
                : DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(kind == Kind.H2 ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clean up the test database: " + e.getMessage(), e);
        }
    }

    /** Plain unpooled connections, as the portal's DirectConnections gives the job scheduler. */
    public DataSource dataSource() {
        return dataSource;
    }
}
