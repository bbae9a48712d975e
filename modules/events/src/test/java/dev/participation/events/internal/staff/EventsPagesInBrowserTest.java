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
import org.openqa.selenium.WebDriver;

import dev.participation.api.widget.StaffPage;
import dev.participation.events.EventExamples;
import dev.participation.events.api.Attendee;
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

    @BeforeAll
    void start() throws IOException {
        host = BrowserHost.start(dir, "Events");
        browser = host.browser();

        db = TestStorage.open(DatabaseKind.H2, EventSchema.NAME);
        AuditLogStore audit = new AuditLogStore(db.platform(), db.clock());
        OutboxStore outbox = new OutboxStore(db.platform(), db.clock(), audit);
        EventStore events = new EventStore(db.storage(), audit, outbox, db.clock());
        SignUpStore signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
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
                .with("formKey", "form-key-for-the-browser").with("firstName", "").with("age", "ten"));
        host.assertAccessible("The refused add form");
        Chromium.followFirstErrorLink(browser);
        assertThat(Chromium.run(browser, "return location.hash")).isEqualTo("#firstName");
        host.assertReflowsAtPhoneWidth("The refused add form");

        showRefused(staffPosts, FakeStaffRequest.to(EventsStaffPage.KEY, sessionId + "/message", People.STAFF));
        host.assertAccessible("The refused message form");
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
