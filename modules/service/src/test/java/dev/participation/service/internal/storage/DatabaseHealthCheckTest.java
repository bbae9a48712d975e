package dev.participation.service.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

import dev.participation.api.storage.SqlWork;
import dev.participation.api.storage.StorageException;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;

class DatabaseHealthCheckTest extends DatabaseTest {

    DatabaseHealthCheckTest() {
        super(Kind.H2);
    }

    @Test
    void okWhenTheDatabaseAnswers() {
        Result result = new DatabaseHealthCheck(Optional::empty, database()).execute();

        assertThat(result.getStatus()).isEqualTo(Result.Status.OK);
        assertThat(result.toString()).contains("H2");
    }

    @Test
    void criticalWithTheReasonWhenStorageNeverStarted() {
        Result result = new DatabaseHealthCheck(() -> Optional.of("V001__platform.sql has changed"), null).execute();

        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(result.toString()).contains("V001__platform.sql has changed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void criticalWhenTheQueryFails() {
        Database broken = mock(Database.class);
        when(broken.read(any(SqlWork.class))).thenThrow(new StorageException("Connection refused", null));

        Result result = new DatabaseHealthCheck(Optional::empty, broken).execute();

        assertThat(result.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(result.toString()).contains("Connection refused");
    }

    @Test
    void theDefaultDatabaseIsAnH2FileUnderTheDataFolder() {
        assertThat(DatabaseConnector.defaultUrl("/var/lib/portal")).isEqualTo("jdbc:h2:file:/var/lib/portal/participation");
        assertThat(DatabaseConnector.defaultUrl(null)).startsWith("jdbc:h2:file:/").endsWith("/data/participation");
        assertThat(Drivers.driverClass(Drivers.dialectFor("jdbc:postgresql://db:5432/p"))).isEqualTo("org.postgresql.Driver");
    }
}
