package dev.participation.service.internal.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.participation.api.storage.Dialect;
import dev.participation.api.storage.Storage;
import dev.participation.service.internal.storage.migration.BundleMigrationScripts;
import dev.participation.service.internal.storage.migration.MigrationRefusedException;
import dev.participation.service.internal.storage.migration.MigrationRunner;
import dev.participation.service.internal.storage.migration.MigrationScript;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.transaction.control.TransactionControl;
import org.osgi.service.transaction.control.jdbc.JDBCConnectionProvider;
import org.osgi.service.transaction.control.jdbc.JDBCConnectionProviderFactory;

/**
 * Connects to the configured database, migrates the platform's schema, and only then registers the
 * {@link Database} service that the platform's stores reference (also as {@link Storage} with
 * {@code schema=platform}); then the {@link SchemaExtender} migrates and registers each widget
 * bundle's own schema.
 *
 * <p>The service is registered by hand rather than by DS because DS cannot express "registered
 * once the DataSourceFactory that matches the URL is there and the migrations succeeded": the
 * driver is chosen from the URL, and a refused migration must leave no storage service at all.
 * Connection failures are retried in the background; a refused migration is not, as only a person
 * can fix it.
 */
@Component(configurationPid = DatabaseConnector.PID, immediate = true, service = StorageStatus.class)
@Designate(ocd = DatabaseConnector.Config.class)
public final class DatabaseConnector implements StorageStatus {

    public static final String PID = "dev.participation.database";
    static final String DATA_DIR_PROPERTY = "participation.data.dir";
    private static final System.Logger LOG = System.getLogger(DatabaseConnector.class.getName());

    @ObjectClassDefinition(name = "Participation database",
            description = "Where the participation widgets keep their data. Leave the URL empty for the"
                    + " embedded H2 database in a file; use PostgreSQL in production.")
    public @interface Config {

        @AttributeDefinition(name = "JDBC URL", required = false,
                description = "For example jdbc:postgresql://db.example:5432/participation. Empty: H2 in"
                        + " <participation.data.dir>/participation (default folder: data).")
        String url() default "";

        @AttributeDefinition(name = "User", required = false)
        String user() default "";

        @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
        String password() default "";

        @AttributeDefinition(name = "Connection pool size", min = "1", max = "200",
                description = "Most connections open at once from this portal node.")
        int poolSize() default 10;
    }

    @Reference
    private TransactionControl transactions;

    @Reference
    private JDBCConnectionProviderFactory providers;

    @Reference
    private Clock clock;

