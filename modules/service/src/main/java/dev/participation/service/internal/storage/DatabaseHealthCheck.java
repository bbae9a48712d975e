package dev.participation.service.internal.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Reports whether the database answers. It also runs while the storage service is missing (for
 * example after a refused migration), so the health page says why instead of staying silent.
 */
@Component(service = HealthCheck.class, property = {
        HealthCheck.NAME + "=Database",
        HealthCheck.TAGS + "=participation",
        HealthCheck.TAGS + "=database"})
public final class DatabaseHealthCheck implements HealthCheck {

    private final StorageStatus status;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    @org.osgi.service.component.annotations.Activate
    public DatabaseHealthCheck(@Reference StorageStatus status) {
        this.status = status;
    }

    DatabaseHealthCheck(StorageStatus status, Database database) {
        this.status = status;
        this.database = database;
    }

    @Override
    public Result execute() {
        Database current = database;
        if (current == null) {
            return new Result(Result.Status.CRITICAL,
                    "Storage is not available: " + status.problem().orElse("the storage service is not registered"));
        }
        try {
            long scripts = current.read(connection -> {
                try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM schema_version");
                        ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
            return new Result(Result.Status.OK,
                    "Database answers (" + current.dialect() + ", " + scripts + " migrations applied)");
        } catch (RuntimeException e) {
            return new Result(Result.Status.CRITICAL, "Database does not answer: " + e.getMessage());
        }
    }
}
