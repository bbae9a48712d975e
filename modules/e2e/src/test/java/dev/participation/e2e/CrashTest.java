package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A change the portal has confirmed survives the process being killed the moment the
 * confirmation arrives: twenty changes made through the real forms (publishing a pledge version
 * after saving its draft, saving a widget's settings, creating an account), each followed at once
 * by SIGKILL, then a start on the same data that must show the change and its audit line. On the
 * embedded H2 and on PostgreSQL.
 */
class CrashTest {

    private static final int CHANGES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    // Chosen rather than read off the first start's banner, so the test does not depend on how a
    // generated password is shown or whether it must be changed at first sign-in.
    private final String adminPassword = "Crash-" + UUID.randomUUID();

    @Test
    void everyConfirmedChangeSurvivesAKillOnTheEmbeddedDatabase() throws Exception {
        crashAfterEachChange(Path.of(System.getProperty("portal.workdir"), "crash-h2-" + System.nanoTime()));
    }

    @Test
    void everyConfirmedChangeSurvivesAKillOnPostgreSQL() throws Exception {
        PostgresDatabases.require();
        String database = PostgresDatabases.create("crash");
        try {
            crashAfterEachChange(Path.of(System.getProperty("portal.workdir"), "crash-pg-" + System.nanoTime()),
                    PostgresDatabases.launchOn(database));
        } finally {
            PostgresDatabases.drop(database);
        }
    }

    private void crashAfterEachChange(Path dir, String... launch) throws Exception {
        chooseAdminPassword(dir);
        Portal portal = Portal.start(dir, launch);
        try {
            assertThat(portal.printedAdminPassword()).as("the administrator's password comes from configs/").isEmpty();
            Visitor admin = signIn(portal);
            Site site = Site.discover(admin);
            List<Change> confirmed = new ArrayList<>();
            // Every loss is collected, not only the first, so a failure says how many were lost.
            List<String> lost = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                Change change = switch (i % 3) {
                    case 0 -> site.publishPledgeVersion(portal, admin, i);
                    case 1 -> site.saveWidgetSettings(admin, i);
                    default -> site.createAccount(admin, i);
                };
                portal.kill();
                confirmed.add(change);

                portal = Portal.start(dir, launch);
                admin = signIn(portal);
                check(change, portal, admin, "after the kill that followed it", lost);
            }
            for (Change change : confirmed) {
                check(change, portal, admin, "at the end", lost);
            }
            assertThat(lost).as("confirmed changes lost to SIGKILL (of " + CHANGES + ")").isEmpty();
        } finally {
            portal.close();
        }
    }

    private static void check(Change change, Portal portal, Visitor admin, String when, List<String> lost) {
        try {
            change.assertKept(portal, admin, audit(admin));
        } catch (AssertionError e) {
            lost.add(change + " " + when + ": " + e.getMessage().strip());
        }
    }

    /** One confirmed change, and how to tell after a restart that it and its audit line are still there. */
    private record Change(String what, Check check) {

        void assertKept(Portal portal, Visitor admin, List<AuditRow> audit) {
            check.assertKept(portal, admin, audit);
        }

        @Override
        public String toString() {
            return what;
        }
    }

    private interface Check {
        void assertKept(Portal portal, Visitor admin, List<AuditRow> audit);
    }

    private record AuditRow(String action, String record, String detail) {
    }

    /** What the demo content put on a fresh portal, and the changes this test makes to it. */
    private static final class Site {

        private final String pledgePath;
        private final String slug;
        private final String principlePath;
        private final String configurePath;
        private final String widgetId;
        private String latestHeading;

        private Site(String pledgePath, String slug, String principlePath, String configurePath) {
            this.pledgePath = pledgePath;
            this.slug = slug;
            this.principlePath = principlePath;
            this.configurePath = configurePath;
            this.widgetId = configurePath.replaceAll(".*configure=", "");
        }

        static Site discover(Visitor admin) {
            Element pledge = admin.page("/intranet/pledges").selectFirst("tbody a[href~=^/intranet/pledges/\\d+$]");
            assertThat(pledge).as("the demo content's pledge is listed").isNotNull();
            String slug = pledge.closest("tr").selectFirst("td").text();
            String principlePath = admin.page(pledge.attr("href")).select("a[href*=/principles/]").stream()
                    .map(a -> a.attr("href")).filter(href -> href.matches(".*/principles/[^/]+$")).findFirst()
                    .orElseThrow(() -> new AssertionError("The demo pledge has no principle to change"));
            Element configure = admin.page("/").selectFirst("main section a[href*=configure=]");
            assertThat(configure).as("an administrator sees Configure on the home page's widgets").isNotNull();
            return new Site(pledge.attr("href"), slug, principlePath, configure.attr("href").replaceAll("#.*", ""));
        }

        /** The editor's change that testers saw lost: a draft saved, then published as the next version. */
        Change publishPledgeVersion(Portal portal, Visitor admin, int n) {
            String promise = "Promise " + n + " " + UUID.randomUUID() + ": we act on what you tell us.";
            int version = json(portal, "/api/pledges/" + slug).path("version").asInt() + 1;
            HttpResponse<String> saved = admin.submit(principlePath, "main form[action$='" + principlePath + "']",
                    Map.of("promise", promise));
            assertThat(saved.statusCode()).as("the draft is saved: " + saved.body()).isEqualTo(303);
            HttpResponse<String> published = admin.submit(pledgePath + "/publish", "main form[method=post]", Map.of());
            assertThat(published.statusCode()).as("the version is published: " + published.body()).isEqualTo(303);
            String pledgeId = pledgePath.substring(pledgePath.lastIndexOf('/') + 1);
            return new Change("change " + n + " (pledge version " + version + ")", (p, visitor, audit) -> {
                // The comparison with the version before shows this version's own wording, so a
                // version number given again to other text is caught too.
                assertThat(visitor.page(pledgePath + "/history?from=" + (version - 1) + "&to=" + version)
                        .select("main").text()).as("version " + version + "'s wording").contains(promise);
                // The detail goes on to name the draft revision published; "version 2" must not match "version 20".
                assertThat(audit).as("the audit line of version " + version).anyMatch(r -> r.action().equals("pledge.publish")
                        && r.record().equals("pledge " + pledgeId)
                        && r.detail().matches("Published version " + version + "\\b.*"));
            });
        }

        Change saveWidgetSettings(Visitor admin, int n) {
            String heading = "Have your say, change " + n;
            long before = widgetSaves(audit(admin));
            Element form = admin.page(configurePath).selectFirst("form[action*=/configure/]");
            assertThat(form).as("the settings form of widget " + widgetId).isNotNull();
            String field = form.selectFirst("input[name$=heading]").attr("name");
            HttpResponse<String> saved = admin.submit(form, Map.of(field, heading));
            assertThat(saved.statusCode()).as("the settings are saved: " + saved.body()).isEqualTo(303);
            latestHeading = heading;
            return new Change("change " + n + " (widget settings)", (portal, visitor, audit) -> {
                // Only the latest heading can still be on the page; every save leaves its audit line.
                if (heading.equals(latestHeading)) {
                    assertThat(new Visitor(portal).page("/").select("main section h2").eachText())
                            .as("the home page's headings").contains(heading);
                }
                assertThat(widgetSaves(audit)).as("audit lines of the widget's saved settings").isGreaterThan(before);
            });
        }

        Change createAccount(Visitor admin, int n) {
            String username = "crash-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> created = admin.submit("/intranet/accounts", "form#account-form", Map.of(
                    "username", username, "displayName", "Worker " + n, "roles", "staff",
                    "password", "Kept-" + UUID.randomUUID()));
            assertThat(created.statusCode()).as("the account is created: " + created.body()).isEqualTo(303);
            return new Change("change " + n + " (account " + username + ")", (portal, visitor, audit) -> {
                assertThat(visitor.page("/intranet/accounts").select("main table").text())
                        .as("the accounts").contains(username);
                assertThat(audit).as("the audit line of account " + username)
                        .anyMatch(r -> r.action().equals("account.create") && r.record().equals("account " + username));
            });
        }

        private long widgetSaves(List<AuditRow> audit) {
            return audit.stream().filter(r -> r.action().equals("widget.configure")
                    && r.record().equals("widget-instance " + widgetId)).count();
        }
    }

    private Visitor signIn(Portal portal) {
        Visitor admin = new Visitor(portal);
        HttpResponse<String> signedIn = admin.signIn("admin", adminPassword);
        assertThat(signedIn.statusCode()).as("the administrator signs in: " + signedIn.body()).isEqualTo(303);
        return admin;
    }

    /** The whole audit log, newest first, following the page's "Older entries" links. */
    private static List<AuditRow> audit(Visitor admin) {
        List<AuditRow> rows = new ArrayList<>();
        String path = "/intranet/audit";
        for (int pages = 0; path != null; pages++) {
            assertThat(pages).as("pages of the audit log").isLessThan(100);
            HttpResponse<String> page = admin.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            Document html = Jsoup.parse(page.body());
            html.select("main table tbody tr").stream().map(row -> row.select("td"))
                    .map(cells -> new AuditRow(cells.get(2).text(), cells.get(3).text(), cells.get(4).text()))
                    .forEach(rows::add);
            Element older = html.selectFirst("main a[rel=next]");
            path = older == null ? null : older.attr("href");
        }
        return rows;
    }

    private static JsonNode json(Portal portal, String path) {
        HttpResponse<String> r = new Visitor(portal).get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(path + " is not JSON: " + r.body(), e);
        }
    }

    /** configs/dev.participation.accounts.config with the hash PasswordHashCommand would print. */
    private void chooseAdminPassword(Path dir) throws IOException, GeneralSecurityException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = 210_000;
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(adminPassword.toCharArray(), salt, iterations, 256)).getEncoded();
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        Path configs = Files.createDirectories(dir.resolve("configs"));
        Files.writeString(configs.resolve("dev.participation.accounts.config"), "adminPasswordHash=\"pbkdf2-sha256$"
                + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash) + "\"\n");
    }
}
