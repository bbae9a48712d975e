package dev.participation.liferay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.portlet.Portlet;

import dev.participation.testing.db.DatabaseKind;
import dev.participation.testing.db.TestDatabases;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A Liferay administrator deploys exactly the bundles the README lists, in its order or the
 * reverse, into the OSGi framework Liferay 7.4 embeds: every bundle starts, every component is
 * satisfied, each widget and each staff page is a portlet Liferay's portlet tracker would take, a
 * widget renders the published pledge to a visitor, and the authoring portlet shows an editor its
 * first screen.
 */
class LiferayLaunchTest {

    private static final Path ROOT = Path.of(System.getProperty("participation.root", "../..")).toAbsolutePath().normalize();
    private static final Path LOCAL_REPOSITORY = Path.of(System.getProperty("participation.localRepository",
            System.getProperty("user.home") + "/.m2/repository"));
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final String WIDGET = "dev.participation.api.widget.Widget";
    private static final String WIDGET_KEY = "dev.participation.widget.key";
    private static final String STAFF_PAGE = "dev.participation.api.widget.StaffPage";
    private static final String STAFF_PAGE_KEY = "dev.participation.staff.page";

    enum DeployOrder { README, REVERSE }

    @TempDir
    Path storage;

    private TestDatabases.Empty database;
    private LiferayFramework liferay;

    @BeforeEach
    void freshSchema() {
        database = TestDatabases.create(DatabaseKind.POSTGRESQL);
    }

