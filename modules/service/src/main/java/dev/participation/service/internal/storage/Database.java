package dev.participation.service.internal.storage;

import dev.participation.api.storage.Storage;

/**
 * The platform schema's {@link Storage}, as the service bundle's own stores reference it. The same
 * object is registered as {@code Storage} with {@code schema=platform}, and transactions started
 * through either join each other.
 */
public interface Database extends Storage {

    /** Whether this thread is inside a transaction, which a {@link #write} would join. */
    default boolean inTransaction() {
        return false;
    }

    /**
     * Runs {@code action} once this thread's transaction has committed, and never if it rolls back;
     * outside a transaction, at once. For what may be kept in memory only when the database kept
     * it too.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }
}
