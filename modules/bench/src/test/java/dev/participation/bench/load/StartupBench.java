package dev.participation.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Start-up time of the embedded portal: the seconds from {@code java -jar} to the first 200 on each
 * of {@code /} and {@code /pledge}, the JSON API ({@code /api/widget-types}) and {@code /health}
 * (and any paths given as arguments), on a fresh data directory and on a restart of the same
 * directory, repeated, with the median of each. The first page is what a newcomer waits for after
 * typing the README's run command; {@code /health}, which answers once everything has started
 * (the JSON API and the health checks start after the first page), is what an operator's load
 * balancer waits for after an upgrade.
 *
 * <p>Each repetition starts the jar in a new empty working directory (so a new H2 database, the
 * migrations, the first administrator and the demo content), stops it the way an operator would
 * (SIGTERM, so the database is closed cleanly), and starts it again in the same directory. Nothing
 * else is measured while a portal starts; the paths are polled every {@code bench.pollMillis}.
 *
 * <p>In the same run, alternating with the portal, it starts {@code target/bare.jar}: Felix, SCR and
 * Jetty 12 alone with the trivial servlet ({@code bare.bndrun}), and divides each of the portal's
 * medians by that start's, as the HTTP figures are divided by the trivial servlet's. The ratio is
 * what compares across machines; the seconds alone say as much about the machine as about the portal.
 *
 * <p>Settings (system properties): {@code bench.jar} (the portal's jar), {@code bench.bareJar} (the
 * baseline's jar; {@code none} to leave it out), {@code bench.repeat} (3),
 * {@code bench.jvmArgs} (extra options for both JVMs, e.g. a JFR recording),
 * {@code bench.pollMillis} (20), {@code bench.startTimeout} (120 s), {@code bench.keep} (keep the
 * working directories, with each start's log).
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> paths = new LinkedHashSet<>(List.of("/", "/pledge", "/api/widget-types", "/health"));
        for (String arg : args) {
            for (String p : arg.trim().split("\\s+")) {
                if (!p.isEmpty()) {
                    if (!p.startsWith("/")) {
                        throw new IllegalArgumentException("Paths must start with '/': " + p);
                    }
                    paths.add(p);
                }
            }
        }
        Path jar = Path.of(System.getProperty("bench.jar", "../app/target/participation-portal.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build it first with `mvn -q -DskipTests install`.");
        }
        String jvm = System.getProperty("bench.jvmArgs", "").trim();
        int repeat = Integer.getInteger("bench.repeat", 3);
        List<String> jvmArgs = jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+"));
        Duration poll = Duration.ofMillis(Integer.getInteger("bench.pollMillis", 20));
        Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.startTimeout", 120));
        boolean keep = Boolean.getBoolean("bench.keep");
        Measurement portal = new Measurement(jar, List.copyOf(paths), jvmArgs, poll, timeout, keep);
        String bareSetting = System.getProperty("bench.bareJar", "target/bare.jar");
        Path bareJar = Path.of(bareSetting).toAbsolutePath();
        if ("none".equals(bareSetting) || !Files.isRegularFile(bareJar)) {
            System.out.println("No baseline: " + ("none".equals(bareSetting) ? "bench.bareJar=none"
                    : "no " + bareJar + " (built by `mvn -q -pl modules/bench -DskipTests package`)"));
            portal.summary(portal.run(repeat, null));
            return;
        }
        Measurement bare = new Measurement(bareJar, List.of(TRIVIAL), jvmArgs, poll, timeout, keep);
        List<Start> bareStarts = new ArrayList<>();
        List<Start> portalStarts = portal.run(repeat, i -> bareStarts.addAll(bare.repetition(i)));
        System.out.println();
        System.out.println("Felix, SCR and Jetty 12 alone (" + bareJar.getFileName() + "), started before each of the"
                + " portal's repetitions:");
        bare.summary(bareStarts);
        System.out.println();
        System.out.println("The portal (" + jar.getFileName() + "):");
        Map<String, Double> baseline = new LinkedHashMap<>();
        for (String kind : KINDS) {
            baseline.put(kind, Measurement.median(bare.seconds(bareStarts, kind, TRIVIAL)));
        }
        portal.summary(portalStarts, baseline);
    }

    /** The baseline jar's only page. */
    static final String TRIVIAL = "/bench/trivial";
    static final List<String> KINDS = List.of("fresh", "restart");

    /** Runs before each of the portal's repetitions, with its number. */
    interface BeforeEach {
        void run(int repetition) throws Exception;
    }

    /**
     * One start: the seconds to each path's first 200, and the CPU seconds the portal's process had
     * used when the last of them answered (steadier than the wall clock when others share the
     * machine: it counts the work, not the waiting for a core).
     */
    record Start(String kind, Map<String, Double> seconds, double cpuSeconds) {
    }

    static final class Measurement {

        private final Path jar;
        private final List<String> paths;
        private final List<String> jvmArgs;
        private final Duration poll;
        private final Duration timeout;
        private final boolean keep;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

        Measurement(Path jar, List<String> paths, List<String> jvmArgs, Duration poll, Duration timeout, boolean keep) {
            this.jar = jar;
            this.paths = paths;
            this.jvmArgs = jvmArgs;
            this.poll = poll;
            this.timeout = timeout;
            this.keep = keep;
        }

        /** {@code repeat} repetitions of this jar's two starts, each after {@code before} (if any). */
        List<Start> run(int repeat, BeforeEach before) throws Exception {
            System.out.printf(Locale.ROOT, "Portal: %s (%s), JVM options: %s, %d repetitions of a fresh start and a"
                    + " restart%n", jar, HttpBench.megabytes(Files.size(jar)),
                    jvmArgs.isEmpty() ? "(none)" : String.join(" ", jvmArgs), repeat);
            List<Start> starts = new ArrayList<>();
            for (int i = 1; i <= repeat; i++) {
                if (before != null) {
                    before.run(i);
                }
                starts.addAll(repetition(i));
            }
            return starts;
        }

        /** A fresh start in a new working directory, then a restart in the same one. */
        List<Start> repetition(int i) throws Exception {
            Path work = Files.createTempDirectory("participation-start-");
            boolean ok = false;
            try {
                List<Start> both = List.of(print(i, start("fresh", work, "fresh-" + i)),
                        print(i, start("restart", work, "restart-" + i)));
                ok = true;
                return both;
            } finally {
                if (ok && !keep) {
                    HttpBench.deleteTree(work);
                } else {
                    System.out.println("Kept the working directory: " + work);
                }
            }
        }

        void summary(List<Start> starts) {
            summary(starts, Map.of());
        }

        /** The medians; with a baseline's median per kind of start, each path's also as a multiple of it. */
        void summary(List<Start> starts, Map<String, Double> baseline) {
            boolean ratios = !baseline.isEmpty();
            System.out.printf(Locale.ROOT, "%-10s %-18s %8s %8s %8s%s%n", "start", "path", "median", "min", "max",
                    ratios ? "   × baseline" : "");
            for (String kind : KINDS) {
                for (String path : paths) {
                    List<Double> values = seconds(starts, kind, path);
                    double median = median(values);
                    System.out.printf(Locale.ROOT, "%-10s %-18s %7.2fs %7.2fs %7.2fs%s%n", kind, path, median,
                            values.get(0), values.get(values.size() - 1),
                            ratios ? String.format(Locale.ROOT, "   %6.2f", median / baseline.get(kind)) : "");
                }
                List<Double> cpu = starts.stream().filter(s -> s.kind().equals(kind)).map(Start::cpuSeconds).sorted()
                        .toList();
                System.out.printf(Locale.ROOT, "%-10s %-18s %7.2fs %7.2fs %7.2fs%n", kind, "(CPU used)", median(cpu),
                        cpu.get(0), cpu.get(cpu.size() - 1));
            }
            System.out.println("Seconds from starting `java -jar` to the path's first 200; CPU used: the process's"
                    + " CPU seconds (all threads) by the time every path had answered. On a shared machine the"
                    + " seconds move by tenths from run to run: compare medians of several runs"
                    + (ratios ? "; × baseline: the median divided by the baseline's median for the same kind of"
                            + " start, measured in this run." : "."));
        }

        List<Double> seconds(List<Start> starts, String kind, String path) {
            return starts.stream().filter(s -> s.kind().equals(kind)).map(s -> s.seconds().get(path)).sorted()
                    .toList();
        }

        private Start print(int repetition, Start start) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "#%d %-8s %-24s", repetition, start.kind(),
                    jar.getFileName()));
            start.seconds().forEach((path, s) -> line.append(String.format(Locale.ROOT, "  %s %.2f s", path, s)));
            line.append(String.format(Locale.ROOT, "  (CPU %.2f s)", start.cpuSeconds()));
            System.out.println(line);
            return start;
        }

        private Start start(String kind, Path work, String logName) throws Exception {
            int port = HttpBench.freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArgs);
            command.add("-Dorg.osgi.service.http.port=" + port);
            command.add("-Dorg.apache.felix.http.host=127.0.0.1");
            command.add("-jar");
            command.add(jar.toString());
            Path log = work.resolve(logName + ".log");
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Thread stopper = new Thread(() -> HttpBench.stop(process), "stop-portal");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                Map<String, Double> firstOk = new LinkedHashMap<>();
                long deadline = started + timeout.toNanos();
                while (firstOk.size() < paths.size()) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The portal exited with status " + process.exitValue()
                                + "; see " + log + ":\n" + String.join("\n", HttpBench.tail(log, 40)));
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Not every path answered 200 within " + timeout.toSeconds()
                                + " s (answered: " + firstOk.keySet() + "); see " + log);
                    }
                    for (String path : paths) {
                        if (!firstOk.containsKey(path) && status("http://127.0.0.1:" + port + path) == 200) {
                            firstOk.put(path, (System.nanoTime() - started) / 1e9);
                        }
                    }
                    Thread.sleep(poll.toMillis());
                }
                Map<String, Double> inOrder = new LinkedHashMap<>();
                paths.forEach(p -> inOrder.put(p, firstOk.get(p)));
                double cpu = process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
                return new Start(kind, inOrder, cpu);
            } finally {
                HttpBench.stop(process);
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is stopping the process already
                }
            }
        }

        private int status(String url) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the portal", e);
            }
        }

        static double median(List<Double> sorted) {
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }
}
