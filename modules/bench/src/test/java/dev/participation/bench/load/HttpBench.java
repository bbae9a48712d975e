package dev.participation.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * HTTP benchmark of the embedded portal: starts {@code target/bench.jar} as its own process in a
 * fresh working directory on a free loopback port, waits for {@code GET /health} to answer 200,
 * then puts a closed-loop load on the trivial servlet (the baseline), the home page and any paths
 * given as arguments, and prints requests per second, median and 99th percentile latency, errors
 * and each path's throughput as a ratio to the trivial servlet's in the same run. The process is
 * always stopped at the end.
 *
 * <p>Settings (system properties, e.g. {@code -Dbench.connections=16} on the mvn command line):
 * {@code bench.jar}, {@code bench.connections} (8), {@code bench.threads} (client threads, 2),
 * {@code bench.warmup} (5 s), {@code bench.duration} (10 s), {@code bench.client}
 * ({@code auto}: wrk if on the PATH, else {@code java}), {@code bench.jvmArgs} (extra options for
 * the portal's JVM), {@code bench.startTimeout} (120 s), {@code bench.rebaseline} (true: measure the
 * trivial servlet again at the end to show drift), {@code bench.maxRequests} (Java client's cap per
 * measurement, 5,000,000), {@code bench.keep} (keep the working directory), {@code bench.verbose},
 * {@code bench.allowUnhealthy} (measure even if {@code /health} stays non-200 for 20 s),
 * {@code bench.pageCopies} ({@code on}: the host's short-lived copies of public pages as shipped;
 * {@code off}: every request renders its page; {@code both}: the paths measured with copies off,
 * then the copies turned on in the same portal and the paths other than the baseline measured
 * again, so both figures are ratios to one baseline).
 */
public final class HttpBench {

    static final String BASELINE = "/bench/trivial";
    static final String HOME = "/";
    /**
     * The host's configuration of its public page copies (see the README's configuration table),
     * written into the portal's {@code configs/} folder, which Felix File Install watches.
     */
    static final String PAGE_COPIES_CONFIG = "dev.participation.host.pages.config";
    /** The health report's configuration: who may read its details (bundles, components). */
    static final String HEALTH_CONFIG = "dev.participation.health.config";
    /** How long to wait for File Install (which looks every 2 s) to apply a changed file. */
    static final Duration CONFIG_APPLIED = Duration.ofSeconds(6);

    private HttpBench() {
    }

