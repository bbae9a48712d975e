package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.participation.e2e.EventFixtures.Card;
import dev.participation.e2e.EventFixtures.PublishedEvent;
import dev.participation.e2e.EventFixtures.StaffSession;

/**
 * Two hundred young people press "Sign up" at the same moment for a session of twenty places,
 * against the running jar: on the embedded H2, on PostgreSQL, and with two portal processes
 * sharing one PostgreSQL database. Nobody gets an error, everyone is told a place or a number,
 * exactly twenty places are given and the waiting list is numbered 1 to 180 with no gap or
 * repeat; the staff page agrees with what each visitor was told. When staff then cancel five
 * places, exactly numbers 1 to 5 move up and nobody else moves.
 */
class EventSignUpRushTest {

    private static final int VISITORS = 200;
    private static final int PLACES = 20;
    private static final int CANCELLED = 5;

    private final String adminPassword = "Rush-" + UUID.randomUUID();

    @Test
    void twoHundredAtOnceOnTheEmbeddedDatabase() throws Exception {
        rush(Path.of(System.getProperty("portal.workdir"), "event-rush-h2-" + System.nanoTime()), 1);
    }

    @Test
    void twoHundredAtOnceOnPostgreSQL() throws Exception {
        PostgresDatabases.require();
        String database = PostgresDatabases.create("rush");
        try {
            rush(Path.of(System.getProperty("portal.workdir"), "event-rush-pg-" + System.nanoTime()), 1,
                    PostgresDatabases.launchOn(database));
        } finally {
            PostgresDatabases.drop(database);
        }
    }

    @Test
    void twoHundredAtOnceSplitBetweenTwoPortalsOnOnePostgreSQLDatabase() throws Exception {
        PostgresDatabases.require();
        String database = PostgresDatabases.create("rush2");
        try {
            rush(Path.of(System.getProperty("portal.workdir"), "event-rush-2pg-" + System.nanoTime()), 2,
                    PostgresDatabases.launchOn(database));
        } finally {
            PostgresDatabases.drop(database);
        }
    }

