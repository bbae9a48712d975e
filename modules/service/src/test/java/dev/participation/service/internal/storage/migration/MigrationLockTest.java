package dev.participation.service.internal.storage.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.participation.api.storage.Dialect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationLockTest {

    @TempDir
    Path dir;

    @Test
    void twoSchemasOfOneProcessMigrateOneAfterTheOtherOnH2() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db");
        try (Connection platform = DriverManager.getConnection(url); Connection widget = DriverManager.getConnection(url)) {
            MigrationLock.lock(platform, Dialect.H2);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try {
                    MigrationLock.lock(widget, Dialect.H2);
                    MigrationLock.unlock(widget, Dialect.H2);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                second.get(300, TimeUnit.MILLISECONDS);
                throw new AssertionError("the second migration went ahead while the first held the lock");
            } catch (TimeoutException waiting) {
                // as it should
            }
            MigrationLock.unlock(platform, Dialect.H2);
            second.get(5, TimeUnit.SECONDS);
            assertThat(second).isDone();
        }
    }
}
