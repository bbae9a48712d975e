package dev.participation.bench.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A rush of sign-ups through the public form of a running portal, as the figure asks: an
 * editor publishes an event whose one session has places for half the rush, then {@code
 * bench.signups} (5,000) people who have each drawn the form send it, {@code bench.connections}
 * (16) at a time, as fast as the portal answers. Prints sign-ups per second, the latency of the
 * sending (median, 99th percentile, worst), errors, and how the session stands afterwards (places
 * plus waiting must equal the rush). The trivial servlet is measured with the same client and
 * connections first, so the sign-up rate can be read beside it. Before the timed rush, an untimed one
 * of {@code bench.warmups} (as many again) signs up to another event, so the sign-up path is measured
 * compiled, as every other path of the benchmark is.
 *
 * <p>The forms are drawn and filled in here, in Java; the timed sending is done by wrk (which must be
 * on the PATH), so the client takes little of the machine the portal is measured on.
 *
 * <p>Runs on H2 (the embedded default) and on PostgreSQL ({@code bench.database}: {@code h2},
 * {@code postgres} or {@code both}; PostgreSQL at {@code PARTICIPATION_TEST_POSTGRES_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, in a database made for the run and dropped after).
 * The bot protection stays on: each person posts from an address of their own (through {@code
 * X-Forwarded-For}, the portal trusting the benchmark as its proxy), so each post pays for its
 * address's count in the database, as in a real rush. The address limit keeps its default; the
 * overall limit is raised above the rush, and the minimum fill time is 0 because a program fills
 * forms faster than people.
 *
 * <p>{@code mvn -q -pl modules/bench exec:java@signups [-Dbench.signups=5000 -Dbench.database=both]};
 * {@code bench.jvmArgs} adds options to the portal's JVM (a JFR recording, say).
 */
public final class SignUpRush {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"");
    private static final Pattern SESSION_LINK = Pattern.compile("href=\"(/events\\?[^\"]*session=(\\d+)[^\"]*)\"");
    private static final Pattern NAMESPACE_OF_TITLE = Pattern.compile("name=\"([^\"]*)title\"");
    private static final ZoneId COUNCIL = ZoneId.of("Europe/London");
    private static final String POSTGRES_URL = System.getenv().getOrDefault("PARTICIPATION_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");

    private final Path jar = Path.of(System.getProperty("bench.jar", "target/bench.jar")).toAbsolutePath();
    private final int signUps = Integer.getInteger("bench.signups", 5000);
    private final int connections = Integer.getInteger("bench.connections", 16);
    private final int warmUps = Integer.getInteger("bench.warmups", signUps);
    private final String adminPassword = "Bench-" + UUID.randomUUID();

    private SignUpRush() {
    }

    public static void main(String[] args) throws Exception {
        String database = System.getProperty("bench.database", "both");
        SignUpRush rush = new SignUpRush();
        if (!database.equals("postgres")) {
            rush.run("H2", List.of());
        }
        if (!database.equals("h2")) {
            String name = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            postgres("CREATE DATABASE " + name);
            try {
                rush.run("PostgreSQL", List.of("-Dparticipation.database.url=" + POSTGRES_URL.replaceAll(
                        "/[^/?]*(\\?.*)?$", "/" + name), "-Dparticipation.database.user=postgres"));
            } finally {
                postgres("DROP DATABASE " + name + " WITH (FORCE)");
            }
        }
    }

    private void run(String label, List<String> launch) throws Exception {
        Path work = Files.createTempDirectory("participation-signups-");
        Path configs = Files.createDirectories(work.resolve("configs"));
        Files.writeString(configs.resolve("dev.participation.protection.config"),
                "minimumFillSeconds=I\"0\"\npostsOverall=I\"1000000\"\n");
        Files.writeString(configs.resolve("dev.participation.host.config"), "trustedProxies=[\"127.0.0.1\"]\n");
        Files.writeString(configs.resolve("dev.participation.accounts.config"), "adminPasswordHash=\"" + hash() + "\"\n");
        int port = HttpBench.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.osgi.service.http.port=" + port, "-Dorg.apache.felix.http.host=127.0.0.1"));
        command.addAll(launch);
        String jvm = System.getProperty("bench.jvmArgs", "").strip();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        Path log = work.resolve("portal.log");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        String base = "http://127.0.0.1:" + port;
        try {
            awaitHealthy(process, base, log);
            Browser admin = new Browser(base);
            admin.signIn(adminPassword);
            Rush warmUp = admin.publishRushEvent("bench-warm-up", Math.max(1, warmUps / 2));
            Rush event = admin.publishRushEvent("bench-rush", Math.max(1, signUps / 2));
            long session = event.session();

            List<Browser> people = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                people.add(new Browser(base));
            }
            Path wrk = HttpBench.findOnPath("wrk");
            if (wrk == null) {
                throw new IllegalStateException("The rush is sent with wrk, which is not on the PATH (apt-get install wrk)");
            }
            HttpBench.WrkClient client = new HttpBench.WrkClient(wrk, false);
            // The first run warms the JIT up; the second is the baseline.
            client.run(base, HttpBench.BASELINE, "trivial", connections, connections, Duration.ofSeconds(5));
            HttpBench.Result trivial = client.run(base, HttpBench.BASELINE, "trivial", connections, connections,
                    Duration.ofSeconds(5));

            // A rush on another event first, from other addresses, untimed: the sign-up path is then
            // compiled, as in a portal that has been taking sign-ups, and the compiler does not take
            // the measured rush's CPU (on 2 cores it took a third of it). Every other path of the
            // benchmark is warmed up before it is measured too.
            if (warmUps > 0) {
                WrkOnce.Sent warm = rush(wrk, base, people, warmUp.formPath(), signUps, warmUps);
                // Shown too: the first rush after a start is what a portal restarted just before one meets.
                System.out.printf(Locale.ROOT, "%n%s warm-up rush (the first after the start, compiling as it goes): %d sent,"
                        + " %.0f per second, p50 %.1f ms, p99 %.1f ms, %d errors%n", label, warm.answers(),
                        warm.answers() / warm.seconds(), warm.p50Micros() / 1e3, warm.p99Micros() / 1e3, warm.unexpected());
            }
            WrkOnce.Sent sent = rush(wrk, base, people, event.formPath(), 0, signUps);
            String standing = admin.sessionStanding(session);

            System.out.printf(Locale.ROOT, "%n%s: %d sign-ups through the public form, %d connections, sent by wrk"
                    + " (after an untimed warm-up rush of %d on another event)%n", label, sent.answers(), connections, warmUps);
            System.out.printf(Locale.ROOT, "  sign-ups per second   %8.0f   (trivial servlet, same client and connections: %.0f req/s; ratio %.3f)%n",
                    sent.answers() / sent.seconds(), trivial.requestsPerSecond(),
                    sent.answers() / sent.seconds() / trivial.requestsPerSecond());
            System.out.printf(Locale.ROOT, "  latency of a send     p50 %.1f ms, p99 %.1f ms, worst %.1f ms%n",
                    sent.p50Micros() / 1e3, sent.p99Micros() / 1e3, sent.maxMicros() / 1e3);
            System.out.printf(Locale.ROOT, "  errors                %d%s%n", sent.unexpected(),
                    sent.unexpected() == 0 ? "" : " (first: " + sent.firstUnexpected() + ")");
            System.out.printf(Locale.ROOT, "  the session after     %s%n", standing);
        } finally {
            HttpBench.stop(process);
            HttpBench.deleteTree(work);
        }
    }

    /**
     * Everyone draws the form first, as people do before a sign-up opens; then wrk sends them all and
     * only the sends are timed. Person {@code first + i} posts from an address of their own.
     */
    private WrkOnce.Sent rush(Path wrk, String base, List<Browser> people, String formPath, int first, int count) throws Exception {
        List<List<Filled>> forms = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            forms.add(new ArrayList<>());
        }
        AtomicInteger drawn = new AtomicInteger();
        parallel(people, (c, browser) -> {
            for (int i; (i = drawn.getAndIncrement()) < count;) {
                forms.get(c).add(browser.signUp(formPath, first + i));
            }
        });
        List<WrkOnce.Prepared> sends = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            String cookie = people.get(c).cookieHeader();
            for (Filled form : forms.get(c)) {
                sends.add(new WrkOnce.Prepared(form.action(), cookie, form.address(), form.body()));
            }
        }
        return WrkOnce.send(wrk, base, sends, connections, 303);
    }

    /** A sign-up form filled in: where it is sent, what, and the address of the person sending it. */
    private record Filled(String action, String body, String address) {
    }

    /** The rush's session and the address of its sign-up form. */
    private record Rush(long session, String formPath) {
    }

    private interface Work {
        void run(int connection, Browser browser) throws Exception;
    }

    private static void parallel(List<Browser> browsers, Work work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
        for (int c = 0; c < browsers.size(); c++) {
            int connection = c;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    work.run(connection, browsers.get(connection));
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "rush-" + c);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.peek();
        }
    }

    private static void awaitHealthy(Process process, String base, Path log) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal stopped; see " + log + ":\n" + String.join("\n", HttpBench.tail(log, 30)));
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The portal did not report healthy; see " + log);
    }

    /** The administrator's password as the accounts configuration holds it (PasswordHashCommand's format). */
    private String hash() throws GeneralSecurityException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = 210_000;
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(adminPassword.toCharArray(), salt, iterations, 256)).getEncoded();
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static void postgres(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** One person's browser without the browser: cookies kept, redirects not followed, forms filled by name. */
    private static final class Browser {

        private final String base;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Browser(String base) {
            this.base = base;
        }

        /** This browser's cookies, as its next request would send them. */
        String cookieHeader() {
            return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Posts the form on the page at {@code path} that holds a field whose name ends in {@code marker} (the
         * header's sign-out form comes first on staff pages): its hidden fields, then {@code fields}.
         */
        HttpResponse<String> submit(String path, String marker, Map<String, String> fields) throws Exception {
            String page = expect(get(path), 200, path);
            for (String form : page.split("<form ")) {
                Matcher action = Pattern.compile("^method=\"post\" action=\"([^\"]*)\"").matcher(form);
                if (action.find() && Pattern.compile("name=\"[^\"]*" + Pattern.quote(marker) + "\"").matcher(form).find()) {
                    String html = form.substring(0, Math.max(form.indexOf("</form>"), 0));
                    Map<String, String> values = hidden(html);
                    values.putAll(fields);
                    return post(unescape(action.group(1)), encode(values));
                }
            }
            throw new IllegalStateException("No form with " + marker + " on " + path);
        }

        void signIn(String password) throws Exception {
            expect(submit("/sign-in", "username", Map.of("username", "admin", "password", password)), 303, "sign-in");
        }

        /** Adds an event with one session of {@code places} and publishes it. */
        Rush publishRushEvent(String slug, int places) throws Exception {
            String path = "/intranet/events-editing/new";
            String page = expect(get(path), 200, path);
            Matcher title = NAMESPACE_OF_TITLE.matcher(page);
            if (!title.find()) {
                throw new IllegalStateException("No event form on " + path);
            }
            String ns = title.group(1);
            LocalDate today = LocalDate.now(COUNCIL);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(ns + "title", "Benchmark " + slug);
            fields.put(ns + "slug", slug);
            fields.put(ns + "description", "A session people rush to sign up for.");
            fields.put(ns + "type", "forum");
            fields.put(ns + "youngest", "11");
            fields.put(ns + "oldest", "25");
            fields.put(ns + "consentAge", "13");
            moment(fields, ns + "signUpOpens", today.minusDays(1), "09:00");
            moment(fields, ns + "signUpCloses", today.plusDays(30), "09:00");
            fields.put(ns + "promotion.mode", "automatic");
            fields.put(ns + "promotion.stopsHoursBefore", "24");
            fields.put(ns + "label", "");
            moment(fields, ns + "start", today.plusDays(40), "10:00");
            moment(fields, ns + "end", today.plusDays(40), "12:00");
            fields.put(ns + "capacity", String.valueOf(places));
            fields.put(ns + "place", "Civic Centre");
            HttpResponse<String> created = submit(path, "title", fields);
            expect(created, 303, "adding the event");
            String location = created.headers().firstValue("Location").orElseThrow();
            Matcher id = Pattern.compile("/intranet/events-editing/(\\d+)").matcher(location);
            if (!id.find()) {
                throw new IllegalStateException("Adding the event went to " + location);
            }
            expect(submit("/intranet/events-editing/" + id.group(1) + "/publish", "basis", Map.of()), 303, "publishing");
            String events = expect(get("/events"), 200, "/events");
            Matcher link = Pattern.compile("href=\"/events\\?([\\w-]*_)event=" + slug + "\"").matcher(events);
            if (!link.find()) {
                throw new IllegalStateException("The published event is not on /events");
            }
            String eventPage = expect(get("/events?" + link.group(1) + "event=" + slug), 200, "the event's page");
            Matcher session = SESSION_LINK.matcher(eventPage);
            if (!session.find()) {
                throw new IllegalStateException("No sign-up link on the event's page");
            }
            return new Rush(Long.parseLong(session.group(2)), unescape(session.group(1)));
        }

        /** Draws the sign-up form and fills it in for person {@code i}, ready to send. */
        Filled signUp(String path, int i) throws Exception {
            String page = expect(get(path), 200, path);
            Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\" novalidate id=\"[^\"]*signup-form\"")
                    .matcher(page);
            if (!action.find()) {
                throw new IllegalStateException("No sign-up form on " + path);
            }
            Map<String, String> form = hidden(page.substring(action.start()));
            String ns = form.keySet().stream().filter(k -> k.endsWith("formKey")).findFirst()
                    .map(k -> k.substring(0, k.length() - "formKey".length()))
                    .orElseThrow(() -> new IllegalStateException("No sign-up form on " + path));
            form.put(ns + "booker", "self");
            form.put(ns + "p0-firstName", "Rush" + i);
            form.put(ns + "p0-age", "15");
            form.put(ns + "email", "rush" + i + "@example.org");
            form.put(ns + "do", "send");
            // An address of their own for each person: 10.x.y.z, person by person.
            String address = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            return new Filled(unescape(action.group(1)), encode(form), address);
        }

        String sessionStanding(long session) throws Exception {
            String page = expect(get("/intranet/events/" + session), 200, "the staff's session page");
            Matcher places = Pattern.compile("id=\"places\">([^<]*)<").matcher(page);
            Matcher waiting = Pattern.compile("id=\"waiting-heading\">([^<]*)<").matcher(page);
            return (places.find() ? places.group(1).strip() : "?") + "; " + (waiting.find() ? waiting.group(1).strip() : "?");
        }

        private static void moment(Map<String, String> fields, String name, LocalDate day, String time) {
            fields.put(name + "-day", String.valueOf(day.getDayOfMonth()));
            fields.put(name + "-month", String.valueOf(day.getMonthValue()));
            fields.put(name + "-year", String.valueOf(day.getYear()));
            fields.put(name + "-time", time);
        }

        private static String expect(HttpResponse<String> answer, int status, String what) {
            if (answer.statusCode() != status) {
                throw new IllegalStateException(what + " answered " + answer.statusCode() + ": "
                        + HttpBench.abbreviate(answer.body().replaceAll("\\s+", " "), 1500));
            }
            return answer.body();
        }

        private static Map<String, String> hidden(String page) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = HIDDEN.matcher(page);
            while (m.find()) {
                fields.put(unescape(m.group(1)), unescape(m.group(2)));
            }
            return fields;
        }

        private static String unescape(String html) {
            return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&");
        }

        private static String encode(Map<String, String> form) {
            return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        }
    }
}
