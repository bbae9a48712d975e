package dev.participation.api.storage;

/** The database failed; callers cannot fix it by changing their input. */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
