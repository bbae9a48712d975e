package dev.participation.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own on the PostgreSQL server the tests use, for a portal (or several sharing
 * it) started on PostgreSQL instead of H2.
 */
final class PostgresDatabases {

    static final String SERVER = System.getenv().getOrDefault("PARTICIPATION_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");

    private PostgresDatabases() {
    }

    /** Skips without PostgreSQL on a developer's machine; fails in CI, where it must run. */
    static void require() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "")) {
            connection.isValid(3);
        } catch (SQLException e) {
            String problem = "PostgreSQL is not reachable at " + SERVER + " as user postgres (" + e.getMessage()
                    + "). Start it with trust authentication and a database named test, e.g. `apt-get install -y"
                    + " postgresql && service postgresql start`, or point PARTICIPATION_TEST_POSTGRES_URL elsewhere.";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true, so the PostgreSQL tests must run: " + problem);
            }
            Assumptions.abort(problem);
        }
    }

    /** A new, empty database; a portal is started on it with {@link #launchOn(String)}. */
    static String create(String prefix) throws SQLException {
        String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        return database;
    }

    static void drop(String database) throws SQLException {
        execute("DROP DATABASE " + database + " WITH (FORCE)");
    }

    /** The launch settings of a portal on {@code database}. */
    static String[] launchOn(String database) {
        return new String[] {"participation.database.url=" + SERVER.replaceAll("/[^/?]*(\\?.*)?$", "/" + database),
            "participation.database.user=postgres"};
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
