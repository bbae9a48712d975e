package dev.participation.events.internal.staff;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.party;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.EventExamples.session;
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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.EventExamples;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booking;
import dev.participation.events.api.Contact;
import dev.participation.events.api.Event;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.events.internal.editing.EventEditingPage;
import dev.participation.events.internal.store.BookingPageStore;
import dev.participation.events.internal.store.CheckInStore;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.events.internal.store.EventStore;
import dev.participation.events.internal.store.SessionMessageStore;
import dev.participation.events.internal.store.SignUpStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.FakeStaffRequest;
import dev.participation.testing.People;
import dev.participation.testing.StaffPosts;
import dev.participation.testing.db.DatabaseKind;
import dev.participation.testing.db.TestStorage;

/**
 * The events staff and editing pages in Chromium with the GOV.UK Frontend styles, each inside a
 * minimal page as a host draws one, on a real H2 database: axe-core finds no WCAG 2.2 A/AA
 * violation on any screen, refused forms included; the check-in page and the session page reflow
 * at 320 px with buttons big enough to tap; the error summary's links reach their fields by
 * keyboard. Without Chromium the test is skipped with a note, except in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsPagesInBrowserTest {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final String STYLES = "/META-INF/resources/webjars/govuk-frontend/5.13.0/dist/govuk/"
            + "govuk-frontend.min.css";

    @TempDir
    static Path dir;

    private WebDriver browser;
    private TestStorage db;
    private EventsStaffPage staff;
    private StaffPosts staffPosts;
    private EventEditingPage editing;
    private StaffPosts editingPosts;
    private Event event;
    private long sessionId;
    private SignUpReceipt waiting;
    private EventStore events;
    private SignUpStore signUps;

    @BeforeAll
    void start() throws IOException {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String how = "Browser tests need Debian's Chromium: apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail(how);
            }
            Assumptions.abort(how);
        }
        try (InputStream css = EventsPagesInBrowserTest.class.getResourceAsStream(STYLES)) {
            assertThat(css).as("GOV.UK Frontend's styles on the test class path").isNotNull();
            Files.write(dir.resolve("govuk.css"), css.readAllBytes());
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
        AuditLogStore audit = new AuditLogStore(db.platform(), db.clock());
        OutboxStore outbox = new OutboxStore(db.platform(), db.clock(), audit);
        events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
        CheckInStore checkIns = new CheckInStore(db.storage(), audit, db.clock());
        staff = new EventsStaffPage(new StaffScreens(events, signUps, checkIns,
                new SessionMessageStore(db.storage(), outbox, audit), audit, new PublicBookingLink("", new BookingPageStore(db.storage(), db.clock()))),
                db.clock(), id -> Optional.empty());
        staffPosts = StaffPosts.of(staff, List.of(new EventsStaffPage.Add(staff), new EventsStaffPage.Message(staff),
                new EventsStaffPage.Place(staff)));
        editing = new EventEditingPage(events, db.clock(), null);
        editingPosts = StaffPosts.of(editing, List.of(new EventEditingPage.Save(editing),
                new EventEditingPage.Session(editing)));

        event = events.create("youth-forum", forum("Youth Forum"), List.of(session(4)), "edith");
        sessionId = event.sessions().get(0).id();
        SignUpReceipt amira = signUps.signUp(sessionId, SignUpForm.self(EventExamples.formKey(),
                new Contact("", "", "01632 960 001"), new Attendee("Amira", 15, "A quiet room to take breaks.", "",
                        null)), EventExamples.LINK);
        signUps.signUp(sessionId, party("Jo Baker", 3), EventExamples.LINK);
        waiting = signUps.signUp(sessionId, person("Kai"), EventExamples.LINK);
        checkIns.arrived(sessionId, amira.bookingId(), 0, "sam");
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
                + "<main class=\"govuk-main-wrapper\" id=\"main-content\"><h1 class=\"govuk-heading-l\">" + title
                + "</h1>" + view.html() + "</main></div></body></html>";
        Path file = dir.resolve("page-" + System.nanoTime() + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        browser.get(file.toUri().toString());
    }

    private void show(StaffPage page, String path) throws IOException {
        WidgetView view = page.render(FakeStaffRequest.to(page.key(), path, People.ADMIN));
        assertThat(view.status()).as(path).isEqualTo(WidgetView.OK);
        show(view);
    }

    private void showRefused(StaffPosts posts, FakeStaffRequest post) throws IOException {
        PostOutcome outcome = posts.post(post);
        assertThat(outcome).isInstanceOf(PostOutcome.Invalid.class);
        show(((PostOutcome.Invalid) outcome).view());
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

    /** Whether the page scrolls sideways at 320 px, and axe's verdict there. */
    private void assertReflowsAt320(String what) {
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

    @Test
    void theOracleCatchesAnInaccessiblePage() throws IOException {
        show(WidgetView.titled("Broken", "<form><input type=\"text\" name=\"x\"></form>"));
        assertThatThrownBy(() -> assertAccessible("A broken page")).hasMessageContaining("label");
    }

    @Test
    void everyStaffScreenHasNoViolations() throws IOException {
        show(staff, "");
        assertAccessible("The events overview");
        show(staff, Long.toString(sessionId));
        assertThat(browser.findElements(By.cssSelector(".govuk-summary-card"))).hasSize(3);
        assertAccessible("The session page");
        assertReflowsAt320("The session page");
        show(staff, sessionId + "/export");
        assertAccessible("The export page");
        show(staff, sessionId + "/add");
        assertAccessible("The add form");
        show(staff, sessionId + "/message");
        assertAccessible("The message form");
        show(staff, sessionId + "/" + waiting.bookingId() + "/cancel");
        assertAccessible("The cancel confirmation");
        show(staff, sessionId + "/" + waiting.bookingId() + "/place");
        assertAccessible("The place confirmation");
        showRefused(staffPosts, FakeStaffRequest.to(EventsStaffPage.KEY, sessionId + "/" + waiting.bookingId()
                + "/place", People.STAFF));
        assertAccessible("The place page refused");
    }

    @Test
    void theCheckInPageWorksOnAPhone() throws IOException {
        show(staff, sessionId + "/check-in");
        assertAccessible("The check-in page");
        browser.manage().window().setSize(new Dimension(320, 800));
        try {
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("horizontal scrolling at 320 px").isLessThanOrEqualTo(0);
            // Big enough to tap with a thumb (WCAG 2.2's minimum is 24 px; these are far above it).
            for (var button : browser.findElements(By.cssSelector("button[value=arrived]"))) {
                assertThat(button.getSize().getHeight()).isGreaterThanOrEqualTo(44);
                assertThat(button.getSize().getWidth()).isGreaterThanOrEqualTo(200);
            }
            assertAccessible("The check-in page at 320 px");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void refusedStaffFormsHaveNoViolationsAndTheirSummaryLeadsToTheFields() throws IOException {
        showRefused(staffPosts, FakeStaffRequest.to(EventsStaffPage.KEY, sessionId + "/add", People.STAFF)
                .with("formKey", "form-key-for-the-browser").with("p0-firstName", "").with("p0-age", "ten"));
        assertAccessible("The refused add form");
        browser.findElement(By.cssSelector(".govuk-error-summary a")).sendKeys(Keys.ENTER);
        assertThat(((JavascriptExecutor) browser).executeScript("return location.hash")).isEqualTo("#booker");
        assertReflowsAt320("The refused add form");

        // A party of two refused for the second child's missing permission, with its Remove buttons.
        showRefused(staffPosts, FakeStaffRequest.to(EventsStaffPage.KEY, sessionId + "/add", People.STAFF)
                .with("formKey", "form-key-for-the-browser").with("people", "2").with("booker", "carer")
                .with("bookerName", "Jo Baker").with("p0-firstName", "Ada").with("p0-age", "14")
                .with("p1-firstName", "Ben").with("p1-age", "11").with("email", "jo@example.org"));
        assertThat(browser.findElements(By.cssSelector("fieldset[id^=person-]"))).hasSize(2);
        assertAccessible("A refused party");
        assertReflowsAt320("A refused party");

        showRefused(staffPosts, FakeStaffRequest.to(EventsStaffPage.KEY, sessionId + "/message", People.STAFF));
        assertAccessible("The refused message form");
    }

    /** Presses Tab from where the focus is until the element with this id has it, as a keyboard user would. */
    private static void tabTo(WebDriver driver, String id) {
        Actions keyboard = new Actions(driver);
        for (int i = 0; i < 80; i++) {
            if (id.equals(driver.switchTo().activeElement().getAttribute("id"))) {
                return;
            }
            keyboard.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id + " on " + driver.getCurrentUrl());
    }

    /** Types into the focused element. */
    private static void type(WebDriver driver, CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Presses Enter on the focused element and waits for the page it leads to. */
    private static void enter(WebDriver driver) {
        WebElement focused = driver.switchTo().activeElement();
        focused.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                focused.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                // While the next page is arriving Chromium may say the node does not belong to the document.
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** One child's details, field by field, from their first name on, as a keyboard user fills them in. */
    private static void child(WebDriver driver, int index, String name, String age, boolean permission) {
        tabTo(driver, "p" + index + "-firstName");
        type(driver, name);
        tabTo(driver, "p" + index + "-age");
        type(driver, age);
        if (permission) {
            tabTo(driver, "p" + index + "-consentBy");
            type(driver, "Jo Baker");
            // The radios: Tab reaches the first (a parent), the arrow moves to the second (a carer) and chooses it.
            tabTo(driver, "p" + index + "-consentRole");
            type(driver, Keys.ARROW_DOWN);
        }
    }

    @Test
    void staffBookAPartyOfThreeByKeyboardWithoutJavaScript() throws IOException {
        long session = events.create("keyboard-forum", forum("Keyboard Forum"), List.of(session(10)), "edith")
                .sessions().get(0).id();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + Files.createDirectories(dir.resolve("no-script")));
        // 2 blocks: the setting a person chooses under Site settings, JavaScript, "Don't allow".
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        WebDriver noScript = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        try (StaffHost host = new StaffHost(staff, staffPosts, dir.resolve("govuk.css"))) {
            noScript.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            noScript.get("data:text/html,<title>kept</title><script>document.title='ran'</script>");
            assertThat(noScript.getTitle()).as("no page script runs").isEqualTo("kept");

            noScript.get(host.address(session + "/add"));
            // Who is making the booking: Tab reaches the first choice, the arrow moves to "a parent or carer".
            tabTo(noScript, "booker");
            type(noScript, Keys.ARROW_DOWN);
            tabTo(noScript, "bookerName");
            type(noScript, "Jo Baker");
            child(noScript, 0, "Ada", "12", true);
            tabTo(noScript, "add");
            enter(noScript);

            assertThat(noScript.findElements(By.cssSelector("fieldset[id^=person-]"))).hasSize(2);
            assertThat(noScript.findElement(By.id("p0-firstName")).getAttribute("value")).isEqualTo("Ada");
            assertThat(noScript.findElement(By.id("bookerName")).getAttribute("value")).isEqualTo("Jo Baker");
            assertThat(noScript.findElement(By.id("booker-2")).isSelected()).isTrue();
            assertThat(noScript.findElement(By.id("p0-consentRole-2")).isSelected()).isTrue();
            child(noScript, 1, "Ben", "11", true);
            tabTo(noScript, "add");
            enter(noScript);

            assertThat(noScript.findElements(By.cssSelector("fieldset[id^=person-]"))).hasSize(3);
            assertThat(noScript.findElement(By.id("p1-firstName")).getAttribute("value")).isEqualTo("Ben");
            child(noScript, 2, "Cal", "14", false);
            tabTo(noScript, "email");
            type(noScript, "jo@example.org");
            // Enter in a text box books them, rather than adding or removing someone.
            enter(noScript);

            assertThat(noScript.getCurrentUrl()).isEqualTo(host.address(Long.toString(session)));
            assertThat(noScript.findElement(By.id("places")).getText()).startsWith("3 of 10 taken");
        } finally {
            noScript.quit();
        }
        List<Booking> booked = signUps.bookings(session, "test");
        assertThat(booked).singleElement().satisfies(b -> {
            assertThat(b.attendees()).extracting(Attendee::firstName).containsExactly("Ada", "Ben", "Cal");
            assertThat(b.attendees()).extracting(a -> a.consent() == null ? "" : a.consent().role().key())
                    .containsExactly("carer", "carer", "");
            assertThat(b.booker().name()).isEqualTo("Jo Baker");
            assertThat(b.bookedBy()).isEqualTo(People.STAFF.id());
        });
    }

    @Test
    void everyEditingScreenHasNoViolations() throws IOException {
        show(editing, "");
        assertAccessible("The editors' list");
        show(editing, "new");
        assertAccessible("The new event form");
        show(editing, Long.toString(event.id()));
        assertAccessible("An event's form");
        show(editing, event.id() + "/sessions/" + sessionId);
        assertAccessible("A session's form");
        show(editing, event.id() + "/cancel");
        assertAccessible("The cancel confirmation");

        showRefused(editingPosts, FakeStaffRequest.to(EventEditingPage.KEY, "new", People.EDITOR)
                .with("title", "").with("start-day", "31").with("start-month", "2").with("capacity", "lots"));
        assertAccessible("The refused new event form");
        browser.findElement(By.cssSelector(".govuk-error-summary a")).sendKeys(Keys.ENTER);
        assertThat(((JavascriptExecutor) browser).executeScript("return location.hash")).isEqualTo("#title");
        assertReflowsAt320("The refused new event form");

        showRefused(editingPosts, FakeStaffRequest.to(EventEditingPage.KEY, event.id() + "/sessions/" + sessionId,
                People.EDITOR).with("version", Integer.toString(event.version())).with("capacity", "2")
                .with("start-day", "1").with("start-month", "4").with("start-year", "2026").with("start-time", "10:00")
                .with("end-day", "1").with("end-month", "4").with("end-year", "2026").with("end-time", "12:00")
                .with("place", "Town Hall"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("4 places are already given");
        assertAccessible("The refused session form");
    }
}
