package dev.participation.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import dev.participation.api.account.Accounts;
import dev.participation.api.page.WidgetInstance;
import dev.participation.api.page.WidgetInstances;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The service layer migrates and serves from H2 in a file by default, and from PostgreSQL when
 * configured to, through the same bundles a council installs.
 */
class DatabaseTest {

    private static final String PID = "dev.participation.database";
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin configurationAdmin;

    @InjectService(filter = "(osgi.jdbc.driver.class=org.postgresql.Driver)")
    DataSourceFactory postgresDrivers;

    @Test
    void theEmbeddedDefaultIsH2InAFileUnderTheDataDirectory() throws Exception {
        WidgetInstances instances = Services.current(context, WidgetInstances.class, null, -1);
        String page = "itest-h2-" + UUID.randomUUID();
        WidgetInstance placed = instances.place(page, "introduction", Map.of("heading", "Hello"), "itest");

        assertThat(instances.onPage(page)).extracting(WidgetInstance::id).containsExactly(placed.id());
        assertThat(Services.current(context, Accounts.class, null, -1).hasAdministrator()).isTrue();
        String dataDir = context.getProperty("participation.data.dir");
        assertThat(new java.io.File(dataDir, "participation.mv.db")).exists();
    }

    @Test
    void configuredPostgresqlIsMigratedAndUsed() throws Exception {
        DataSource admin = postgres(null);
        String schema = "itest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
        // Wait for the embedded database to be up first, so the change below is what re-creates it.
        Services.current(context, WidgetInstances.class, null, -1);
        long before = Services.serviceId(context, WidgetInstances.class);
        try {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("url", POSTGRES + "?currentSchema=" + schema);
            properties.put("user", "postgres");
            configuration.update(properties);

            WidgetInstances instances = Services.current(context, WidgetInstances.class, null, before);
            instances.place("itest-pg", "introduction", Map.of("heading", "Hello"), "itest");

            try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT COUNT(*) FROM " + schema + ".widget_instance WHERE page_key = 'itest-pg'"))
                        .isEqualTo(1);
                assertThat(count(s, "SELECT COUNT(*) FROM " + schema + ".schema_version")).isPositive();
                // The first administrator is created in the new database too, so nobody is locked out.
                assertThat(count(s, "SELECT COUNT(*) FROM " + schema + ".account_role WHERE role_name = 'admin'"))
                        .isEqualTo(1);
            }
        } finally {
            long onPostgres = Services.serviceId(context, WidgetInstances.class);
            configuration.delete();
            Services.current(context, WidgetInstances.class, null, onPostgres);
            try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private DataSource postgres(String schema) throws SQLException {
        Properties p = new Properties();
        p.put(DataSourceFactory.JDBC_URL, schema == null ? POSTGRES : POSTGRES + "?currentSchema=" + schema);
        p.put(DataSourceFactory.JDBC_USER, "postgres");
        DataSource ds = postgresDrivers.createDataSource(p);
        try (Connection c = ds.getConnection()) {
            return ds;
        } catch (SQLException e) {
            String how = "PostgreSQL is not reachable at 127.0.0.1:5432 (" + e.getMessage() + "); start it with: "
                    + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";
            if ("true".equals(System.getenv("CI"))) {
                fail(how);
            }
            Assumptions.abort(how);
            return null;
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