    @AfterEach
    void stop() throws Exception {
        if (liferay != null) {
            liferay.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @ParameterizedTest
    @EnumSource(DeployOrder.class)
    void theReadmesBundlesStartInLiferay74AndTheirWidgetsRenderAsPortlets(DeployOrder order) throws Exception {
        List<DeployList.Entry> deploy = new ArrayList<>(DeployList.read(ROOT, LOCAL_REPOSITORY));
        if (order == DeployOrder.REVERSE) {
            Collections.reverse(deploy);
        }
        liferay = LiferayFramework.start(storage.resolve("osgi"), LOCAL_REPOSITORY);
        // As the README's osgi/configs files would set them before anything is deployed.
        liferay.configure("dev.participation.database", Map.of(
                "url", ((PGSimpleDataSource) database.dataSource()).getUrl(), "user", "postgres"));
        liferay.configure("dev.participation.demo", Map.of("enabled", true));

        Map<DeployList.Entry, Bundle> deployed = new LinkedHashMap<>();
        for (DeployList.Entry entry : deploy) {
            deployed.put(entry, liferay.deploy(entry.jar()));
        }

        // A bundle the service layer refreshes (a driver deployed too early) is briefly restarting.
        LiferayFramework.await(() -> notStarted(deployed), SETTLE);
        assertThat(notStarted(deployed)).as("bundles deployed in %s order", order).isEmpty();

        String readme = Files.readString(ROOT.resolve("README.md"));
        LiferayFramework.await(() -> Components.problems(liferay, readme::contains), SETTLE);
        assertThat(Components.problems(liferay, readme::contains)).as("components not satisfied").isEmpty();

        // The adapter registers a widget's portlet when it binds the widget, after both have started.
        LiferayFramework.await(() -> {
            try {
                return widgetPortlets().keySet().equals(new TreeSet<>(widgetKeys())) ? List.of() : List.of("waiting");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, SETTLE);
        Map<String, ServiceReference<Portlet>> widgetPortlets = widgetPortlets();
        assertThat(widgetPortlets.keySet()).as("one portlet per widget").containsExactlyElementsOf(widgetKeys());
        assertThat(widgetPortlets).isNotEmpty();
        for (ServiceReference<Portlet> portlet : widgetPortlets.values()) {
            // Liferay keys placed portlets by this name: it must not change between releases.
            assertThat(portlet.getProperty("javax.portlet.name"))
                    .isEqualTo("dev_participation_" + String.valueOf(portlet.getProperty(WIDGET_KEY)).replace('-', '_'));
            assertThat(String.valueOf(portlet.getProperty("javax.portlet.display-name"))).isNotBlank();
            assertThat(String.valueOf(portlet.getProperty("com.liferay.portlet.display-category"))).isNotBlank();
            assertThat(portlet.getProperty("com.liferay.portlet.instanceable")).isEqualTo("true");
        }

        String published = publishedPledgeTitle();
        ServiceReference<Portlet> pledge = widgetPortlets.get("pledge");
        String html = new PortletWindow(liferay.context().getService(pledge), String.valueOf(pledge.getProperty("javax.portlet.name"))).render();
        assertThat(Jsoup.parseBodyFragment(html).text()).contains(published);
        assertGroupDirectoryRendersAsAPortlet(widgetPortlets.get("groups"));
        assertEventsRenderAsAPortlet(widgetPortlets.get("events"));

        assertStaffPagesArePortlets(published);

        // People come from Liferay: no local administrator is made, so no password is printed either.
        try (java.sql.Connection connection = database.dataSource().getConnection();
                java.sql.ResultSet accounts = connection.createStatement().executeQuery("SELECT COUNT(*) FROM account")) {
            accounts.next();
            assertThat(accounts.getLong(1)).as("local accounts in Liferay").isZero();
        }
    }

    /**
     * One portlet per staff page, with Liferay's properties; each shows its first screen to someone
     * holding a mapped Liferay role (the default "Administrator" mapping) and not to a guest, and
     * the pledge authoring page lists the published pledge.
     */
    private void assertStaffPagesArePortlets(String publishedPledge) throws Exception {
        List<String> pageKeys = new ArrayList<>();
        for (ServiceReference<?> page : liferay.services(STAFF_PAGE)) {
            pageKeys.add((String) liferay.call(page, STAFF_PAGE, liferay.context().getService(page), "key", new Class<?>[0]));
        }
        LiferayFramework.await(() -> staffPortlets().keySet().equals(new TreeSet<>(pageKeys)) ? List.of() : List.of("waiting"), SETTLE);
        Map<String, ServiceReference<Portlet>> staffPortlets = staffPortlets();
        assertThat(staffPortlets.keySet()).as("one portlet per staff page").containsExactlyElementsOf(new TreeSet<>(pageKeys));
        assertThat(staffPortlets).containsKey("pledges");
        for (Map.Entry<String, ServiceReference<Portlet>> entry : staffPortlets.entrySet()) {
            ServiceReference<Portlet> reference = entry.getValue();
            String name = String.valueOf(reference.getProperty("javax.portlet.name"));
            assertThat(name).isEqualTo("dev_participation_staff_" + entry.getKey().replace('-', '_'));
            assertThat(String.valueOf(reference.getProperty("javax.portlet.display-name"))).isNotBlank();
            assertThat(String.valueOf(reference.getProperty("com.liferay.portlet.display-category"))).isNotBlank();

            Portlet portlet = liferay.context().getService(reference);
            String guest = Jsoup.parseBodyFragment(new PortletWindow(portlet, name).render()).text();
            String administrator = Jsoup.parseBodyFragment(new PortletWindow(portlet, name)
                    .signedIn("20123", Set.of("Administrator")).render()).text();
            assertThat(administrator).as("staff page %s for an administrator", entry.getKey()).isNotBlank().isNotEqualTo(guest);
            if (entry.getKey().equals("pledges")) {
                assertThat(administrator).contains(publishedPledge);
                assertThat(guest).doesNotContain(publishedPledge);
            }
            if (entry.getKey().startsWith("events")) {
                // The staff's sessions with their places, and the editors' list of events.
                assertThat(administrator).as("staff page %s", entry.getKey()).contains("Summer Activity Week");
                assertThat(guest).doesNotContain("Summer Activity Week");
            }
            if (entry.getKey().equals("groups") || entry.getKey().equals("join-requests")) {
                // The editors' list of groups and the staff's groups to answer requests for.
                assertThat(administrator).as("staff page %s", entry.getKey()).contains("Youth Cabinet");
                assertThat(guest).doesNotContain("Youth Cabinet");
            }
        }
    }

    private Map<String, ServiceReference<Portlet>> staffPortlets() {
        Map<String, ServiceReference<Portlet>> portlets = new TreeMap<>();
        try {
            for (ServiceReference<Portlet> reference : liferay.context().getServiceReferences(Portlet.class, "(" + STAFF_PAGE_KEY + "=*)")) {
                ServiceReference<Portlet> previous = portlets.put(String.valueOf(reference.getProperty(STAFF_PAGE_KEY)), reference);
                assertThat(previous).as("a second portlet for staff page %s", reference.getProperty(STAFF_PAGE_KEY)).isNull();
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return portlets;
    }

    private List<String> notStarted(Map<DeployList.Entry, Bundle> deployed) {
        return deployed.entrySet().stream()
                .filter(e -> e.getValue().getState() != Bundle.ACTIVE)
                .map(e -> e.getKey() + " (" + e.getValue().getSymbolicName() + ") did not start: " + liferay.problem(e.getValue()))
                .toList();
    }

    /** The widget portlets the adapter registered, by widget key. */
    private Map<String, ServiceReference<Portlet>> widgetPortlets() throws Exception {
        Map<String, ServiceReference<Portlet>> portlets = new TreeMap<>();
        for (ServiceReference<Portlet> reference : liferay.context().getServiceReferences(Portlet.class, "(" + WIDGET_KEY + "=*)")) {
            if (reference.getBundle() == null) {
                continue;
            }
            ServiceReference<Portlet> previous = portlets.put(String.valueOf(reference.getProperty(WIDGET_KEY)), reference);
            assertThat(previous).as("a second portlet for widget %s", reference.getProperty(WIDGET_KEY)).isNull();
        }
        return portlets;
    }

    /**
     * The group directory shows the demo groups to a visitor, and its filter form is a GET form
     * whose render URL's parameters travel as hidden fields (a browser drops an action's query),
     * with the portlet's namespace on each field.
     */
    private void assertGroupDirectoryRendersAsAPortlet(ServiceReference<Portlet> groups) throws Exception {
        assertThat(groups).as("the groups portlet").isNotNull();
        String name = String.valueOf(groups.getProperty("javax.portlet.name"));
        PortletWindow window = new PortletWindow(liferay.context().getService(groups), name);
        org.jsoup.nodes.Document page = renderOnceShowing(window, "Youth Cabinet");
        assertThat(page.text()).contains("Youth Cabinet", "Care Leavers Forum", "10 groups found");
        org.jsoup.nodes.Element form = page.selectFirst("form[method=get]");
        assertThat(form).as("the directory's filter form").isNotNull();
        assertThat(form.attr("action")).isEqualTo("https://council.example/web/guest/home");
        assertThat(form.select("input[type=hidden][name=p_p_lifecycle]").val()).isEqualTo("render");
        assertThat(form.select("input[name=_" + name + "_INSTANCE_a1_age]")).hasSize(1);
    }

    /**
     * The events widget lists the demo events with their places to a visitor, and its filter form
     * is a GET form carrying the render URL's parameters, like the group directory's.
     */
    private void assertEventsRenderAsAPortlet(ServiceReference<Portlet> events) throws Exception {
        assertThat(events).as("the events portlet").isNotNull();
        String name = String.valueOf(events.getProperty("javax.portlet.name"));
        PortletWindow window = new PortletWindow(liferay.context().getService(events), name);
        org.jsoup.nodes.Document page = renderOnceShowing(window, "Summer Activity Week");
        assertThat(page.text()).contains("Summer Activity Week", "Have your say on play spaces");
        assertThat(page.text()).containsPattern("\\d+ places? left");
        org.jsoup.nodes.Element form = page.selectFirst("form[method=get]");
        assertThat(form).as("the events' filter form").isNotNull();
        assertThat(form.select("input[type=hidden][name=p_p_lifecycle]").val()).isEqualTo("render");
        assertThat(page.html()).as("no online link in public HTML").doesNotContain("meet.example.org");
    }

    /**
     * The portlet's view once it shows {@code text}, or as it is when {@link #SETTLE} runs out: the
     * demo content a view shows is installed just after the bundles start.
     */
    private static org.jsoup.nodes.Document renderOnceShowing(PortletWindow window, String text) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        org.jsoup.nodes.Document page = Jsoup.parseBodyFragment(window.render());
        while (!page.text().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            page = Jsoup.parseBodyFragment(window.render());
        }
        return page;
    }

    /** The keys of every widget type the deployed bundles provide, read from the widgets themselves. */
    private List<String> widgetKeys() throws Exception {
        List<String> keys = new ArrayList<>();
        for (ServiceReference<?> widget : liferay.services(WIDGET)) {
            Object type = liferay.call(widget, WIDGET, liferay.context().getService(widget), "type", new Class<?>[0]);
            keys.add((String) liferay.call(widget, "dev.participation.api.widget.WidgetType", type, "key", new Class<?>[0]));
        }
        return keys.stream().sorted().collect(Collectors.toList());
    }

    /** The title of the pledge demo content published, as the pledge bundle's own API reports it. */
    private String publishedPledgeTitle() throws Exception {
        String pledges = "dev.participation.pledge.api.Pledges";
        List<?> published = List.of();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        ServiceReference<?> reference = null;
        while (published.isEmpty() && System.nanoTime() < deadline) {
            List<ServiceReference<?>> found = liferay.services(pledges);
            if (!found.isEmpty()) {
                reference = found.get(0);
                published = (List<?>) liferay.call(reference, pledges, liferay.context().getService(reference), "published", new Class<?>[0]);
            }
            if (published.isEmpty()) {
                Thread.sleep(200);
            }
        }
        assertThat(published).as("pledges published by the demo content").isNotEmpty();
        Object content = published.get(0).getClass().getMethod("content").invoke(published.get(0));
        return (String) content.getClass().getMethod("title").invoke(content);
    }
}
