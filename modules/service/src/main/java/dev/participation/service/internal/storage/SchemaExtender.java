package dev.participation.service.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.participation.api.storage.Dialect;
import dev.participation.api.storage.Storage;
import dev.participation.service.internal.storage.migration.BundleMigrationScripts;
import dev.participation.service.internal.storage.migration.MigrationRefusedException;
import dev.participation.service.internal.storage.migration.MigrationRunner;
import dev.participation.service.internal.storage.migration.MigrationScript;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * Migrates the schema each started bundle names in its {@value Storage#SCHEMA_HEADER} header, then
 * registers the {@link Storage} service for it ({@code schema=<name>}), and withdraws that
 * registration when the bundle stops. Opened by {@link DatabaseConnector} only once the platform's
 * own schema is migrated, so a widget's scripts may refer to platform tables.
 *
 * <p>A refused or failed migration leaves that schema without a storage service (its stores stay
 * unsatisfied) and is reported to the health check; other schemas are unaffected.
 */
final class SchemaExtender implements BundleTrackerCustomizer<ServiceRegistration<Storage>> {

    private static final System.Logger LOG = System.getLogger(SchemaExtender.class.getName());
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private final BundleContext context;
    private final DataSource direct;
    private final Storage storage;
    private final Clock clock;
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final BundleTracker<ServiceRegistration<Storage>> tracker;

    SchemaExtender(BundleContext context, DataSource direct, Storage storage, Clock clock) {
        this.context = context;
        this.direct = direct;
        this.storage = storage;
        this.clock = clock;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
    }

    void open() {
        tracker.open();
    }

    void close() {
        tracker.close();
        problems.clear();
    }

    /** The first schema that could not be migrated, if any. */
    Optional<String> problem() {
        return problems.values().stream().findFirst();
    }

    /** The schema a bundle declares: the header's first clause, without attributes. */
    static Optional<String> schemaOf(Bundle bundle) {
        String header = bundle.getHeaders("").get(Storage.SCHEMA_HEADER);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(header.split(";", 2)[0].strip());
    }

    /**
     * Migrates, on the platform's migration connection and before anyone can use the database, the
     * schemas of the bundles already installed, so that a new database gets every table in one batch
     * of writes ({@link H2Batching}) instead of one write per statement while pages wait. Anything
     * that fails here is left for {@link #addingBundle}, which tries again when the bundle starts and
     * reports the problem.
     */
    static void migrateInstalled(BundleContext context, Connection connection, Dialect dialect, Clock clock) {
        for (Bundle bundle : context.getBundles()) {
            Optional<String> schema = schemaOf(bundle);
            if (schema.isEmpty() || !NAME.matcher(schema.get()).matches() || Storage.PLATFORM_SCHEMA.equals(schema.get())
                    || bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            try {
                List<MigrationScript> scripts = BundleMigrationScripts.of(bundle,
                        BundleMigrationScripts.folderOf(schema.get()));
                new MigrationRunner(schema.get(), scripts, Map.of(), clock).migrate(connection, dialect);
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Schema {0} is left until its bundle starts: {1}", schema.get(),
                        e.getMessage());
            }
        }
    }

    @Override
    public ServiceRegistration<Storage> addingBundle(Bundle bundle, BundleEvent event) {
        Optional<String> declared = schemaOf(bundle);
        if (declared.isEmpty()) {
            return null;
        }
        String schema = declared.get();
        String owner = bundle.getSymbolicName();
        try {
            if (!NAME.matcher(schema).matches() || Storage.PLATFORM_SCHEMA.equals(schema)) {
                throw new MigrationRefusedException("Bundle " + owner + " names the schema \"" + schema + "\"; use"
                        + " lower-case letters, digits and hyphens, and not \"" + Storage.PLATFORM_SCHEMA + "\"");
            }
            List<MigrationScript> scripts = BundleMigrationScripts.of(bundle, BundleMigrationScripts.folderOf(schema));
            try (Connection connection = direct.getConnection()) {
                List<MigrationScript> applied = new MigrationRunner(schema, scripts, Map.of(), clock)
                        .migrate(connection, storage.dialect());
                if (!applied.isEmpty()) {
                    LOG.log(System.Logger.Level.INFO, "Applied {0} migration(s) of schema {1} from {2}",
                            applied.size(), schema, owner);
                }
            }
            problems.remove(owner);
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(Storage.SCHEMA, schema);
            properties.put("participation.database.dialect", storage.dialect().name());
            return context.registerService(Storage.class, storage, properties);
        } catch (SQLException | RuntimeException e) {
            String problem = "Schema " + schema + " of " + owner + " is not available: " + e.getMessage();
            problems.put(owner, problem);
            LOG.log(System.Logger.Level.ERROR, problem, e);
            return null;
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<Storage> registration) {
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<Storage> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework withdrew it already (this bundle is stopping too).
        }
    }
}
