package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sign-in under attack, against the running jar with its default settings: a stranger on one
 * address cannot keep the administrator out, and no answer tells which user names exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInHardeningTest {

    /** {@code accountMaxDelaySeconds}' default: the longest a name can be made to wait. */
    private static final Duration NAME_WAIT_CAP = Duration.ofSeconds(10);
    // Time for the stranger's address to be slowed down and for a few requests, on a machine
    // shared with other builds where one password check can take a second.
    private static final Duration SLACK = Duration.ofSeconds(10);

    private Portal portal;
    private int port;
    private String adminPassword;

    @BeforeAll
    void start() {
        Path dir = Path.of(System.getProperty("portal.workdir"), "sign-in-" + System.nanoTime());
        portal = Portal.start(dir, "participation.demo.content=false");
        port = portal.uri("/").getPort();
        adminPassword = portal.printedAdminPassword().orElseThrow();
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void aStrangerHammeringTheAdministratorsNameCannotKeepThemOut() throws Exception {
        AtomicBoolean hammering = new AtomicBoolean(true);
        List<Integer> strangerAnswers = new CopyOnWriteArrayList<>();
        ExecutorService stranger = Executors.newFixedThreadPool(3);
        RawClient admin = new RawClient("127.0.0.3", port);
        RawClient.Answer last;
        try {
            for (int t = 0; t < 3; t++) {
                int thread = t;
                stranger.submit(() -> {
                    RawClient client = new RawClient("127.0.0.2", port);
                    for (int i = 0; hammering.get(); i++) {
                        strangerAnswers.add(client.signIn("admin", "guess " + thread + " number " + i).status());
                    }
                    return null;
                });
            }
            // Until the stranger has been failing for a while, so the name is being made to wait.
            long warmUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (strangerAnswers.size() < 20 && System.nanoTime() < warmUp) {
                Thread.sleep(50);
            }
            assertThat(strangerAnswers).hasSizeGreaterThanOrEqualTo(20);

            // The administrator, elsewhere, tries now and then (as the refusal asks) while the attack goes on.
            long deadline = System.nanoTime() + NAME_WAIT_CAP.plus(SLACK).toNanos();
            do {
                last = admin.signIn("admin", adminPassword);
                if (last.status() == 303) {
                    break;
                }
                Thread.sleep(1500);
            } while (System.nanoTime() < deadline);
            assertThat(hammering.get()).as("the attack went on all the while").isTrue();
        } finally {
            hammering.set(false);
            stranger.shutdown();
            assertThat(stranger.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(last.status()).as("the administrator got in:\n" + last.body()).isEqualTo(303);
        assertThat(admin.get("/intranet").header("Location")).as("signed in, so sent on to change the printed password")
                .isEqualTo("/intranet/password");
        assertThat(strangerAnswers).doesNotContain(303).contains(401, 429).allMatch(status -> status < 500);
        RawClient.Answer blocked = new RawClient("127.0.0.2", port).signIn("admin", adminPassword);
        assertThat(blocked.status()).as("the stranger's address still waits, even with the right password").isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isGreaterThan(NAME_WAIT_CAP.toSeconds());
    }

    @Test
    void unknownWrongAndWaitingNamesGetTheSameAnswer() {
        RawClient client = new RawClient("127.0.0.4", port);

        RawClient.Answer unknown = client.signIn("nobody.here", "a wrong password");
        RawClient.Answer wrong = client.signIn("admin", "a wrong password");
        RawClient.Answer waiting = waitingAnswerToTheRightPassword();

        assertThat(List.of(unknown.status(), wrong.status(), waiting.status())).containsOnly(401);
        assertThat(main(wrong, "admin")).isEqualTo(main(unknown, "nobody.here")).isEqualTo(main(waiting, "admin"));
        assertThat(main(wrong, "admin")).contains("Enter a correct username and password");
        assertThat(waiting.headers().keySet()).isEqualTo(unknown.headers().keySet());
    }

    /**
     * Four failures make the name wait one second; the right password given within it gets the
     * refusal. On a slow machine the second may pass first (and the sign-in succeed), so this
     * tries again, a bounded number of times, each from a fresh address.
     */
    private RawClient.Answer waitingAnswerToTheRightPassword() {
        RawClient.Answer answer = null;
        for (int round = 0; round < 5; round++) {
            RawClient client = new RawClient("127.0.0." + (10 + round), port);
            for (int i = 0; i < 4; i++) {
                client.signIn("admin", "a wrong password");
            }
            answer = client.signIn("admin", adminPassword);
            if (answer.status() != 303) {
                return answer;
            }
        }
        return answer;
    }

    /**
     * The page's main content, without the name the person typed (shown back to them) and the form
     * token (bound to each client's own cookie).
     */
    private static String main(RawClient.Answer answer, String typedName) {
        Document page = Jsoup.parse(answer.body());
        page.select("input[name=username], input[name=_csrf]").attr("value", "");
        return page.select("main").outerHtml().replace(typedName, "").replaceAll("\\s+", " ").strip();
    }
}
