package dev.participation.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.page.WidgetInstanceStore;
import dev.participation.service.internal.storage.CommitDurability;
import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Dialect;
import dev.participation.service.internal.storage.TransactionalDatabase;
import dev.participation.service.internal.storage.migration.MigrationRunner;

import org.apache.aries.tx.control.jdbc.common.impl.AbstractJDBCConnectionProvider;
import org.apache.aries.tx.control.jdbc.local.impl.JDBCConnectionProviderFactoryImpl;
import org.apache.aries.tx.control.service.local.impl.TransactionControlImpl;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.osgi.service.transaction.control.jdbc.JDBCConnectionProviderFactory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a confirmed change costs: writes per second through the service's stores, Aries
 * Transaction Control and the pooled provider, on a database that keeps commits in memory for a
 * while and on one that has each commit on disk before it returns (what the portal uses).
 *
 * <ul>
 * <li>{@code h2-write-delay}: an H2 file with H2's own default, {@code WRITE_DELAY=500}, the URL the
 * portal used before; a kill loses up to half a second of confirmed changes.</li>
 * <li>{@code h2-durable}: the same file URL as the portal now builds it ({@link CommitDurability#h2Url}).</li>
 * <li>{@code postgresql-async}: a fresh schema in PostgreSQL's {@code test} database with {@code
 * synchronous_commit=off}, what a server set up that way would give.</li>
 * <li>{@code postgresql-durable}: the same with {@code synchronous_commit=on}, what the portal insists on.</li>
 * </ul>
 *
 * The PostgreSQL rows need the server at {@code 127.0.0.1:5432} (or {@code
 * PARTICIPATION_TEST_POSTGRES_URL}) that the tests use; without it their setup fails and JMH moves on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DurabilityBenchmarks {

    private static final String POSTGRES_URL = System.getenv().getOrDefault("PARTICIPATION_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");

    @Param({"h2-write-delay", "h2-durable", "postgresql-async", "postgresql-durable"})
    public String database;

    private Path folder;
    private String schema;
    private DataSource dataSource;
    private AbstractJDBCConnectionProvider provider;
    private AuditLogStore audit;
    private WidgetInstanceStore widgets;
    private String widgetId;
    private long saves;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Clock clock = Clock.systemUTC();
        Dialect dialect = database.startsWith("h2") ? Dialect.H2 : Dialect.POSTGRESQL;
        dataSource = dialect == Dialect.H2 ? h2() : postgres();
        try (Connection connection = dataSource.getConnection()) {
            new MigrationRunner(ServiceBenchmarks.shippedScripts(), clock).migrate(connection, dialect);
        }
        Map<String, Object> pool = new HashMap<>();
        pool.put(JDBCConnectionProviderFactory.CONNECTION_POOLING_ENABLED, true);
        pool.put(JDBCConnectionProviderFactory.MAX_CONNECTIONS, 10);
        pool.put(JDBCConnectionProviderFactory.MIN_CONNECTIONS, 1);
        provider = new JDBCConnectionProviderFactoryImpl().getProviderFor(dataSource, pool);
        TransactionControlImpl transactions = new TransactionControlImpl();
        Database db = new TransactionalDatabase(transactions, provider.getResource(transactions), dialect);
        audit = new AuditLogStore(db, clock);
        widgets = new WidgetInstanceStore(db, audit, clock);
        widgetId = widgets.place("home", "introduction", Map.of("heading", "Have your say",
                "text", "We want to hear from you.", "headingLevel", "2"), "bench").id();
    }

    private DataSource h2() throws IOException {
        folder = Files.createTempDirectory("durability-bench");
        String file = "jdbc:h2:file:" + folder.resolve("participation").toAbsolutePath().toString().replace('\\', '/');
        JdbcDataSource h2 = new JdbcDataSource();
        // Named explicitly: H2 keeps WRITE_DELAY in the database, so the default is set rather than assumed.
        h2.setURL(database.equals("h2-durable") ? CommitDurability.h2Url(file) : file + ";WRITE_DELAY=500");
        h2.setUser("sa");
        return h2;
    }

    private DataSource postgres() throws SQLException {
        schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        admin("CREATE SCHEMA " + schema);
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + "&options=-c%20synchronous_commit%3D" + (database.equals("postgresql-durable") ? "on" : "off"));
        postgres.setUser("postgres");
        return postgres;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        provider.close();
        if (schema != null) {
            admin("DROP SCHEMA " + schema + " CASCADE");
        }
        if (folder != null) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** An editor saves a widget's settings: the preferences replaced, the instance touched, one audit line. */
    @Benchmark
    public Object widgetSettingsSave() {
        return widgets.configure(widgetId, Map.of("heading", "Have your say " + (saves++ % 2),
                "text", "We want to hear from you.", "headingLevel", "2"), "bench");
    }

    /** One audit line in its own transaction, the smallest confirmed change. */
    @Benchmark
    public void auditAppend() {
        audit.record("bench", "bench.write", "bench", "1", "One line");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
