package dev.participation.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import dev.participation.pledge.api.Audience;
import dev.participation.pledge.api.Evidence;
import dev.participation.pledge.api.PledgeContent;
import dev.participation.pledge.api.PledgeDraft;
import dev.participation.pledge.api.PledgeVersion;
import dev.participation.pledge.api.Pledges;
import dev.participation.api.storage.Storage;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The pledge bundle's own schema in the real runtime: the service bundle's extender migrates it
 * and only then registers its storage, and a database made by the previous release starts with
 * every pledge.
 */
class PledgeSchemaTest {

    private static final String PID = "dev.participation.database";

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ConfigurationAdmin configurationAdmin;

    @InjectService(filter = "(osgi.jdbc.driver.class=org.h2.Driver)")
    DataSourceFactory h2;

    @Test
    void thePledgeStorageAppearsOnlyWithItsSchemaMigrated() throws Exception {
        Storage storage = Services.current(context, Storage.class, "(schema=pledge)", -1);

        long recorded = storage.read(connection -> count(connection,
                "SELECT COUNT(*) FROM schema_history WHERE schema_name = 'pledge'"));
        assertThat(recorded).isEqualTo(2);
        Pledges pledges = Services.current(context, Pledges.class, null, -1);
        String slug = "itest-" + UUID.randomUUID().toString().substring(0, 8);
        PledgeDraft draft = pledges.create(slug, new PledgeContent("A pledge made in the framework", Audience.EVERYONE,
                "", "", List.of(), List.of()), "itest");
        assertThat(pledges.draft(draft.id())).isPresent();
    }

    @Test
    void aDatabaseMadeByThePreviousReleaseStartsWithEveryPledge() throws Exception {
        Path folder = Files.createTempDirectory(Path.of(context.getProperty("participation.data.dir")), "previous");
        String url = "jdbc:h2:file:" + folder.resolve("participation").toString().replace('\\', '/');
        loadPreviousRelease(url);
        Configuration configuration = configurationAdmin.getConfiguration(PID, "?");
        Services.current(context, Pledges.class, null, -1);
        long before = Services.serviceId(context, Pledges.class);
        try {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("url", url);
            configuration.update(properties);

            Pledges pledges = Services.current(context, Pledges.class, null, before);
            assertThat(pledges.drafts()).extracting(PledgeDraft::slug).containsExactly(
                    "our-promise-to-children-and-young-people", "our-charter-for-parents-and-carers",
                    "families-promise", "draft-only");
            assertThat(pledges.history(3)).extracting(PledgeVersion::version).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(pledges.evidence(3, "answer")).extracting(Evidence::approvedBy).containsExactly("", "editor1");

            PledgeDraft draft = pledges.draft(3).orElseThrow();
            PledgeVersion fourth = pledges.publish(3, draft.revision(), "editor2");
            assertThat(fourth.version()).isEqualTo(4);
            assertThat(pledges.addEvidence(3, "explain", LocalDate.of(2026, 3, 1), "Letters reviewed", "", "editor2",
                    true).id()).isGreaterThan(3);
        } finally {
            long upgraded = Services.serviceId(context, Pledges.class);
            configuration.delete();
            Services.current(context, Pledges.class, null, upgraded);
        }
    }

    /** Loads release 6adc985's database (H2 SCRIPT output) into a new H2 file, then closes it. */
    private void loadPreviousRelease(String url) throws Exception {
        Properties jdbc = new Properties();
        jdbc.put(DataSourceFactory.JDBC_URL, url);
        DataSource dataSource = h2.createDataSource(jdbc);
        String script = context.getProperty("participation.itest.previous.release").replace('\\', '/');
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM '" + script + "'");
            statement.execute("SHUTDOWN");
        }
    }

    private static long count(Connection connection, String sql) throws java.sql.SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
