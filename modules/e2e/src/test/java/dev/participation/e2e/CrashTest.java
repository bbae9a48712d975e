package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A change the portal has confirmed survives the process being killed straight after. Three staff
 * change the portal at once through the real forms, each starting the next change as soon as the
 * last is confirmed: one saves a pledge's draft and publishes it as the next version, one saves a
 * widget's settings, one creates accounts. Once each kind has been confirmed twice, SIGKILL comes
 * the moment one of the next few confirmations (chosen at random) arrives, so the other two are
 * caught wherever they are: a post under way, a draft saved but not yet published. A start on the
 * same data must show every change confirmed before the kill, with its audit line. Four kills in
 * one run, so five starts, on the embedded H2 and on PostgreSQL.
 */
class CrashTest {

    private static final int KILLS = 4;
    /** How often each kind of change is confirmed before a kill may come. */
    private static final int EACH_KIND_BEFORE_A_KILL = 2;
    /** The kill follows one of the next this-many-plus-one confirmations, chosen at random. */
    private static final int MOST_CONFIRMATIONS_MORE = 4;
    /** Not a speed test: only a portal that stops confirming changes altogether fails on this. */
    private static final Duration CONFIRMATION_LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    // Chosen rather than read off the first start's banner, so the test does not depend on how a
    // generated password is shown or whether it must be changed at first sign-in.
    private final String adminPassword = "Crash-" + UUID.randomUUID();

    @Test
    void everyConfirmedChangeSurvivesAKillOnTheEmbeddedDatabase() throws Exception {
        crashWhileChanging(Path.of(System.getProperty("portal.workdir"), "crash-h2-" + System.nanoTime()));
    }

    @Test
    void everyConfirmedChangeSurvivesAKillOnPostgreSQL() throws Exception {
        PostgresDatabases.require();
        String database = PostgresDatabases.create("crash");
        try {
            crashWhileChanging(Path.of(System.getProperty("portal.workdir"), "crash-pg-" + System.nanoTime()),
                    PostgresDatabases.launchOn(database));
        } finally {
            PostgresDatabases.drop(database);
        }
    }

    private void crashWhileChanging(Path dir, String... launch) throws Exception {
        chooseAdminPassword(dir);
        Portal portal = Portal.start(dir, launch);
        try {
            assertThat(portal.printedAdminPassword()).as("the administrator's password comes from configs/").isEmpty();
            Visitor admin = signIn(portal);
            Site site = Site.discover(admin, audit(admin));
            List<Change> confirmed = new ArrayList<>();
            // Every loss is collected, not only the first, so a failure says how many were lost.
            List<String> lost = new ArrayList<>();
            for (int kill = 1; kill <= KILLS; kill++) {
                List<Change> beforeThisKill = changeUntilKilled(portal, site);
                confirmed.addAll(beforeThisKill);

                portal = Portal.start(dir, launch);
                admin = signIn(portal);
                List<AuditRow> audit = audit(admin);
                for (Change change : beforeThisKill) {
                    check(change, portal, admin, audit, "after kill " + kill, lost);
                }
            }
            List<AuditRow> audit = audit(admin);
            for (Change change : confirmed) {
                check(change, portal, admin, audit, "at the end", lost);
            }
            assertThat(lost).as("confirmed changes lost to SIGKILL (of " + confirmed.size() + ")").isEmpty();
            assertThat(confirmed).extracting(Change::kind).as("the kinds of change confirmed before the kills")
                    .contains(Kind.values());
        } finally {
            portal.close();
        }
    }

    /**
     * Three staff make changes of their own kind until SIGKILL, which comes straight after a
     * confirmation at a random point once each kind has been confirmed {@link #EACH_KIND_BEFORE_A_KILL}
     * times.
     *
     * @return every change confirmed before the kill
     */
    private List<Change> changeUntilKilled(Portal portal, Site site) throws InterruptedException {
        BlockingQueue<Change> confirmations = new LinkedBlockingQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> staff = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Visitor person = signIn(portal);
            staff.add(new Thread(() -> {
                try {
                    while (!killed.get()) {
                        confirmations.add(site.change(kind, person));
                    }
                } catch (RuntimeException | AssertionError e) {
                    // After the kill, the change under way fails without an answer: that is the point.
                    if (!killed.get()) {
                        failures.add(e);
                    }
                }
            }, "crash-test-" + kind));
        }
        staff.forEach(Thread::start);

