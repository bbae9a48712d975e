package dev.participation.service.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.util.NoSuchElementException;

import dev.participation.api.storage.Dialect;
import dev.participation.api.storage.Sql;
import dev.participation.api.storage.StorageException;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransactionalDatabaseTest {

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
    }

    abstract static class Contract extends DatabaseTest {

        Contract(Kind kind) {
            super(kind);
        }

        private int insertMarker(String key) {
            return database().write(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO demo_content_installed (content_key, installed_at) VALUES (?, ?)")) {
                    insert.setString(1, key);
                    Sql.setInstant(insert, 2, clock.instant());
                    return insert.executeUpdate();
                }
            });
        }

        @Test
        void nestedWorkJoinsTheOuterTransactionAndRollsBackWithIt() {
            assertThatThrownBy(() -> database().write(connection -> {
                insertMarker("outer");
                insertMarker("inner");
                throw new NoSuchElementException("changed my mind");
            })).isInstanceOf(NoSuchElementException.class).hasMessage("changed my mind");

            assertThat(db.count("SELECT COUNT(*) FROM demo_content_installed")).isZero();
        }

        @Test
        void committedWorkIsVisibleToOtherConnections() {
            database().write(connection -> insertMarker("a") + insertMarker("b"));

            assertThat(db.count("SELECT COUNT(*) FROM demo_content_installed")).isEqualTo(2);
        }

        @Test
        void sqlErrorsArriveAsStorageExceptions() {
            assertThatThrownBy(() -> database().read(connection -> connection.prepareStatement(
                    "SELECT nothing FROM nowhere").executeQuery()))
                    .isInstanceOf(StorageException.class);
        }

        @Test
        void insertIfAbsentInsertsOnceAndKeepsTheTransactionUsable() {
            boolean[] results = database().write(connection -> {
                Dialect.Binder key = statement -> {
                    statement.setString(1, "same");
                    Sql.setInstant(statement, 2, clock.instant());
                };
                String insert = "INSERT INTO demo_content_installed (content_key, installed_at) VALUES (?, ?)";
                boolean first = database().dialect().insertIfAbsent(connection, insert, key);
                boolean second = database().dialect().insertIfAbsent(connection, insert, key);
                insertMarker("after");
                return new boolean[] {first, second};
            });

            assertThat(results).containsExactly(true, false);
            assertThat(db.count("SELECT COUNT(*) FROM demo_content_installed")).isEqualTo(2);
        }
    }
}
