package dev.participation.events.internal.staff;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.party;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import dev.participation.api.widget.StaffPage;
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
import dev.participation.testing.browser.BrowserHost;
import dev.participation.testing.browser.Chromium;
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

    @TempDir
    static Path dir;

    private BrowserHost host;
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
        host = BrowserHost.start(dir, "Events");
        browser = host.browser();

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
        if (host != null) {
            host.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private void show(StaffPage page, String path) {
        host.show(page, path, People.ADMIN);
    }

    private void showRefused(StaffPosts posts, FakeStaffRequest post) {
        host.showRefused(posts.post(post));
    }

    @Test
    void everyStaffScreenHasNoViolations() {
        show(staff, "");
        host.assertAccessible("The events overview");
        show(staff, Long.toString(sessionId));
        assertThat(browser.findElements(By.cssSelector(".govuk-summary-card"))).hasSize(3);
        host.assertAccessible("The session page");
        host.assertReflowsAtPhoneWidth("The session page");
        show(staff, sessionId + "/export");
        host.assertAccessible("The export page");
        show(staff, sessionId + "/add");
        host.assertAccessible("The add form");
        show(staff, sessionId + "/message");
        host.assertAccessible("The message form");
        show(staff, sessionId + "/" + waiting.bookingId() + "/cancel");
        host.assertAccessible("The cancel confirmation");
        show(staff, sessionId + "/" + waiting.bookingId() + "/place");
        host.assertAccessible("The place confirmation");
        showRefused(staffPosts, FakeStaffRequest.to(EventsStaffPage.KEY, sessionId + "/" + waiting.bookingId()
                + "/place", People.STAFF));
        host.assertAccessible("The place page refused");
    }

    @Test
    void theCheckInPageWorksOnAPhone() {
        show(staff, sessionId + "/check-in");
        host.assertAccessible("The check-in page");
        Chromium.atPhoneWidth(browser, () -> {
            Chromium.assertNoSidewaysScrolling(browser, "The check-in page");
            // Big enough to tap with a thumb (WCAG 2.2's minimum is 24 px; these are far above it).
            for (var button : browser.findElements(By.cssSelector("button[value=arrived]"))) {
                assertThat(button.getSize().getHeight()).isGreaterThanOrEqualTo(44);
                assertThat(button.getSize().getWidth()).isGreaterThanOrEqualTo(200);
            }
            host.assertAccessible("The check-in page at 320 px");
        });
    }

    @Test
    void refusedStaffFormsHaveNoViolationsAndTheirSummaryLeadsToTheFields() {
        showRefused(staffPosts, FakeStaffRequest.to(EventsStaffPage.KEY, sessionId + "/add", People.STAFF)
                .with("formKey", "form-key-for-the-browser").with("p0-firstName", "").with("p0-age", "ten"));
        host.assertAccessible("The refused add form");
        Chromium.followFirstErrorLink(browser);
        assertThat(Chromium.run(browser, "return location.hash")).isEqualTo("#booker");
        host.assertReflowsAtPhoneWidth("The refused add form");

        // A party of two refused for the second child's missing permission, with its Remove buttons.
        showRefused(staffPosts, FakeStaffRequest.to(EventsStaffPage.KEY, sessionId + "/add", People.STAFF)
                .with("formKey", "form-key-for-the-browser").with("people", "2").with("booker", "carer")
                .with("bookerName", "Jo Baker").with("p0-firstName", "Ada").with("p0-age", "14")
                .with("p1-firstName", "Ben").with("p1-age", "11").with("email", "jo@example.org"));
        assertThat(browser.findElements(By.cssSelector("fieldset[id^=person-]"))).hasSize(2);
        host.assertAccessible("A refused party");
        host.assertReflowsAtPhoneWidth("A refused party");

        showRefused(staffPosts, FakeStaffRequest.to(EventsStaffPage.KEY, sessionId + "/message", People.STAFF));
        host.assertAccessible("The refused message form");
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
        Chromium.awaitNextPage(driver, focused);
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
        WebDriver noScript = Chromium.startWithoutJavaScript(dir.resolve("no-script"));
        try (StaffHost staffHost = new StaffHost(staff, staffPosts, dir.resolve("govuk.css"))) {
            noScript.get("data:text/html,<title>kept</title><script>document.title='ran'</script>");
            assertThat(noScript.getTitle()).as("no page script runs").isEqualTo("kept");

            noScript.get(staffHost.address(session + "/add"));
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

            assertThat(noScript.getCurrentUrl()).isEqualTo(staffHost.address(Long.toString(session)));
            assertThat(noScript.findElement(By.id("places")).getText()).startsWith("3 of 10 taken");
        } finally {
            Chromium.quit(noScript);
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
    void everyEditingScreenHasNoViolations() {
        show(editing, "");
        host.assertAccessible("The editors' list");
        show(editing, "new");
        host.assertAccessible("The new event form");
        show(editing, Long.toString(event.id()));
        host.assertAccessible("An event's form");
        show(editing, event.id() + "/sessions/" + sessionId);
        host.assertAccessible("A session's form");
        show(editing, event.id() + "/cancel");
        host.assertAccessible("The cancel confirmation");

        showRefused(editingPosts, FakeStaffRequest.to(EventEditingPage.KEY, "new", People.EDITOR)
                .with("title", "").with("start-day", "31").with("start-month", "2").with("capacity", "lots"));
        host.assertAccessible("The refused new event form");
        Chromium.followFirstErrorLink(browser);
        assertThat(Chromium.run(browser, "return location.hash")).isEqualTo("#title");
        host.assertReflowsAtPhoneWidth("The refused new event form");

        showRefused(editingPosts, FakeStaffRequest.to(EventEditingPage.KEY, event.id() + "/sessions/" + sessionId,
                People.EDITOR).with("version", Integer.toString(event.version())).with("capacity", "2")
                .with("start-day", "1").with("start-month", "4").with("start-year", "2026").with("start-time", "10:00")
                .with("end-day", "1").with("end-month", "4").with("end-year", "2026").with("end-time", "12:00")
                .with("place", "Town Hall"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("4 places are already given");
        host.assertAccessible("The refused session form");
    }
}
