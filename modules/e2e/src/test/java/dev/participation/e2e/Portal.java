package dev.participation.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The executable jar running as its own process in its own working directory, as a council's
 * administrator would start it: {@code java -jar participation-portal.jar}.
 */
final class Portal implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    // The first-start banner shows the generated administrator password on a line of its own.
    private static final Pattern PASSWORD = Pattern.compile("(?i)password\\s*[:=]\\s*(\\S{12,})");

    private final Path workdir;
    private final int port;
    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private Portal(Path workdir, int port, Process process) {
        this.workdir = workdir;
        this.port = port;
        this.process = process;
        this.reader = new Thread(this::drain, "portal-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the jar in {@code workdir} (created if missing) and waits until it answers. */
    static Portal start(Path workdir) {
        return start(workdir, new String[0]);
    }

    /** As {@link #start(Path)}, with extra launch settings such as {@code participation.demo.content=false}. */
    static Portal start(Path workdir, String... properties) {
        return launch(workdir, 200, properties);
    }

    /**
     * As {@link #start(Path, String...)}, but waits until {@code /health} answers 503: for a portal
     * that cannot become healthy, such as one whose database is down, once its site is up to say so.
     */
    static Portal startUnhealthy(Path workdir, String... properties) {
        return launch(workdir, 503, properties);
    }

    private static Portal launch(Path workdir, int healthStatus, String... properties) {
        String jar = System.getProperty("portal.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            fail("The executable jar is missing (" + jar + "); build it with: mvn -DskipTests package");
        }
        try {
            Files.createDirectories(workdir);
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Dorg.osgi.service.http.port=" + port));
            for (String property : properties) {
                command.add("-D" + property);
            }
            command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true);
            Portal portal = new Portal(workdir, port, builder.start());
            portal.awaitReady(healthStatus);
            return portal;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    Path workdir() {
        return workdir;
    }

    /** Everything the process printed so far. */
    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /**
     * Signs in as the administrator with the password this first start printed and chooses a new
     * one, as the portal asks before any other intranet page; the tests sign in with what this returns.
     */
    String replaceAdminPassword() {
        return new Visitor(this).signInAndReplacePrintedPassword("admin", printedAdminPassword().orElseThrow());
    }

    /** The administrator password printed once at first start, if this start printed one. */
    Optional<String> printedAdminPassword() {
        Matcher m = PASSWORD.matcher(output());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Waits until {@code /health} answers {@code status}. */
    private void awaitReady(int status) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("The portal exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri("/health")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == status) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for the portal");
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
        fail("The portal's /health did not answer " + status + " within " + START_LIMIT + ":\n" + output());
    }

    private void drain() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /**
     * Ends the process at once, as a crash or the kernel's out-of-memory killer would (SIGKILL
     * on Linux): no shutdown hook runs and nothing still held in memory is written.
     */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
