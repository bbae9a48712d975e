package dev.participation.service.internal.storage.migration;

/**
 * The database and the shipped scripts disagree in a way that must not be papered over (a
 * released script was edited, or the database is newer than this bundle). Retrying cannot help.
 */
public final class MigrationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MigrationRefusedException(String message) {
        super(message);
    }
}
