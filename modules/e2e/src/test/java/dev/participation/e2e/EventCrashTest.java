package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.participation.e2e.EventFixtures.PublishedEvent;
import dev.participation.e2e.EventFixtures.StaffSession;

/**
 * A sign-up the portal has confirmed to a young person survives the process being killed
 * (SIGKILL) the moment the confirmation page arrives: after a start on the same data the booking
 * is on the staff page, its confirmation email is in the outbox, and the manage link in it opens
 * the booking. Several times in a row, on the embedded H2 and on PostgreSQL. No SMTP server is
 * configured, so every message stays in the outbox to be read there, where the test can be sure
 * of finding it: a message being sent at the kill would be sent again only once its sender's claim
 * had run out (two minutes).
 */
class EventCrashTest {

    private static final int SIGN_UPS = 3;

    private final String adminPassword = "Crash-" + UUID.randomUUID();

    @Test
    void aConfirmedSignUpSurvivesAKillOnTheEmbeddedDatabase() throws Exception {
        crashAfterEachSignUp(Path.of(System.getProperty("portal.workdir"), "event-crash-h2-" + System.nanoTime()));
    }

    @Test
    void aConfirmedSignUpSurvivesAKillOnPostgreSQL() throws Exception {
        PostgresDatabases.require();
        String database = PostgresDatabases.create("eventcrash");
        try {
            crashAfterEachSignUp(Path.of(System.getProperty("portal.workdir"), "event-crash-pg-" + System.nanoTime()),
                    PostgresDatabases.launchOn(database));
        } finally {
            PostgresDatabases.drop(database);
        }
    }

    private void crashAfterEachSignUp(Path dir, String... launch) throws Exception {
        EventFixtures.chooseAdminPassword(dir, adminPassword);
        EventFixtures.letTheCrowdThrough(dir);
        Portal portal = Portal.start(dir, launch);
        try {
            PublishedEvent event = EventFixtures.publishEvent(EventFixtures.signIn(portal, adminPassword),
                    "Crash forum " + System.nanoTime(), 10, "Youth Centre, Main Hall");
            List<String> confirmed = new ArrayList<>();
            List<String> lost = new ArrayList<>();
            for (int i = 0; i < SIGN_UPS; i++) {
                String name = "Survivor" + (char) ('A' + i);
                String address = "survivor" + i + "@example.org";
                Visitor visitor = new Visitor(portal);
                Element form = EventFixtures.signUpForm(visitor.page(EventFixtures.signUpPath(visitor, event)));
                HttpResponse<String> sent = visitor.submit(form,
                        EventFixtures.named(form, EventFixtures.person(name, address)));
                assertThat(sent.statusCode()).as(name + " signs up: " + Jsoup.parse(sent.body()).select("main").text())
                        .isEqualTo(303);
                HttpResponse<String> confirmation = visitor.get(
                        EventFixtures.pathOf(sent.headers().firstValue("Location").orElseThrow()));
                assertThat(EventFixtures.outcome(confirmation.body())).as(name + " is told of a place").isZero();
                portal.kill();
                confirmed.add(name);

                portal = Portal.start(dir, launch);
                Visitor staff = EventFixtures.signIn(portal, adminPassword);
                StaffSession session = EventFixtures.staffSession(staff, event.sessionId());
                for (String earlier : confirmed) {
                    if (!session.placeNames().contains(earlier)) {
                        lost.add(earlier + " after kill " + (i + 1) + " (staff page: " + session.placeNames() + ")");
                    }
                }
                assertThat(session.taken()).as("places taken after kill " + (i + 1)).isEqualTo(confirmed.size());

                // The confirmation was queued with the booking, and its link still opens the booking.
                String link = EventFixtures.manageLinkInOutbox(staff, address);
                HttpResponse<String> manage = new Visitor(portal).get(EventFixtures.pathOf(link));
                assertThat(manage.statusCode()).as(name + "'s manage link").isEqualTo(200);
                assertThat(Jsoup.parse(manage.body()).select("main").text()).contains("You have a place")
                        .contains(name);
            }
            assertThat(lost).as("confirmed sign-ups lost to SIGKILL (of " + SIGN_UPS + ")").isEmpty();
        } finally {
            portal.close();
        }
    }
}
