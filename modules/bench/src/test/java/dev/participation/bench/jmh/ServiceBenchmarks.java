package dev.participation.bench.jmh;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.participation.api.page.WidgetInstance;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.page.WidgetInstanceStore;
import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Dialect;
import dev.participation.service.internal.storage.TransactionalDatabase;
import dev.participation.service.internal.storage.migration.MigrationRunner;
import dev.participation.service.internal.storage.migration.MigrationScript;

import org.apache.aries.tx.control.jdbc.common.impl.AbstractJDBCConnectionProvider;
import org.apache.aries.tx.control.jdbc.local.impl.JDBCConnectionProviderFactoryImpl;
import org.apache.aries.tx.control.service.local.impl.TransactionControlImpl;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.osgi.service.transaction.control.jdbc.JDBCConnectionProviderFactory;

/**
 * Service level: reading the widget instances placed on a page through the service's
 * {@link WidgetInstanceStore}, on an in-memory H2 migrated with the service's own scripts, with
 * the real Aries Transaction Control and pooled JDBC provider wired as the service's tests wire
 * them. {@link #selectOne()} is the same stack doing the least possible query, for a
 * database-level reference beside the StringBuilder baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ServiceBenchmarks {

    /** Widgets on the page that is read; other pages hold widgets too, so the index matters. */
    private static final int WIDGETS_ON_PAGE = 6;
    private static final int OTHER_PAGES = 50;

    private JdbcDataSource h2;
    private AbstractJDBCConnectionProvider provider;
    private Database database;
    private WidgetInstanceStore widgets;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Clock clock = Clock.systemUTC();
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        try (Connection connection = h2.getConnection()) {
            new MigrationRunner(shippedScripts(), clock).migrate(connection, Dialect.H2);
        }
        Map<String, Object> pool = new HashMap<>();
        pool.put(JDBCConnectionProviderFactory.CONNECTION_POOLING_ENABLED, true);
        pool.put(JDBCConnectionProviderFactory.MAX_CONNECTIONS, 10);
        pool.put(JDBCConnectionProviderFactory.MIN_CONNECTIONS, 1);
        provider = new JDBCConnectionProviderFactoryImpl().getProviderFor((javax.sql.DataSource) h2, pool);
        TransactionControlImpl transactions = new TransactionControlImpl();
        database = new TransactionalDatabase(transactions, provider.getResource(transactions), Dialect.H2);
        AuditLogStore audit = new AuditLogStore(database, clock);
        widgets = new WidgetInstanceStore(database, audit, clock);

        for (int i = 0; i < WIDGETS_ON_PAGE; i++) {
            widgets.place("home", i == 0 ? "introduction" : "pledge", Map.of("heading", "Have your say " + i,
                    "text", "We want to hear from you.\n\nRead the plan.", "headingLevel", "2"), "bench");
        }
        for (int p = 0; p < OTHER_PAGES; p++) {
            for (int i = 0; i < 4; i++) {
                widgets.place("page-" + p, "events", Map.of("count", Integer.toString(i + 1)), "bench");
            }
        }
        if (widgetsOnPage().size() != WIDGETS_ON_PAGE || selectOne() != 1) {
            throw new IllegalStateException("The benchmark database is not as set up");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        provider.close();
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    /** The home page's six widget instances with their preferences, in page order. */
    @Benchmark
    public List<WidgetInstance> widgetsOnPage() {
        return widgets.onPage("home");
    }

    /** {@code SELECT 1} through the same Transaction Control and connection pool. */
    @Benchmark
    public int selectOne() {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /** The migration scripts shipped in the service bundle, read from its jar or classes folder. */
    static List<MigrationScript> shippedScripts() throws IOException, URISyntaxException {
        ClassLoader loader = WidgetInstanceStore.class.getClassLoader();
        Path location = Path.of(WidgetInstanceStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve("db/migration"))) {
                files.forEach(f -> names.add("db/migration/" + f.getFileName()));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    String name = e.nextElement().getName();
                    if (name.startsWith("db/migration/") && !name.endsWith("/")) {
                        names.add(name);
                    }
                }
            }
        }
        List<MigrationScript> scripts = new ArrayList<>();
        for (String name : names) {
            if (MigrationScript.isScriptName(name.substring(name.lastIndexOf('/') + 1))) {
                URL url = loader.getResource(name);
                scripts.add(MigrationScript.load(url));
            }
        }
        if (scripts.isEmpty()) {
            throw new IllegalStateException("No migration scripts found in " + location);
        }
        return scripts;
    }
}
