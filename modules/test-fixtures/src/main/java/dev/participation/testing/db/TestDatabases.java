package dev.participation.testing.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/** Empty databases for one test: H2 in memory, or a new, randomly named schema in PostgreSQL. */
public final class TestDatabases {

    static final String POSTGRES_URL = System.getenv().getOrDefault("PARTICIPATION_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = "postgres";
    private static String postgresProblem;
    private static boolean postgresChecked;

    private TestDatabases() {
    }

    /** An empty database and how to drop it. */
    public record Empty(DatabaseKind kind, DataSource dataSource, String postgresSchema) {

        /** Shuts H2 down or drops the PostgreSQL schema with everything in it. */
        public void drop() {
            try (Connection connection = kind == DatabaseKind.H2 ? dataSource.getConnection()
                    : DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute(kind == DatabaseKind.H2 ? "SHUTDOWN" : "DROP SCHEMA " + postgresSchema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot clean up the test database: " + e.getMessage(), e);
            }
        }
    }

    public static Empty create(DatabaseKind kind) {
        if (kind == DatabaseKind.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            // LOCK_TIMEOUT: concurrency tests queue many writers on one row.
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
            h2.setUser("sa");
            return new Empty(kind, h2, null);
        }
        requirePostgres();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a PostgreSQL test schema: " + e.getMessage(), e);
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        postgres.setUser(POSTGRES_USER);
        return new Empty(kind, postgres, schema);
    }

    /**
     * Skips when PostgreSQL is missing on a developer's machine, but fails in CI, where a skipped
     * database would make a green build meaningless.
     */
    public static synchronized void requirePostgres() {
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
                Assertions.fail("CI=true, so PostgreSQL tests must run: " + postgresProblem);
            }
            Assumptions.abort(postgresProblem);
        }
    }
}
