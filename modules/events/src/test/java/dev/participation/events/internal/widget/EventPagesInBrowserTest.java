package dev.participation.events.internal.widget;

import static dev.participation.events.EventExamples.SESSION_START;
import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.internal.widget.PublicPages.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.EventExamples;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Consent;
import dev.participation.events.api.ConsentRole;
import dev.participation.events.api.Contact;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Residential;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.testing.FakeWidgetRequest;
import dev.participation.testing.db.DatabaseKind;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The public pages in Chromium with the GOV.UK Frontend styles and the widget's own, each inside a
 * minimal page as a host draws one: axe-core finds no WCAG 2.2 A/AA violation on the list (with and
 * without bad filters), an event's page, the sign-up form (empty, a refused party for a residential),
 * the confirmation, a booking's page and the cancel question; the pages reflow at 320 px. Without
 * Chromium the test is skipped with a note, except in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventPagesInBrowserTest {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final String STYLES = "/META-INF/resources/webjars/govuk-frontend/5.13.0/dist/govuk/"
            + "govuk-frontend.min.css";

    @TempDir
    static Path dir;

    private WebDriver browser;
    private TestStorage db;
    private PublicPages pages;
    private Event forum;
    private Event week;

    @BeforeAll
    void start() throws IOException {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String how = "Browser tests need Debian's Chromium: apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail(how);
            }
            Assumptions.abort(how);
        }
        try (InputStream css = EventPagesInBrowserTest.class.getResourceAsStream(STYLES);
                InputStream own = EventPagesInBrowserTest.class.getResourceAsStream("/assets/events.css")) {
            assertThat(css).as("GOV.UK Frontend's styles on the test class path").isNotNull();
            Files.write(dir.resolve("govuk.css"), css.readAllBytes());
            Files.createDirectories(dir.resolve("assets/w/events"));
            Files.write(dir.resolve("assets/w/events/events.css"), own.readAllBytes());
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--allow-file-access-from-files", "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));

        db = TestStorage.open(DatabaseKind.H2, EventSchema.NAME);
        pages = new PublicPages(db);
        forum = pages.forum("Youth Forum", 12);
        EventDetails f = forum("Summer activity week");
        week = pages.event(new EventDetails(f.title(), f.description(), EventType.RESIDENTIAL, 8, 14, f.tags(),
                f.access(), true, f.signUpOpens(), f.signUpCloses(), f.status(), 18, f.promotion()),
                new SessionDetails("Riverside Centre (ages 8 to 10)", SESSION_START,
                        SESSION_START.plus(Duration.ofDays(4)), 1, "Riverside Outdoor Centre, Mill Lane", ""),
                new SessionDetails("Forest Lodge", SESSION_START, SESSION_START.plus(Duration.ofDays(4)), 20,
                        "Forest Lodge, Beech Hill Road", ""));
        // Riverside is full, so its page says "Full - join the waiting list".
        pages.signUps.signUp(week.sessions().get(0).id(), SignUpForm.self(EventExamples.formKey(),
                Contact.email("noor@example.org"), new Attendee("Noor", 9, "", "", new Consent("Jo Lee",
                        ConsentRole.CARER), new Residential("Jo Lee", "07700 900123", "", true))), EventExamples.LINK);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (db != null) {
            db.close();
        }
    }

    /** Shows a view as a host would: a page with a language, a title, one h1 and a main landmark. */
    private void show(WidgetView view) throws IOException {
        String title = view.title().orElse("Events");
        String html = "<!DOCTYPE html><html lang=\"en-GB\" class=\"govuk-template\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title><link rel=\"stylesheet\" href=\"govuk.css\"></head>"
                + "<body class=\"govuk-template__body govuk-frontend-supported\"><div class=\"govuk-width-container\">"
                + "<main class=\"govuk-main-wrapper\" id=\"main-content\"><h1 class=\"govuk-heading-xl\">Events</h1>"
                + view.html().replace("href=\"/assets/", "href=\"assets/") + "</main></div></body></html>";
        Path file = dir.resolve("page-" + System.nanoTime() + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        browser.get(file.toUri().toString());
    }

    private void assertAccessibleAndReflows(String what) {
        assertAccessible(what);
        browser.manage().window().setSize(new Dimension(320, 800));
        try {
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as(what + ": horizontal scrolling at 320 px")
                    .isLessThanOrEqualTo(0);
            assertAccessible(what + " at 320 px");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private void assertAccessible(String what) {
        List<Rule> violations = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser).getViolations();
        if (!violations.isEmpty()) {
            fail(what + " has accessibility violations:\n" + violations.stream()
                    .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at " + v.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n")));
        }
    }

    private FakeWidgetRequest form(Event event, int session) {
        return visit().with("event", event.slug()).with("session", Long.toString(event.sessions().get(session).id()));
    }

    @Test
    void theOracleCatchesAnInaccessiblePage() throws IOException {
        show(WidgetView.titled("Broken", "<form><input type=\"text\" name=\"x\"></form>"));
        assertThatThrownBy(() -> assertAccessible("A broken page")).hasMessageContaining("label");
    }

    @Test
    void theListAndAnEventsPageHaveNoViolations() throws IOException {
        show(pages.view(visit()));
        assertThat(browser.findElements(By.cssSelector(".pw-events__result"))).hasSize(2);
        assertAccessibleAndReflows("The list");

        show(pages.view(visit().with("age", "ten").with("from-day", "31").with("from-month", "2")
                .with("from-year", "2026").withAll("type", "party")));
        assertAccessibleAndReflows("The list with bad filters");

        show(pages.view(visit().preference(EventsWidget.LAYOUT, EventsWidget.LAYOUT_CARDS)));
        assertAccessibleAndReflows("The list as cards");

        show(pages.view(visit().with("event", week.slug())));
        assertAccessibleAndReflows("An event's page");
    }

    @Test
    void theFormEmptyAndRefusedHasNoViolationsAndItsSummaryLeadsToTheFields() throws IOException {
        show(pages.view(form(forum, 0)));
        assertAccessibleAndReflows("The empty sign-up form");

        FakeWidgetRequest party = form(week, 1).with("people", "2").with("booker", "school").with("p0-age", "eight")
                .with("p1-firstName", "Sam").with("email", "nope").with("do", "send");
        PostOutcome refused = pages.post(party);
        assertThat(refused).isInstanceOf(PostOutcome.Invalid.class);
        show(((PostOutcome.Invalid) refused).view());
        assertThat(browser.findElements(By.cssSelector(".govuk-error-summary a"))).hasSizeGreaterThan(5);
        assertAccessibleAndReflows("A refused party for a residential");

        browser.findElement(By.cssSelector(".govuk-error-summary a")).sendKeys(Keys.ENTER);
        assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"))
                .as("the first error's link lands on its field").isEqualTo(PublicPages.NS + "bookerName");
    }

    @Test
    void theConfirmationTheBookingsPageAndTheCancelQuestionHaveNoViolations() throws IOException {
        SignUpReceipt receipt = pages.signUps.signUp(forum.sessions().get(0).id(), EventExamples.person("Amira"),
                EventExamples.LINK);
        String key = db.storage().read(c -> {
            try (var q = c.prepareStatement("SELECT form_key FROM event_booking WHERE id = ?")) {
                q.setLong(1, receipt.bookingId());
                try (var r = q.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            }
        });
        show(pages.view(form(forum, 0).with("signedUp", key)));
        assertThat(browser.findElement(By.cssSelector(".govuk-panel__title")).getText()).isEqualTo("You have a place");
        assertAccessibleAndReflows("The confirmation");

        show(pages.view(visit().with("booking", receipt.cancelToken())));
        assertAccessibleAndReflows("A booking's page");

        show(pages.view(visit().with("booking", receipt.cancelToken()).with("cancel", "ask")));
        assertAccessibleAndReflows("The cancel question");

        show(pages.view(visit().with("booking", "no-such-booking")));
        assertAccessibleAndReflows("An unknown booking");
    }
}