        List<Change> confirmed = new ArrayList<>();
        Map<Kind, Integer> confirmedByKind = new EnumMap<>(Kind.class);
        int more = ThreadLocalRandom.current().nextInt(MOST_CONFIRMATIONS_MORE + 1);
        long lastConfirmation = System.nanoTime();
        try {
            while (true) {
                Change change = confirmations.poll(100, TimeUnit.MILLISECONDS);
                if (!failures.isEmpty()) {
                    throw new AssertionError("A change failed before any kill: " + failures.peek(), failures.peek());
                }
                if (change == null) {
                    assertThat(Duration.ofNanos(System.nanoTime() - lastConfirmation))
                            .as("time since a change was last confirmed (is the portal stuck?)").isLessThan(CONFIRMATION_LIMIT);
                    continue;
                }
                lastConfirmation = System.nanoTime();
                confirmed.add(change);
                confirmedByKind.merge(change.kind(), 1, Integer::sum);
                boolean everyKindEnough = Arrays.stream(Kind.values())
                        .allMatch(kind -> confirmedByKind.getOrDefault(kind, 0) >= EACH_KIND_BEFORE_A_KILL);
                if (everyKindEnough && more-- == 0) {
                    break;
                }
            }
        } finally {
            killed.set(true);
            portal.kill();
            for (Thread person : staff) {
                person.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(person.isAlive()).as(person.getName() + " stops once the portal is gone").isFalse();
            }
        }
        // Confirmed before the kill as well (a killed portal answers nothing), only taken after it.
        confirmations.drainTo(confirmed);
        return confirmed;
    }

    private static void check(Change change, Portal portal, Visitor admin, List<AuditRow> audit, String when,
            List<String> lost) {
        try {
            change.assertKept(portal, admin, audit);
        } catch (AssertionError e) {
            lost.add(change + " " + when + ": " + e.getMessage().strip());
        }
    }

    private enum Kind { PLEDGE_VERSION, WIDGET_SETTINGS, ACCOUNT }

    /** One confirmed change, and how to tell after a restart that it and its audit line are still there. */
    private record Change(Kind kind, String what, Check check) {

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

    /**
     * What the demo content put on a fresh portal, and the changes this test makes to it. Each kind
     * of change is made by one person at a time, so what the site remembers about a kind is only
     * ever changed by one thread, and read once that thread has stopped.
     */
    private static final class Site {

        private final String pledgePath;
        private final String slug;
        private final String principlePath;
        private final String configurePath;
        private final String widgetId;
        private final long widgetSavesAtStart;
        private final AtomicInteger changes = new AtomicInteger();
        /** Every heading sent to the widget's settings form, in order, whether or not it was confirmed. */
        private final List<String> headingsSent = new CopyOnWriteArrayList<>();
        private volatile String latestHeading;
        private volatile int widgetSavesConfirmed;

        private Site(String pledgePath, String slug, String principlePath, String configurePath,
                List<AuditRow> audit) {
            this.pledgePath = pledgePath;
            this.slug = slug;
            this.principlePath = principlePath;
            this.configurePath = configurePath;
            this.widgetId = configurePath.replaceAll(".*configure=", "");
            this.widgetSavesAtStart = widgetSaves(audit);
        }

        static Site discover(Visitor admin, List<AuditRow> audit) {
            Element pledge = admin.page("/intranet/pledges").selectFirst("tbody a[href~=^/intranet/pledges/\\d+$]");
            assertThat(pledge).as("the demo content's pledge is listed").isNotNull();
            String slug = pledge.closest("tr").selectFirst("td").text();
            String principlePath = admin.page(pledge.attr("href")).select("a[href*=/principles/]").stream()
                    .map(a -> a.attr("href")).filter(href -> href.matches(".*/principles/[^/]+$")).findFirst()
                    .orElseThrow(() -> new AssertionError("The demo pledge has no principle to change"));
            Element configure = admin.page("/").selectFirst("main section a[href*=configure=]");
            assertThat(configure).as("an administrator sees Configure on the home page's widgets").isNotNull();
            return new Site(pledge.attr("href"), slug, principlePath, configure.attr("href").replaceAll("#.*", ""),
                    audit);
        }

        /** Makes one change of the given kind and returns it once the portal has confirmed it. */
        Change change(Kind kind, Visitor person) {
            int n = changes.incrementAndGet();
            return switch (kind) {
                case PLEDGE_VERSION -> publishPledgeVersion(person, n);
                case WIDGET_SETTINGS -> saveWidgetSettings(person, n);
                case ACCOUNT -> createAccount(person, n);
            };
        }

        /** The editor's change that testers saw lost: a draft saved, then published as the next version. */
        private Change publishPledgeVersion(Visitor admin, int n) {
            String promise = "Promise " + n + " " + UUID.randomUUID() + ": we act on what you tell us.";
            int version = json(admin, "/api/pledges/" + slug).path("version").asInt() + 1;
            HttpResponse<String> saved = admin.submit(principlePath, "main form[action$='" + principlePath + "']",
                    Map.of("promise", promise));
            assertThat(saved.statusCode()).as("the draft is saved: " + saved.body()).isEqualTo(303);
            HttpResponse<String> published = admin.submit(pledgePath + "/publish", "main form[method=post]", Map.of());
            assertThat(published.statusCode()).as("the version is published: " + published.body()).isEqualTo(303);
            String pledgeId = pledgePath.substring(pledgePath.lastIndexOf('/') + 1);
            return new Change(Kind.PLEDGE_VERSION, "change " + n + " (pledge version " + version + ")",
                    (p, visitor, audit) -> {
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

        private Change saveWidgetSettings(Visitor admin, int n) {
            String heading = "Have your say, change " + n;
            Element form = admin.page(configurePath).selectFirst("form[action*=/configure/]");
            assertThat(form).as("the settings form of widget " + widgetId).isNotNull();
            String field = form.selectFirst("input[name$=heading]").attr("name");
            headingsSent.add(heading);
            HttpResponse<String> saved = admin.submit(form, Map.of(field, heading));
            assertThat(saved.statusCode()).as("the settings are saved: " + saved.body()).isEqualTo(303);
            latestHeading = heading;
            int savesConfirmed = ++widgetSavesConfirmed;
            return new Change(Kind.WIDGET_SETTINGS, "change " + n + " (widget settings)", (portal, visitor, audit) -> {
                // Only the latest confirmed heading, or one sent after it whose answer the kill cut
                // off, can still be on the page.
                if (heading.equals(latestHeading)) {
                    List<String> sinceThis = headingsSent.subList(headingsSent.indexOf(heading), headingsSent.size());
                    assertThat(new Visitor(portal).page("/").select("main section h2").eachText())
                            .as("the home page's headings (the latest confirmed is " + heading + ")")
                            .containsAnyElementsOf(sinceThis);
                }
                // Every save leaves its audit line: this one is at least the how-manieth since the start.
                assertThat(widgetSaves(audit)).as("audit lines of the widget's saved settings")
                        .isGreaterThanOrEqualTo(widgetSavesAtStart + savesConfirmed);
            });
        }

        private Change createAccount(Visitor admin, int n) {
            String username = "crash-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> created = admin.submit("/intranet/accounts", "form#account-form", Map.of(
                    "username", username, "displayName", "Worker " + n, "roles", "staff",
                    "password", "Kept-" + UUID.randomUUID()));
            assertThat(created.statusCode()).as("the account is created: " + created.body()).isEqualTo(303);
            return new Change(Kind.ACCOUNT, "change " + n + " (account " + username + ")", (portal, visitor, audit) -> {
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

    private static JsonNode json(Visitor visitor, String path) {
        HttpResponse<String> r = visitor.get(path);
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
