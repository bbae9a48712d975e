package dev.participation.api.storage;

import java.sql.SQLException;

/** The database failed; callers cannot fix it by changing their input. */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the database refused a row whose key (such as an address) another row holds: what a
     * store tells the person as "already taken" rather than as a failure.
     *
     * @since 1.1
     */
    public boolean isUniqueViolation() {
        return getCause() instanceof SQLException sql && Sql.isUniqueViolation(sql);
    }
}