    private final Map<String, DataSourceFactory> drivers = new HashMap<>();
    private BundleContext context;
    private ScheduledExecutorService connecting;
    private String url;
    private String user;
    private String password;
    private Dialect dialect;
    private Config config;
    private JDBCConnectionProvider provider;
    private ServiceRegistration<?> registration;
    private SchemaExtender schemas;
    private ServiceRegistration<DirectConnections> directRegistration;
    private volatile String problem = "Not connected yet";
    private boolean refused;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(|(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=org.h2.Driver)("
                    + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=org.postgresql.Driver))")
    synchronized void bindDriver(DataSourceFactory factory, Map<String, Object> properties) {
        drivers.put(String.valueOf(properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS)), factory);
        scheduleConnect(0);
    }

    synchronized void unbindDriver(DataSourceFactory factory, Map<String, Object> properties) {
        String driverClass = String.valueOf(properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS));
        if (drivers.remove(driverClass, factory) && dialect != null && driverClass.equals(Drivers.driverClass(dialect))) {
            disconnect();
            problem = "The " + driverClass + " driver bundle went away";
        }
    }

    @Activate
    synchronized void activate(BundleContext context, Config config) {
        this.context = context;
        this.config = config;
        String configured = firstSet(config.url(), setting(context, "participation.database.url"));
        this.url = configured.isBlank() ? defaultUrl(context.getProperty(DATA_DIR_PROPERTY)) : configured.strip();
        this.user = firstSet(config.user(), setting(context, "participation.database.user"));
        this.password = firstSet(config.password(), setting(context, "participation.database.password"));
        this.dialect = Drivers.dialectFor(url);
        this.connecting = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "participation-database-connect");
            thread.setDaemon(true);
            return thread;
        });
        problem = "Waiting for the " + Drivers.driverClass(dialect) + " driver bundle";
        scheduleConnect(0);
    }

    @Deactivate
    synchronized void deactivate() {
        connecting.shutdownNow();
        connecting = null;
        disconnect();
    }

    @Override
    public Optional<String> problem() {
        SchemaExtender extender = schemas;
        return Optional.ofNullable(problem).or(() -> extender == null ? Optional.empty() : extender.problem());
    }

    /**
     * A setting given at launch: a framework or system property ({@code -Dparticipation.database.url=...})
     * or an environment variable ({@code PARTICIPATION_DATABASE_URL}). Unlike a file in configs/,
     * it is there before this component first activates, so a node configured for PostgreSQL never
     * opens (and never creates an administrator in) the embedded H2 database first.
     */
    static String setting(BundleContext context, String name) {
        String value = context.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null ? "" : value;
    }

    private static String firstSet(String configured, String launched) {
        return configured == null || configured.isBlank() ? launched : configured;
    }

    /** H2 refuses paths that are implicitly relative, so the default is made absolute here. */
    static String defaultUrl(String dataDir) {
        Path folder = Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).toAbsolutePath().normalize();
        return "jdbc:h2:file:" + folder.resolve("participation").toString().replace('\\', '/');
    }

    private void scheduleConnect(long delaySeconds) {
        if (connecting != null && !refused) {
            connecting.schedule(this::connect, delaySeconds, TimeUnit.SECONDS);
        }
    }

    private synchronized void connect() {
        if (registration != null || refused || connecting == null) {
            return;
        }
        DataSourceFactory factory = drivers.get(Drivers.driverClass(dialect));
        if (factory == null) {
            // Binding the factory schedules another attempt.
            DriverRewiring.refreshUnwired(context, Drivers.driverPackage(dialect));
            return;
        }
        try {
            Properties jdbc = jdbc(CommitDurability.durableUrl(dialect, url,
                    candidate -> factory.createDataSource(jdbc(candidate)).getConnection()));
            /*
             * The migrating connection stays open until the pool holds its first one: H2 closes an
             * embedded database when its last connection closes, compacting the file first, and
             * the pool would then open it again, which together took about 0.2 s of every start.
             */
            try (Connection migrating = factory.createDataSource(jdbc).getConnection()) {
                migrate(migrating);
                Map<String, Object> pool = new HashMap<>();
                pool.put(JDBCConnectionProviderFactory.CONNECTION_POOLING_ENABLED, true);
                pool.put(JDBCConnectionProviderFactory.MAX_CONNECTIONS, Math.max(1, config.poolSize()));
                pool.put(JDBCConnectionProviderFactory.MIN_CONNECTIONS, 1);
                pool.put(JDBCConnectionProviderFactory.LOCAL_ENLISTMENT_ENABLED, true);
                pool.put(JDBCConnectionProviderFactory.XA_ENLISTMENT_ENABLED, false);
                provider = providers.getProviderFor(factory, jdbc, pool);
            }
            Database database = new TransactionalDatabase(transactions, provider.getResource(transactions), dialect);
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("participation.database.dialect", dialect.name());
            DataSource direct = factory.createDataSource(jdbc);
            directRegistration = context.registerService(DirectConnections.class, () -> direct, properties);
            properties.put(Storage.SCHEMA, Storage.PLATFORM_SCHEMA);
            registration = context.registerService(new String[] {Database.class.getName(), Storage.class.getName()},
                    database, properties);
            problem = null;
            // Widget bundles' schemas come after the platform's, whose tables their scripts may name.
            schemas = new SchemaExtender(context, direct, database, clock);
            schemas.open();
            LOG.log(System.Logger.Level.INFO, "Participation database ready ({0})", safeUrl());
        } catch (MigrationRefusedException e) {
            refused = true;
            problem = e.getMessage();
            LOG.log(System.Logger.Level.ERROR, "The participation storage service will not start. {0}", e.getMessage());
            releaseProvider();
        } catch (SQLException | RuntimeException e) {
            problem = "Cannot use the database at " + safeUrl() + ": " + e.getMessage();
            LOG.log(System.Logger.Level.ERROR, problem + " (retrying in " + Storage.RECONNECT_SECONDS + " s)", e);
            releaseProvider();
            scheduleConnect(Storage.RECONNECT_SECONDS);
        }
    }

    private Properties jdbc(String jdbcUrl) {
        Properties jdbc = new Properties();
        jdbc.setProperty(DataSourceFactory.JDBC_URL, jdbcUrl);
        if (!user.isEmpty()) {
            jdbc.setProperty(DataSourceFactory.JDBC_USER, user);
        }
        if (!password.isEmpty()) {
            jdbc.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        }
        return jdbc;
    }

    private void migrate(Connection connection) throws SQLException {
        List<MigrationScript> scripts = BundleMigrationScripts.of(context.getBundle());
        H2Batching batching = H2Batching.start(connection, dialect);
        List<MigrationScript> applied;
        try {
            applied = new MigrationRunner(Storage.PLATFORM_SCHEMA, scripts,
                    BundleMigrationScripts.movedAway(context.getBundle()), clock).migrate(connection, dialect);
            SchemaExtender.migrateInstalled(context, connection, dialect, clock);
        } finally {
            batching.end();
        }
        if (!applied.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Applied {0} database migration(s)", applied.size());
        }
    }

    private void disconnect() {
        if (schemas != null) {
            schemas.close();
            schemas = null;
        }
        if (directRegistration != null) {
            directRegistration.unregister();
            directRegistration = null;
        }
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        releaseProvider();
    }

    private void releaseProvider() {
        if (provider != null) {
            providers.releaseProvider(provider);
            provider = null;
        }
    }

    /** The URL may carry a password as a parameter; logs and health pages get it without them. */
    private String safeUrl() {
        return url.replaceAll("[?;].*", "");
    }
}
