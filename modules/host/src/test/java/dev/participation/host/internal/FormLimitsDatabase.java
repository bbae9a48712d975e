package dev.participation.host.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Dialect;
import dev.participation.api.storage.SqlWork;
import dev.participation.api.storage.StorageException;

import org.h2.jdbcx.JdbcDataSource;

/**
 * An in-memory H2 database holding the public form limits table as the service's migration
 * creates it, for the real guard behind the test widget's form. Each call is its own transaction;
 * the guard never nests them.
 */
final class FormLimitsDatabase implements Database {

    private final JdbcDataSource h2 = new JdbcDataSource();

    FormLimitsDatabase() {
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM 'classpath:/db/migration/V008__public_form_limits.sql'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        try (Connection connection = h2.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return write(work);
    }

    @Override
    public Dialect dialect() {
        return Dialect.H2;
    }

    void shutdown() {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