    /** In a path's query, stands for the first widget's parameter prefix on that page. */
    static final String WIDGET_PREFIX = "{w}";

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties(args);
        new Run(settings).execute();
    }

    /** Everything a run is told, with defaults sized for a 2-core machine. */
    record Settings(Path jar, List<String> paths, int connections, int threads, Duration warmup, Duration duration,
            String client, List<String> jvmArgs, Duration startTimeout, boolean rebaseline, long maxRequests,
            boolean keep, boolean verbose, boolean allowUnhealthy, PageCopies pageCopies) {

        static Settings fromSystemProperties(String[] args) {
            Set<String> paths = new LinkedHashSet<>(List.of(BASELINE, HOME));
            for (String arg : args) {
                for (String p : arg.trim().split("\\s+")) {
                    if (p.isEmpty()) {
                        continue;
                    }
                    if (!p.startsWith("/")) {
                        throw new IllegalArgumentException("Paths must start with '/': " + p);
                    }
                    paths.add(p);
                }
            }
            String jar = System.getProperty("bench.jar", "target/bench.jar");
            int connections = positive("bench.connections", 8);
            int threads = Math.min(connections, positive("bench.threads",
                    Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()))));
            String jvm = System.getProperty("bench.jvmArgs", "").trim();
            return new Settings(Path.of(jar).toAbsolutePath(), List.copyOf(paths), connections, threads,
                    Duration.ofSeconds(positive("bench.warmup", 5)), Duration.ofSeconds(positive("bench.duration", 10)),
                    System.getProperty("bench.client", "auto"), jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")),
                    Duration.ofSeconds(positive("bench.startTimeout", 120)),
                    Boolean.parseBoolean(System.getProperty("bench.rebaseline", "true")),
                    positive("bench.maxRequests", 5_000_000),
                    Boolean.getBoolean("bench.keep"), Boolean.getBoolean("bench.verbose"),
                    Boolean.getBoolean("bench.allowUnhealthy"),
                    PageCopies.valueOf(System.getProperty("bench.pageCopies", "on").trim().toUpperCase(Locale.ROOT)));
        }

        private static int positive(String name, int fallback) {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            int n = Integer.parseInt(value.trim().replaceFirst("s$", ""));
            if (n <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return n;
        }
    }

    /** Whether the host reuses a public page for its anonymous visitors for a short while. */
    enum PageCopies {
        /** As shipped: a page is rendered at most once every few seconds for visitors not signed in. */
        ON,
        /** Every request renders its page: what a page really costs. */
        OFF,
        /** Off first, then on, in the same portal against the same baseline. */
        BOTH;

        /** The configuration file's content that this setting starts the portal with, if any. */
        String atStart() {
            return this == ON ? null : "seconds=I\"0\"\n";
        }
    }

    /** One measurement of one path. Latencies in microseconds. */
    record Result(String path, String label, long requests, double seconds, long p50Micros, long p99Micros,
            long errors, String errorDetail) {

        double requestsPerSecond() {
            return seconds <= 0 ? 0 : requests / seconds;
        }
    }

    /** One started portal and the measurements made against it. */
    static final class Run {

        /** Headers the host's whiteboard filter sets on every response in the default context. */
        private static final List<String> FILTER_HEADERS = List.of("Content-Security-Policy",
                "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy");

        private final Settings settings;
        private List<String> filtersOnBaseline = List.of();
        private final java.util.Map<String, String> sizes = new java.util.HashMap<>();
        private final HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

        Run(Settings settings) {
            this.settings = settings;
        }

        void execute() throws Exception {
            if (!Files.isRegularFile(settings.jar())) {
                throw new IllegalStateException("No " + settings.jar() + ": build it first with "
                        + "`mvn -q -DskipTests install` (or `cd modules/bench && mvn -q install`).");
            }
            LoadClient client = chooseClient();
            Path work = Files.createTempDirectory("participation-bench-");
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(settings.jvmArgs());
            // Felix reads framework properties it is not given from the system properties.
            command.add("-Dorg.osgi.service.http.port=" + port);
            command.add("-Dorg.apache.felix.http.host=127.0.0.1");
            command.add("-jar");
            command.add(settings.jar().toString());
            Path log = work.resolve("portal.log");
            String copiesAtStart = settings.pageCopies().atStart();
            if (copiesAtStart != null) {
                writeConfig(work, PAGE_COPIES_CONFIG, copiesAtStart);
            }
            // /health lists the bundles and components only to management addresses.
            writeConfig(work, HEALTH_CONFIG, "managementAddresses=[\"127.0.0.1\"]\n");
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());

            System.out.printf(Locale.ROOT, "Portal: %s (%s)%n", settings.jar(), megabytes(Files.size(settings.jar())));
            System.out.printf(Locale.ROOT, "Working directory: %s, port %d, JVM options: %s%n", work, port,
                    settings.jvmArgs().isEmpty() ? "(none)" : String.join(" ", settings.jvmArgs()));
            System.out.printf(Locale.ROOT, "Load: %s, %d connections, %d client threads, %d s warm-up, %d s measured per path%n",
                    client.name(), settings.connections(), settings.threads(), settings.warmup().toSeconds(),
                    settings.duration().toSeconds());
            System.out.printf(Locale.ROOT, "Public page copies: %s%n%n", switch (settings.pageCopies()) {
                case ON -> "on, as shipped (bench.pageCopies=on)";
                case OFF -> "off: every request renders its page (bench.pageCopies=off)";
                case BOTH -> "off, then on in the same portal (bench.pageCopies=both)";
            });

            long started = System.nanoTime();
            Process process = builder.start();
            // On Ctrl-C (or Maven being stopped) the finally block below never runs: stop the portal
            // and clear its working directory from a shutdown hook instead.
            Thread stopper = new Thread(() -> {
                Process load = WrkClient.running;
                if (load != null) {
                    load.destroyForcibly();
                }
                stop(process);
                if (!settings.keep()) {
                    deleteTree(work);
                }
            }, "stop-portal");
            Runtime.getRuntime().addShutdownHook(stopper);
            boolean ok = false;
            try {
                String base = "http://127.0.0.1:" + port;
                Startup startup = awaitStartup(process, base, started, log);
                Thread.sleep(2000);
                long idleRss = rssKilobytes(process.pid());
                long idleHwm = hwmKilobytes(process.pid());

                List<String> paths = withWidgetPrefixes(base, settings.paths());
                // Warm every path first, so the first measurement does not pay for the JIT
                // compiling code (Jetty, the filters) that later paths then find compiled.
                for (String path : paths) {
                    warm(client, base, path);
                }
                // The pages' warm-up leaves the JIT compiling their code on the same cores; warmed
                // again last, the baseline is not measured while that work still runs (runs here
                // showed it gaining 85 to 215 % between its first and its last measurement).
                if (paths.size() > 1) {
                    warm(client, base, BASELINE);
                }
                List<Result> results = new ArrayList<>();
                String suffix = settings.pageCopies() == PageCopies.BOTH ? " (copies off)" : "";
                for (String path : paths) {
                    results.add(measure(client, base, path, path.equals(BASELINE) ? path : path + suffix));
                }
                if (settings.pageCopies() == PageCopies.BOTH) {
                    // The host's default lifetime; File Install applies the change to the running portal.
                    writeConfig(work, PAGE_COPIES_CONFIG, "seconds=I\"2\"\n");
                    System.out.printf(Locale.ROOT, "Turning the page copies on; waiting %d s for File Install%n",
                            CONFIG_APPLIED.toSeconds());
                    Thread.sleep(CONFIG_APPLIED.toMillis());
                    List<String> pages = paths.stream().filter(p -> !p.equals(BASELINE)).toList();
                    for (String path : pages) {
                        warm(client, base, path);
                    }
                    for (String path : pages) {
                        results.add(measure(client, base, path, path + " (copies on)"));
                    }
                }
                if (settings.rebaseline()) {
                    results.add(measure(client, base, BASELINE, BASELINE + " (again)"));
                }
                Thread.sleep(2000);
                long loadedRss = rssKilobytes(process.pid());
                long loadedHwm = hwmKilobytes(process.pid());
                if (!process.isAlive()) {
                    throw new IllegalStateException("The portal died during the load; see " + log);
                }

                // Asked again now: at the first 200 the health configuration may not have arrived yet.
                String bundles = participationBundles(get(base + "/health").body());
                report(startup, idleRss, idleHwm, loadedRss, loadedHwm, results, bundles);
                ok = true;
            } finally {
                stop(process);
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run: the process is being stopped either way
                }
                if (!ok) {
                    System.out.println("\nLast lines of the portal's log (" + log + "):");
                    tail(log, 40).forEach(line -> System.out.println("  " + line));
                }
                if (ok && !settings.keep()) {
                    deleteTree(work);
                } else {
                    System.out.println("Kept the working directory: " + work);
                }
            }
        }

        /**
         * Replaces the page copies' configuration file atomically, so File Install never reads half
         * of it; the new content is written beside {@code configs/}, not in it, where File Install
         * would take any other file for a bundle.
         */
        private static void writeConfig(Path work, String file, String content) throws IOException {
            Path configs = Files.createDirectories(work.resolve("configs"));
            Path temporary = Files.writeString(work.resolve(file + ".new"), content);
            Files.move(temporary, configs.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }

        private LoadClient chooseClient() {
            String wanted = settings.client().toLowerCase(Locale.ROOT);
            Path wrk = findOnPath("wrk");
            switch (wanted) {
                case "wrk":
                    if (wrk == null) {
                        throw new IllegalStateException("bench.client=wrk but wrk is not on the PATH (apt-get install wrk)");
                    }
                    return new WrkClient(wrk, settings.verbose());
                case "java":
                    return new JavaClient(settings.maxRequests(), "Java HttpClient (bench.client=java)");
                case "auto":
                    return wrk != null ? new WrkClient(wrk, settings.verbose())
                            : new JavaClient(settings.maxRequests(), "Java HttpClient (wrk not found on the PATH)");
                default:
                    throw new IllegalArgumentException("bench.client must be auto, wrk or java: " + settings.client());
            }
        }

        record Startup(double healthSeconds, double homeSeconds, int lastHomeStatus,
                String unhealthy) {
        }

        /**
         * Polls {@code /health} and {@code /} until both answer 200. The start time is from the
         * process start to the first 200 on {@code /}; once {@code /health} is 200, {@code /} gets
         * ten more seconds (a runtime without the home page still gets its other paths measured).
         * With {@code bench.allowUnhealthy=true}, a {@code /health} that has answered but not 200
         * for 20 s is accepted, and the report says so.
         */
        private Startup awaitStartup(Process process, String base, long started, Path log) throws Exception {
            long deadline = started + settings.startTimeout().toNanos();
            double healthAt = -1;
            double homeAt = -1;
            int homeStatus = -1;
            int healthStatus = -1;
            String healthBody = "";
            long homeDeadline = Long.MAX_VALUE;
            long unhealthySince = -1;
            String unhealthy = null;
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The portal exited with status " + process.exitValue()
                            + " before answering; see " + log);
                }
                long now = System.nanoTime();
                if (homeAt < 0) {
                    Probe home = get(base + HOME);
                    homeStatus = home.status();
                    if (homeStatus == 200) {
                        homeAt = (System.nanoTime() - started) / 1e9;
                    }
                }
                if (healthAt < 0) {
                    Probe health = get(base + "/health");
                    healthStatus = health.status();
                    healthBody = health.body();
                    if (healthStatus == 200) {
                        healthAt = (System.nanoTime() - started) / 1e9;
                        homeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    } else if (healthStatus > 0 && settings.allowUnhealthy()) {
                        unhealthySince = unhealthySince < 0 ? System.nanoTime() : unhealthySince;
                        if (System.nanoTime() - unhealthySince > TimeUnit.SECONDS.toNanos(20)) {
                            healthAt = (System.nanoTime() - started) / 1e9;
                            homeDeadline = System.nanoTime();
                            unhealthy = "HTTP " + healthStatus + ": " + abbreviate(checksOnly(healthBody), 3000);
                        }
                    }
                }
                if (healthAt >= 0 && (homeAt >= 0 || System.nanoTime() > homeDeadline)) {
                    return new Startup(healthAt, homeAt, homeStatus, unhealthy);
                }
                if (now > deadline) {
                    throw new IllegalStateException("GET /health did not answer 200 within "
                            + settings.startTimeout().toSeconds() + " s (last status " + healthStatus + "): "
                            + abbreviate(checksOnly(healthBody), 3000)
                            + "\n(to measure anyway, run with -Dbench.allowUnhealthy=true)");
                }
                Thread.sleep(50);
            }
        }

        record Probe(int status, String body, java.net.http.HttpHeaders headers, int bytes) {
        }

        /**
         * Paths with {@value #WIDGET_PREFIX} in their query (say
         * {@code /groups?{w}age=15&{w}who=care-leaver&{w}filtered=1}, a filtered directory) get it
         * replaced by the prefix of the first widget on that page: the embedded portal names each
         * widget's parameters after its instance, which a fresh database makes anew.
         */
        private List<String> withWidgetPrefixes(String base, List<String> paths) {
            List<String> resolved = new ArrayList<>();
            for (String path : paths) {
                if (!path.contains(WIDGET_PREFIX)) {
                    resolved.add(path);
                    continue;
                }
                String page = path.substring(0, path.indexOf('?') < 0 ? path.length() : path.indexOf('?'));
                java.util.regex.Matcher section = java.util.regex.Pattern
                        .compile("<section id=\"([A-Za-z0-9-]+)\" class=\"pw-widget\"").matcher(get(base + page).body());
                if (!section.find()) {
                    throw new IllegalStateException("No widget on " + page + " to name the parameters of " + path);
                }
                String named = path.replace(WIDGET_PREFIX, section.group(1) + "_");
                System.out.printf(Locale.ROOT, "%s is %s%n", path, named);
                resolved.add(named);
            }
            return resolved;
        }

        private Probe get(String url) {
            try {
                HttpResponse<byte[]> response = probe.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Probe(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                        response.headers(), response.body().length);
            } catch (IOException e) {
                return new Probe(-1, e.toString(), null, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the portal", e);
            }
        }

        private void warm(LoadClient client, String base, String path) throws Exception {
            Probe first = get(base + path);
            sizes.put(path, first.status() < 0 ? "n/a" : first.bytes() + " B");
            if (path.equals(BASELINE)) {
                filtersOnBaseline = first.headers() == null ? List.of() : FILTER_HEADERS.stream()
                        .filter(h -> first.headers().firstValue(h).isPresent()).toList();
            }
            System.out.printf(Locale.ROOT, "%-28s first answer %s; warming up %d s%n", path,
                    first.status() < 0 ? "none (" + first.body() + ")" : "HTTP " + first.status(),
                    settings.warmup().toSeconds());
            client.run(base + path, path, path, settings.connections(), settings.threads(), settings.warmup());
        }

        private Result measure(LoadClient client, String base, String path, String label) throws Exception {
            System.out.printf(Locale.ROOT, "%-28s measuring %d s%n", label, settings.duration().toSeconds());
            return client.run(base + path, path, label, settings.connections(), settings.threads(),
                    settings.duration());
        }

        private void report(Startup startup, long idleRss, long idleHwm, long loadedRss, long loadedHwm,
                List<Result> results, String bundles) {
            Result baseline = results.get(0);
            double base = baseline.requestsPerSecond();
            // On a busy machine the two baseline measurements can differ a lot; the mean of both is
            // the fairer yardstick for the paths measured between them.
            boolean twice = settings.rebaseline() && results.size() > 1;
            double mean = twice ? (base + results.get(results.size() - 1).requestsPerSecond()) / 2 : base;
            System.out.println();
            System.out.printf(Locale.ROOT, "%-28s %10s %12s %10s %10s %10s %12s%s%n", "path", "body", "requests/s",
                    "median", "p99", "errors", "vs trivial", twice ? "   vs mean trivial" : "");
            for (Result r : results) {
                System.out.printf(Locale.ROOT, "%-28s %10s %12.0f %10s %10s %10d %12s%s%n", r.label(),
                        sizes.getOrDefault(r.path(), ""), r.requestsPerSecond(),
                        millis(r.p50Micros()), millis(r.p99Micros()), r.errors(),
                        base > 0 ? String.format(Locale.ROOT, "%.3f", r.requestsPerSecond() / base) : "n/a",
                        twice && mean > 0 ? String.format(Locale.ROOT, " %17.3f", r.requestsPerSecond() / mean) : "");
            }
            System.out.println();
            for (Result r : results) {
                if (r.errors() > 0) {
                    System.out.printf(Locale.ROOT, "Errors on %s: %d of %d requests (%s)%n", r.label(), r.errors(),
                            r.requests(), r.errorDetail());
                }
            }
            if (settings.rebaseline() && results.size() > 1) {
                Result again = results.get(results.size() - 1);
                System.out.printf(Locale.ROOT, "Baseline drift over the run: %+.1f %% (trivial servlet, first vs last)%n",
                        base > 0 ? 100.0 * (again.requestsPerSecond() - base) / base : 0.0);
            }
            if (startup.unhealthy() != null) {
                System.out.println("WARNING: the portal was NOT healthy (bench.allowUnhealthy=true); figures describe"
                        + " a broken runtime. /health said " + startup.unhealthy());
            }
            System.out.printf(Locale.ROOT, "Start: %s after %.2f s; %s%n",
                    startup.unhealthy() == null ? "first 200 on /health" : "gave up waiting for /health",
                    startup.healthSeconds(),
                    startup.homeSeconds() >= 0
                            ? String.format(Locale.ROOT, "first 200 on / after %.2f s (process start to first 200 on /)",
                                    startup.homeSeconds())
                            : "/ never answered 200 (last status " + startup.lastHomeStatus() + "), so no start time");
            System.out.printf(Locale.ROOT, "Jar: %s (%d bytes)%n", megabytes(sizeOf(settings.jar())), sizeOf(settings.jar()));
            System.out.printf(Locale.ROOT, "Memory (RSS from /proc/<pid>/status): idle after start %s (peak %s); "
                    + "after the load %s (peak %s)%n", kilobytes(idleRss), kilobytes(idleHwm), kilobytes(loadedRss),
                    kilobytes(loadedHwm));
            System.out.println("Product bundles running: " + bundles);
            System.out.println("Filter headers on " + BASELINE + ": " + (filtersOnBaseline.isEmpty()
                    ? "none, so the host's security-header filter did not run on the baseline (is participation-host"
                            + " active?) and the ratios understate the pages' own cost"
                    : String.join(", ", filtersOnBaseline) + " (it crosses the host's whiteboard filter like the pages)"));
        }

        private static long sizeOf(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return -1;
            }
        }
    }

    // ---- measurement back ends ----

    interface LoadClient {
        String name();

        Result run(String url, String path, String label, int connections, int threads, Duration duration)
                throws Exception;
    }

    /**
     * wrk with a small Lua script: counts every non-2xx response (wrk itself only counts 4xx and
     * 5xx) and prints a machine-readable summary line with the exact percentiles.
     */
    static final class WrkClient implements LoadClient {

        private static final String SCRIPT = """
                local threads = {}
                function setup(thread)
                  table.insert(threads, thread)
                end
                function init(args)
                  non2xx = 0
                  statuses = ""
                end
                function response(status, headers, body)
                  if status < 200 or status > 299 then
                    non2xx = non2xx + 1
                    if not string.find(statuses, " " .. status .. " ", 1, true) then
                      statuses = statuses .. " " .. status .. " "
                    end
                  end
                end
                function done(summary, latency, requests)
                  local bad = 0
                  local seen = ""
                  for _, t in ipairs(threads) do
                    bad = bad + t:get("non2xx")
                    seen = seen .. t:get("statuses")
                  end
                  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d "
                    .. "connect=%d read=%d write=%d timeout=%d statuses=[%s]\\n",
                    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), bad,
                    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
                    seen))
                end
                """;
        private static final Pattern LINE = Pattern.compile("BENCH requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) "
                + "p99_us=(\\d+) non2xx=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+) timeout=(\\d+) statuses=\\[(.*)]");

        /** The wrk process under way, for the shutdown hook to stop. */
        static volatile Process running;

        private final Path wrk;
        private final boolean verbose;

        WrkClient(Path wrk, boolean verbose) {
            this.wrk = wrk;
            this.verbose = verbose;
        }

        @Override
        public String name() {
            return "wrk (" + wrk + ")";
        }

        @Override
        public Result run(String url, String path, String label, int connections, int threads, Duration duration)
                throws Exception {
            Path script = Files.createTempFile("bench-", ".lua");
            try {
                Files.writeString(script, SCRIPT + RandomQuery.lua(url));
                List<String> command = List.of(wrk.toString(), "-t", Integer.toString(threads), "-c",
                        Integer.toString(connections), "-d", duration.toSeconds() + "s", "--timeout", "10s",
                        "--latency", "-s", script.toString(), RandomQuery.target(url));
                String output = runToEnd(command, duration.toSeconds() + 60, (p, line) -> { });
                if (verbose) {
                    System.out.println(output.indent(4));
                }
                Matcher m = LINE.matcher(output);
                if (!m.find()) {
                    throw new IllegalStateException("wrk printed no summary: " + output);
                }
                long requests = Long.parseLong(m.group(1));
                long socketErrors = Long.parseLong(m.group(6)) + Long.parseLong(m.group(7))
                        + Long.parseLong(m.group(8)) + Long.parseLong(m.group(9));
                long non2xx = Long.parseLong(m.group(5));
                String statuses = m.group(10).trim().replaceAll("\\s+", " ");
                String detail = "non-2xx " + non2xx + (statuses.isEmpty() ? "" : " (status " + new TreeSet<>(
                        List.of(statuses.split(" "))) + ")") + ", socket errors " + socketErrors + " (connect "
                        + m.group(6) + ", read " + m.group(7) + ", write " + m.group(8) + ", timeout " + m.group(9) + ")";
                return new Result(path, label, requests, Long.parseLong(m.group(2)) / 1e6, Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4)), non2xx + socketErrors, detail);
            } finally {
                Files.deleteIfExists(script);
            }
        }
        /**
         * Runs wrk to its end, handing each line it prints to {@code onLine} as it comes (with the
         * process, so a caller can signal it), and returns everything it printed.
         *
         * @throws IllegalStateException if wrk fails or has not ended {@code waitSeconds} after its output closed
         */
        static String runToEnd(List<String> command, long waitSeconds, BiConsumer<Process, String> onLine)
                throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            running = p;
            StringBuilder output = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null;) {
                    output.append(line).append('\n');
                    onLine.accept(p, line);
                }
            } finally {
                running = null;
            }
            if (!p.waitFor(waitSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("wrk did not finish: " + output);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("wrk failed (exit " + p.exitValue() + "): " + output);
            }
            return output.toString();
        }
    }

    /**
     * Fallback without wrk: {@code connections} threads, each sending its next request as soon as
     * the previous answer is read, over one keep-alive HTTP/1.1 client. Bounded by the duration
     * and by {@code maxRequests} in all.
     */
    static final class JavaClient implements LoadClient {

        private final long maxRequests;
        private final String name;

        JavaClient(long maxRequests, String name) {
            this.maxRequests = maxRequests;
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Result run(String url, String path, String label, int connections, int threads, Duration duration)
                throws Exception {
            URI uri = URI.create(url);
            InetAddress address = InetAddress.getByName(uri.getHost());
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("The load client only targets loopback addresses: " + url);
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
            long perWorker = Math.max(1, maxRequests / connections);
            Worker[] workers = new Worker[connections];
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            for (int i = 0; i < connections; i++) {
                workers[i] = new Worker(http, request, url, end, (int) Math.min(perWorker, Integer.MAX_VALUE - 8));
                workers[i].setName("bench-load-" + i);
                workers[i].setDaemon(true);
                workers[i].start();
            }
            for (Worker w : workers) {
                w.join(duration.toMillis() + 30_000);
                if (w.isAlive()) {
                    w.interrupt();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int total = 0;
            long errors = 0;
            long non2xx = 0;
            long failures = 0;
            Set<Integer> statuses = new TreeSet<>();
            for (Worker w : workers) {
                total += w.count;
                non2xx += w.non2xx;
                failures += w.failures;
                statuses.addAll(w.statuses);
            }
            errors = non2xx + failures;
            long[] all = new long[total];
            int at = 0;
            for (Worker w : workers) {
                System.arraycopy(w.latencies, 0, all, at, w.count);
                at += w.count;
            }
            java.util.Arrays.sort(all);
            String detail = "non-2xx " + non2xx + (statuses.isEmpty() ? "" : " (status " + statuses + ")")
                    + ", failed requests " + failures;
            return new Result(path, label, total, seconds, percentile(all, 50) / 1000, percentile(all, 99) / 1000,
                    errors, detail);
        }

        private static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private static final class Worker extends Thread {
            private final HttpClient http;
            private final HttpRequest request;
            private final String url;
            private final long end;
            final long[] latencies;
            int count;
            long non2xx;
            long failures;
            final Set<Integer> statuses = new TreeSet<>();

            Worker(HttpClient http, HttpRequest request, String url, long end, int cap) {
                this.http = http;
                this.request = request;
                this.url = url;
                this.end = end;
                this.latencies = new long[Math.min(cap, 4_000_000)];
            }

            @Override
            public void run() {
                while (count < latencies.length && !isInterrupted()) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        return;
                    }
                    try {
                        HttpResponse<Void> response = http.send(RandomQuery.next(request, url),
                                HttpResponse.BodyHandlers.discarding());
                        int status = response.statusCode();
                        if (status < 200 || status > 299) {
                            non2xx++;
                            statuses.add(status);
                        }
                    } catch (IOException e) {
                        failures++;
                    } catch (InterruptedException e) {
                        return;
                    }
                    latencies[count++] = System.nanoTime() - t0;
                }
            }
        }
    }

    // ---- helpers ----

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    static long rssKilobytes(long pid) {
        return statusField(pid, "VmRSS:");
    }

    static long hwmKilobytes(long pid) {
        return statusField(pid, "VmHWM:");
    }

    private static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static final Pattern BUNDLE = Pattern.compile(
            "\"symbolicName\"\\s*:\\s*\"(participation[^\"]*)\"[^}]*?\"state\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern ANY_BUNDLE = Pattern.compile("\"symbolicName\"\\s*:");

    /** The product's bundles and their states, read from the health report, and how many bundles in all. */
    static String participationBundles(String healthJson) {
        Matcher any = ANY_BUNDLE.matcher(healthJson);
        int all = 0;
        while (any.find()) {
            all++;
        }
        List<String> ours = new ArrayList<>();
        Matcher m = BUNDLE.matcher(healthJson);
        while (m.find()) {
            ours.add(m.group(1) + " (" + m.group(2).toLowerCase(Locale.ROOT) + ")");
        }
        ours.sort(Comparator.naturalOrder());
        return (ours.isEmpty() ? "(none listed)" : String.join(", ", ours)) + "; " + all + " bundles in all";
    }

    static Path findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static String millis(long micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String kilobytes(long kb) {
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    /** The health report without its long bundle and component lists, which follow the checks. */
    static String checksOnly(String healthJson) {
        int bundles = healthJson.indexOf("\"bundles\"");
        return bundles < 0 ? healthJson : healthJson.substring(0, bundles).strip() + " ...}";
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | RuntimeException e) {
            return List.of("(cannot read " + file + ": " + e + ")");
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a temp directory left behind is harmless
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
