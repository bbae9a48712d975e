package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.participation.e2e.EventFixtures.PublishedEvent;
import dev.participation.e2e.EventFixtures.StaffSession;

/**
 * Bad and hostile input to the public sign-up form of the running jar, over HTTP: generated
 * from a seed (missing fields, huge values, control characters, markup, wrong types), unknown
 * or foreign session ids, replayed form keys and missing or wrong CSRF tokens. Never a 5xx; a
 * refused post shows the form again with what was typed; a good one is saved exactly once
 * however often it is sent. Run again with {@code -Dfuzz.seed=N} to repeat a failing set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSignUpHttpTest {

    /** The text fields a person types into, by their name without the widget's prefix. */
    private static final List<String> TEXT_FIELDS = List.of("bookerName", "organisation", "p0-firstName", "p0-age",
            "p0-accessNeeds", "p0-consentBy", "email", "phone", "contactAdult");
    private static final List<String> CHOICES = List.of("booker", "p0-consentRole");

    private final String adminPassword = "Hostile-" + UUID.randomUUID();
    private Portal portal;
    private Visitor staff;
    private PublishedEvent event;
    private PublishedEvent other;

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of(System.getProperty("portal.workdir"), "event-hostile-" + System.nanoTime());
        EventFixtures.chooseAdminPassword(dir, adminPassword);
        EventFixtures.letTheCrowdThrough(dir);
        portal = Portal.start(dir);
        staff = EventFixtures.signIn(portal, adminPassword);
        event = EventFixtures.publishEvent(staff, "Hostile forum " + System.nanoTime(), 500, "Library");
        other = EventFixtures.publishEvent(staff, "Other forum " + System.nanoTime(), 500, "Museum");
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void generatedBadInputNeverGetsA5xxAndARefusedPostKeepsWhatWasTyped() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int round = 0; round < 80; round++) {
            Visitor visitor = new Visitor(portal);
            Element form = openForm(visitor, event);
            Map<String, String> typed = new LinkedHashMap<>(EventFixtures.person("Kit", "kit@example.org"));
            for (String field : TEXT_FIELDS) {
                if (random.nextInt(3) == 0) {
                    typed.put(field, hostile(random));
                }
            }
            for (String field : CHOICES) {
                if (random.nextInt(3) == 0) {
                    typed.put(field, random.nextBoolean() ? hostile(random) : "");
                }
            }
            if (random.nextInt(4) == 0) {
                typed.remove(TEXT_FIELDS.get(random.nextInt(TEXT_FIELDS.size())));
            }
            String label = "seed " + seed + " round " + round + " " + shorten(typed.toString());
            HttpResponse<String> answer = visitor.submit(form, EventFixtures.named(form, typed));
            if (answer.statusCode() >= 500) {
                failures.add(label + ": " + answer.statusCode());
                continue;
            }
            if (answer.statusCode() == 303) {
                continue;
            }
            refused++;
            Document page = Jsoup.parse(answer.body());
            if (page.selectFirst(".govuk-error-summary") == null && page.selectFirst(".govuk-error-message") == null) {
                failures.add(label + ": refused (" + answer.statusCode() + ") without saying why");
                continue;
            }
            String prefix = EventFixtures.prefix(form);
            for (String field : TEXT_FIELDS) {
                String value = typed.get(field);
                if (value == null || !printable(value)) {
                    continue;
                }
                Element box = page.selectFirst("[name=" + prefix + field + "]");
                String shown = box == null ? null : box.tagName().equals("textarea") ? box.wholeText() : box.val();
                if (!value.equals(shown)) {
                    failures.add(label + ": " + field + " shown as " + shorten(String.valueOf(shown)));
                }
            }
        }
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(refused).as("refused posts among 80 (seed " + seed + ")").isPositive();
    }

    @Test
    void unknownForeignAndMalformedSessionIdsSaveNothingAndNeverGetA5xx() {
        Visitor visitor = new Visitor(portal);
        Element form = openForm(visitor, event);
        String prefix = EventFixtures.prefix(form);
        List<String> failures = new ArrayList<>();
        List<String> mustNotBeBooked = new ArrayList<>();
        String[][] cases = {{"session", "999999999"}, {"session", "-1"}, {"session", "abc"}, {"session", ""},
            {"session", "99999999999999999999999"}, {"session", Long.toString(other.sessionId())},
            {"event", "no-such-event"}, {"event", other.slug()}, {"event", "../../intranet"}, {"people", "-3"},
            {"people", "1000000"}, {"people", "two"}, {"do", "remove-99"}, {"do", "remove-x"}, {"do", "explode"}};
        for (int i = 0; i < cases.length; i++) {
            String[] change = cases[i];
            String name = "Odd" + (char) ('A' + i);
            Map<String, String> typed = EventFixtures.person(name, "odd@example.org");
            typed.put(change[0], change[1]);
            HttpResponse<String> answer = visitor.submit(form, EventFixtures.named(form, typed));
            if (answer.statusCode() >= 500) {
                failures.add(prefix + change[0] + "=" + change[1] + ": " + answer.statusCode());
            }
            // A session or event the form was not drawn for: nothing is booked, here or there.
            if (change[0].equals("session") || change[0].equals("event")) {
                mustNotBeBooked.add(name);
            }
            // Every case is a fresh form, so no case is taken for a repeat of the one before.
            form = openForm(visitor, event);
        }
        assertThat(failures).isEmpty();
        for (PublishedEvent published : List.of(event, other)) {
            String page = EventFixtures.staffSession(staff, published.sessionId()).text();
            for (String name : mustNotBeBooked) {
                assertThat(page).as(name + " on the staff page of " + published.title()).doesNotContain(name);
            }
        }
    }

    @Test
    void aBodyLargerThanAnyFormNeedsIsRefusedWithoutA5xxAndSavesNothing() {
        Visitor visitor = new Visitor(portal);
        Element form = openForm(visitor, event);
        // Past the server's limit on form content (200,000 bytes in Jetty), not only past the field's.
        Map<String, String> typed = EventFixtures.person("Huge", "huge@example.org");
        typed.put("p0-accessNeeds", "x".repeat(400_000));
        HttpResponse<String> answer = visitor.submit(form, EventFixtures.named(form, typed));
        assertThat(answer.statusCode()).as("a 400 kB sign-up").isBetween(200, 499);
        assertThat(EventFixtures.staffSession(staff, event.sessionId()).text()).doesNotContain("Huge");
    }

    @Test
    void aPostWithoutOrWithAWrongCsrfTokenSavesNothing() {
        int before = bookings(event);
        Visitor visitor = new Visitor(portal);
        Element form = openForm(visitor, event);
        Element token = form.selectFirst("input[type=hidden][name~=(?i)csrf]");
        assertThat(token).as("the form carries a CSRF token:\n" + form.outerHtml()).isNotNull();
        Map<String, String> fields = hiddenFields(form);
        fields.putAll(EventFixtures.named(form, EventFixtures.person("Forged", "forged@example.org")));

        Map<String, String> missing = new LinkedHashMap<>(fields);
        missing.remove(token.attr("name"));
        HttpResponse<String> withoutToken = visitor.post(URI.create(form.absUrl("action")), missing);
        Map<String, String> wrong = new LinkedHashMap<>(fields);
        wrong.put(token.attr("name"), "forged-" + UUID.randomUUID());
        HttpResponse<String> wrongToken = visitor.post(URI.create(form.absUrl("action")), wrong);
        // Another visitor's token is no good either: it belongs to their session.
        HttpResponse<String> stolen = new Visitor(portal).post(URI.create(form.absUrl("action")), fields);

        for (HttpResponse<String> r : List.of(withoutToken, wrongToken, stolen)) {
            assertThat(r.statusCode()).as("a post without its own token: " + r.body()).isBetween(400, 499);
        }
        assertThat(bookings(event)).as("bookings after forged posts").isEqualTo(before);
        assertThat(EventFixtures.staffSession(staff, event.sessionId()).text()).doesNotContain("Forged");
    }

    @Test
    void aGoodSignUpIsSavedExactlyOnceHoweverOftenItIsSent() throws Exception {
        Visitor visitor = new Visitor(portal);
        Element form = openForm(visitor, event);
        Map<String, String> typed = EventFixtures.named(form, EventFixtures.person("Once", "once@example.org"));
        HttpResponse<String> first = visitor.submit(form, typed);
        assertThat(first.statusCode()).as("the sign-up: " + first.body()).isEqualTo(303);
        String confirmation = first.headers().firstValue("Location").orElseThrow();

        // Sent again one after the other (a reload), then five at once (an impatient double click).
        assertThat(visitor.submit(form, typed).headers().firstValue("Location")).contains(confirmation);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> again = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                again.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                    go.await();
                    return visitor.submit(form, typed);
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> r : again) {
                assertThat(r.get().statusCode()).isEqualTo(303);
                assertThat(r.get().headers().firstValue("Location")).contains(confirmation);
            }
        } finally {
            pool.shutdownNow();
        }
        // The same form key with someone else's answers: the first sign-up stands, nothing new is made.
        Map<String, String> replayed = EventFixtures.named(form, EventFixtures.person("Twice", "twice@example.org"));
        HttpResponse<String> other = visitor.submit(form, replayed);
        assertThat(other.statusCode()).isLessThan(500);

        StaffSession session = EventFixtures.staffSession(staff, event.sessionId());
        List<String> names = new ArrayList<>(session.placeNames());
        session.waitingList().forEach(c -> names.add(c.names()));
        assertThat(names).as("bookings named Once").containsOnlyOnce("Once").doesNotContain("Twice");
    }

    @Test
    void addingOrRemovingAYoungPersonDrawsTheFormAgainWithASuccessStatusAndKeepsWhatWasTyped() {
        Visitor visitor = new Visitor(portal);
        Element form = openForm(visitor, event);
        Map<String, String> typed = EventFixtures.person("Noor", "noor@example.org");
        typed.put("do", "add");

        HttpResponse<String> added = visitor.submit(form, EventFixtures.named(form, typed));

        assertThat(added.statusCode()).as("adding someone is not an error").isEqualTo(200);
        Document two = Jsoup.parse(added.body(), added.uri().toString());
        assertThat(two.select("fieldset > legend").eachText()).contains("Young person 1", "Young person 2");
        assertThat(two.select("input[name$=p0-firstName]").val()).isEqualTo("Noor");
        assertThat(two.select(".govuk-error-summary")).isEmpty();

        Element twoForm = EventFixtures.signUpForm(two);
        typed.put("people", "2");
        typed.put("do", "remove-1");
        HttpResponse<String> removed = visitor.submit(twoForm, EventFixtures.named(twoForm, typed));

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(removed.body()).select("fieldset > legend").eachText()).doesNotContain("Young person 2");
    }

    private Element openForm(Visitor visitor, PublishedEvent published) {
        return EventFixtures.signUpForm(visitor.page(EventFixtures.signUpPath(visitor, published)));
    }

    private int bookings(PublishedEvent published) {
        StaffSession s = EventFixtures.staffSession(staff, published.sessionId());
        return s.places().size() + s.waitingList().size();
    }

    private static Map<String, String> hiddenFields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element hidden : form.select("input[type=hidden]")) {
            fields.put(hidden.attr("name"), hidden.attr("value"));
        }
        return fields;
    }

    /** One bad value: what people paste by mistake and what attackers send on purpose. */
    private static String hostile(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> "";
            case 1 -> "   ";
            case 2 -> "x".repeat(1 + random.nextInt(20_000));
            case 3 -> "Sam\u0000Smith";
            case 4 -> "line\r\nbreak\u0007bell";
            case 5 -> "<script>alert('x')</script>";
            case 6 -> "\"><img src=x onerror=alert(1)>";
            case 7 -> "'; DROP TABLE event_booking; --";
            case 8 -> "-1";
            case 9 -> "99999999999999999999";
            case 10 -> "fifteen";
            case 11 -> "\u202Egnp.exe \uD83D\uDE00 Zoë";
            case 12 -> "%00%0d%0a${jndi:ldap://x}";
            default -> "\uFEFF\u200B";
        };
    }

    /** Text that survives the trip through HTML unchanged: no control characters or lone marks. */
    private static boolean printable(String value) {
        return value.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0xFEFF);
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
