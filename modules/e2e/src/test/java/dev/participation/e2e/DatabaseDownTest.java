package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.participation.testing.browser.Chromium;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A portal started while its PostgreSQL cannot be reached, as after a database server's restart or
 * a network fault: visitors get a page in the site's own words with 503, never the servlet
 * container's bare 404; the health check says 503 from the first moment (the portal is started by
 * waiting for exactly that), and the JSON API 503 once it is up; and when the database can be
 * reached again the site comes back by itself, without a restart of the portal. The page itself is
 * checked with axe-core and at a phone's width.
 */
class DatabaseDownTest {

    private static final String UNAVAILABLE = "Sorry, this site is not available just now";
    /** The connector tries again every 30 s; this leaves room for one missed try on a busy machine. */
    private static final Duration COMES_BACK_WITHIN = Duration.ofSeconds(90);

    @Test
    void visitorsAreToldTheSiteIsAwayAndItReturnsWithTheDatabase() throws Exception {
        PostgresDatabases.require();
        String database = PostgresDatabases.create("down");
        URI server = URI.create(PostgresDatabases.SERVER.substring("jdbc:".length()));
        int port = freePort();
        Path dir = Path.of(System.getProperty("portal.workdir"), "database-down-" + System.nanoTime());
        Relay relay = null;
        try (Portal portal = Portal.startUnhealthy(dir,
                "participation.database.url=jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                "participation.database.user=postgres", "participation.demo.content=false")) {
            Visitor visitor = new Visitor(portal);
            for (String path : List.of("/", "/pledge", "/events?type=forum", "/no-such-page")) {
                HttpResponse<String> r = visitor.get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).as(path).contains("30");
                assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-store");
                assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
                assertThat(Jsoup.parse(r.body()).select("h1").text()).as(path).isEqualTo(UNAVAILABLE);
                assertThat(Jsoup.parse(r.body()).select("html").attr("lang")).as(path).startsWith("en");
                assertThat(r.body()).as(path).doesNotContain("SERVLET").doesNotContain("Exception");
            }
            WebDriver browser = Chromium.start(Files.createDirectories(dir.resolve("profile")));
            try {
                browser.get(portal.base() + "/events");
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(UNAVAILABLE);
                Chromium.assertAccessible(browser, "The page saying the site is away");
                Chromium.assertReflowsAtPhoneWidth(browser, "The page saying the site is away");
            } finally {
                Chromium.quit(browser);
            }

            HttpResponse<String> sent = visitor.post(portal.uri("/events/widgets/1"), Map.of("name", "Sam"));
            assertThat(sent.statusCode()).isEqualTo(503);
            assertThat(sent.body()).contains("it has not been saved");
            // A request the container refuses meanwhile keeps its own status, in the site's words.
            HttpResponse<String> unreadable = visitor.send("POST", "/events/widgets/1",
                    "application/x-www-form-urlencoded; charset=no-such-charset", "name=Sam");
            assertThat(unreadable.statusCode()).isEqualTo(415);
            assertThat(Jsoup.parse(unreadable.body()).select("h1").text())
                    .isEqualTo("Sorry, this page could not read what was sent");
            assertThat(unreadable.headers().firstValue("Content-Security-Policy")).isPresent();

            // The JSON API starts a few seconds after the pages' bundles when no page can answer; before
            // then the host answers its path. Either way a program reading it is told, in problem
            // details, to come back, not that the events are gone.
            HttpResponse<String> api = visitor.get("/api/events");
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).contains("30");
            assertThat(visitor.get("/health").statusCode()).isEqualTo(503);

            relay = new Relay(port, server.getHost(), server.getPort());
            HttpResponse<String> home = await(visitor, "/", r -> r.statusCode() == 200, COMES_BACK_WITHIN);
            assertThat(Jsoup.parse(home.body()).select("h1").text()).isNotEqualTo(UNAVAILABLE);
            assertThat(await(visitor, "/health", r -> r.statusCode() == 200, COMES_BACK_WITHIN).statusCode())
                    .isEqualTo(200);
            assertThat(await(visitor, "/api/events", r -> r.statusCode() == 200, COMES_BACK_WITHIN).body())
                    .startsWith("{");
            HttpResponse<String> refused = visitor.send("POST", "/events/widgets/1",
                    "application/x-www-form-urlencoded; charset=no-such-charset", "name=Sam");
            assertThat(refused.statusCode()).isEqualTo(415);
            assertThat(Jsoup.parse(refused.body()).select("a[href=/sign-in]"))
                    .as("the site's own error page, with its menu, is back in front").isNotEmpty();
        } finally {
            if (relay != null) {
                relay.close();
            }
            PostgresDatabases.drop(database);
        }
    }

    private static HttpResponse<String> await(Visitor visitor, String path, Predicate<HttpResponse<String>> done,
            Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpResponse<String> last = visitor.get(path);
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                fail(path + " still answers " + last.statusCode() + " after " + limit + ":\n" + last.body());
            }
            Thread.sleep(250);
            last = visitor.get(path);
        }
        return last;
    }

    /** A port nothing listens on, until the relay opens it. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Passes connections on to the PostgreSQL server: opening it is the database coming back. */
    private static final class Relay implements AutoCloseable {

        private final ServerSocket listening = new ServerSocket();
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        Relay(int port, String host, int serverPort) throws IOException {
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress("127.0.0.1", port));
            daemon(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket client = listening.accept();
                        Socket database = new Socket(host, serverPort);
                        open.add(client);
                        open.add(database);
                        daemon(() -> copy(client, database));
                        daemon(() -> copy(database, client));
                    } catch (IOException e) {
                        // closed, or the server refused one connection: the portal tries again
                    }
                }
            });
        }

        private static void copy(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException e) {
                    // already closed
                }
            }
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "database-relay");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            try {
                listening.close();
                for (Socket socket : open) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
