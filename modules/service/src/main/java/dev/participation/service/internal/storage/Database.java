package dev.participation.service.internal.storage;

/**
 * The migrated, transactional database every store in this bundle works on. Registered only after
 * the schema migrations have run, so a store that references it never sees an old schema.
 *
 * <p>Calls nest: work started inside another {@link #write} joins that transaction, so a change and
 * its audit line commit or roll back together.
 */
public interface Database {

    /** Runs the work in a transaction, joining the caller's one if there is one. */
    <T> T write(SqlWork<T> work);

    /** Runs read-only work; inside a transaction it sees that transaction's changes. */
    <T> T read(SqlWork<T> work);

    Dialect dialect();
}