    private void rush(Path dir, int nodes, String... launch) throws Exception {
        List<Portal> portals = new ArrayList<>();
        try {
            for (int n = 0; n < nodes; n++) {
                Path node = dir.resolve("node-" + n);
                EventFixtures.chooseAdminPassword(node, adminPassword);
                EventFixtures.letTheCrowdThrough(node);
                // One after the other: the first creates the schema the second finds.
                portals.add(Portal.start(node, launch));
            }
            Visitor staff = EventFixtures.signIn(portals.get(0), adminPassword);
            PublishedEvent event = EventFixtures.publishEvent(staff, "Rush forum " + System.nanoTime(), PLACES,
                    "Town Hall, Committee Room 1");

            // Everyone has the form open before anyone sends it.
            List<Visitor> visitors = new ArrayList<>();
            List<Element> forms = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                paths.add(EventFixtures.signUpPath(new Visitor(portals.get(n)), event));
            }
            for (int i = 0; i < VISITORS; i++) {
                Visitor visitor = new Visitor(portals.get(i % nodes));
                visitors.add(visitor);
                forms.add(EventFixtures.signUpForm(visitor.page(paths.get(i % nodes))));
            }

            Map<String, Integer> told = sendAllAtOnce(visitors, forms);

            // What each visitor was told: 20 places and the numbers 1..180, each once.
            assertThat(told.values().stream().filter(n -> n == 0)).as("places given").hasSize(PLACES);
            assertThat(told.values().stream().filter(n -> n > 0).sorted())
                    .as("waiting-list numbers told to the visitors")
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, VISITORS - PLACES).boxed().toList());

            // The staff page agrees, booking by booking: nothing lost, nothing twice.
            StaffSession session = EventFixtures.staffSession(staff, event.sessionId());
            assertThat(session.taken()).as("places taken on the staff page").isEqualTo(PLACES);
            assertThat(session.left()).as("places left").isZero();
            assertThat(session.waiting()).as("waiting on the staff page").isEqualTo(VISITORS - PLACES);
            assertThat(session.places()).as("bookings with a place").hasSize(PLACES);
            assertThat(session.waitingList()).as("bookings waiting").hasSize(VISITORS - PLACES);
            Set<String> everyone = new HashSet<>();
            session.places().forEach(c -> everyone.add(c.names()));
            session.waitingList().forEach(c -> everyone.add(c.names()));
            assertThat(everyone).as("the 200 bookings, each once").hasSize(VISITORS).isEqualTo(told.keySet());
            for (Card card : session.places()) {
                assertThat(told.get(card.names())).as(card.names() + " was told of a place").isZero();
            }
            for (Card card : session.waitingList()) {
                assertThat(card.waitingNumber()).as(card.names() + "'s number as told and on the staff page")
                        .isEqualTo(told.get(card.names()));
            }

            // Staff cancel five places on their holders' behalf: numbers 1..5 move up, nobody else.
            List<Card> leaving = session.places().subList(0, CANCELLED);
            Map<Integer, String> byNumber = new TreeMap<>();
            session.waitingList().forEach(c -> byNumber.put(c.waitingNumber(), c.names()));
            for (Card card : leaving) {
                EventFixtures.cancelOnBehalf(staff, card);
            }
            StaffSession after = EventFixtures.staffSession(portals.size() > 1 ? EventFixtures.signIn(portals.get(1),
                    adminPassword) : staff, event.sessionId());
            Set<String> expectedPlaces = new HashSet<>(session.placeNames());
            leaving.forEach(c -> expectedPlaces.remove(c.names()));
            IntStream.rangeClosed(1, CANCELLED).forEach(n -> expectedPlaces.add(byNumber.get(n)));
            assertThat(after.taken()).as("places taken after five cancellations").isEqualTo(PLACES);
            assertThat(new HashSet<>(after.placeNames())).as("who has a place after five cancellations")
                    .isEqualTo(expectedPlaces);
            assertThat(after.waiting()).isEqualTo(VISITORS - PLACES - CANCELLED);
            Map<Integer, String> stillWaiting = new TreeMap<>();
            after.waitingList().forEach(c -> stillWaiting.put(c.waitingNumber(), c.names()));
            Map<Integer, String> expectedWaiting = new TreeMap<>(byNumber);
            IntStream.rangeClosed(1, CANCELLED).forEach(expectedWaiting::remove);
            assertThat(stillWaiting).as("the waiting list, numbers unchanged").isEqualTo(expectedWaiting);
            assertThat(after.text()).contains(CANCELLED + " bookings were cancelled or not taken up.");
        } finally {
            for (Portal portal : portals) {
                portal.close();
            }
        }
    }

    /**
     * Every visitor sends the form at once (a latch), then reads the page the answer leads to;
     * returns each visitor's name with what they were told (0 for a place, else their number).
     * Fails listing every visitor not told a result, and every 5xx.
     */
    private static Map<String, Integer> sendAllAtOnce(List<Visitor> visitors, List<Element> forms) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(visitors.size());
        try {
            CountDownLatch ready = new CountDownLatch(visitors.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < visitors.size(); i++) {
                Visitor visitor = visitors.get(i);
                Element form = forms.get(i);
                String name = "Rusher" + (char) ('A' + i / 26 % 26) + (char) ('a' + i % 26);
                Map<String, String> typed = EventFixtures.named(form,
                        EventFixtures.person(name, "rusher" + i + "@example.org"));
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    HttpResponse<String> sent = visitor.submit(form, typed);
                    if (sent.statusCode() != 303) {
                        return name + " got " + sent.statusCode() + ": " + Jsoup.parse(sent.body()).select("main").text();
                    }
                    String confirmation = sent.headers().firstValue("Location").orElseThrow();
                    HttpResponse<String> page = visitor.get(EventFixtures.pathOf(confirmation));
                    if (page.statusCode() != 200) {
                        return name + "'s confirmation answered " + page.statusCode();
                    }
                    return Map.entry(name, EventFixtures.outcome(page.body()));
                }));
            }
            ready.await();
            go.countDown();
            Map<String, Integer> told = new TreeMap<>();
            List<String> problems = new ArrayList<>();
            for (Future<Object> answer : answers) {
                Object result;
                try {
                    result = answer.get();
                } catch (ExecutionException e) {
                    problems.add(String.valueOf(e.getCause()));
                    continue;
                }
                if (result instanceof Map.Entry<?, ?> entry) {
                    told.put((String) entry.getKey(), (Integer) entry.getValue());
                } else {
                    problems.add((String) result);
                }
            }
            assertThat(problems).as("visitors not told a result (of " + visitors.size() + ")").isEmpty();
            return told;
        } finally {
            pool.shutdownNow();
        }
    }
}
