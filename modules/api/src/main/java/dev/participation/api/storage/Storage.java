package dev.participation.api.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The portal's migrated, transactional database, as one schema's owner sees it.
 *
 * <p>Calls nest: work started inside another {@link #write} joins that transaction, whichever
 * bundle started it, so a widget's change and the platform's audit line commit or roll back
 * together.
 */
@ProviderType
public interface Storage {

    /** The service property naming the schema a registration is migrated for. */
    String SCHEMA = "schema";

    /** The schema of the platform's own tables (accounts, audit, widget instances, ...). */
    String PLATFORM_SCHEMA = "platform";

    /** The manifest header that names the schema a bundle owns. */
    String SCHEMA_HEADER = "Participation-Schema";

    /** The {@code osgi.extender} name of the service that migrates such bundles. */
    String EXTENDER = "dev.participation.schema";

    /** The version of that extender this package describes. */
    String EXTENDER_VERSION = "1.0.0";

    /**
     * Seconds between the platform's tries to reach a database it cannot reach: what anyone told to
     * come back while it is away hears ({@code Retry-After}), so pages and programs do not retry
     * sooner than it can have come back.
     */
    int RECONNECT_SECONDS = 30;

    /** Runs the work in a transaction, joining the caller's one if there is one. */
    <T> T write(SqlWork<T> work);

    /** Runs read-only work; inside a transaction it sees that transaction's changes. */
    <T> T read(SqlWork<T> work);

    Dialect dialect();
}
