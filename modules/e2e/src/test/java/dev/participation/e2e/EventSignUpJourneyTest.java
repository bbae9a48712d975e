package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.participation.e2e.EventFixtures.PublishedEvent;
import dev.participation.e2e.EventFixtures.StaffSession;
import dev.participation.testing.browser.Chromium;

/**
 * Signing up for an event and what follows, in Chromium against the running jar with its mail
 * going to GreenMail: a young person signs up by keyboard alone on a 320 px wide screen; the
 * confirmation email's calendar file is read by ical4j; opening the manage link changes nothing,
 * cancelling there gives the place to the first on the waiting list, who is emailed; an editor
 * moves the session and everyone booked gets an update whose calendar file has the same UID and
 * a higher SEQUENCE. axe-core checks every public page on the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventSignUpJourneyTest {

    private static final String MAYA = "maya@example.org";
    private static final String LEO = "leo@example.org";
    private static final String NOOR = "noor@example.org";
    private static final String FIRST_PLACE = "Youth Centre, Main Hall";
    private static final String NEW_PLACE = "Town Hall, Council Chamber";

    private final String adminPassword = "Journey-" + UUID.randomUUID();
    private EventMailbox mail;
    private Portal portal;
    private WebDriver browser;
    private Visitor staff;
    private PublishedEvent event;

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of(System.getProperty("portal.workdir"), "event-journey-" + System.nanoTime());
        mail = new EventMailbox();
        Path portalDir = dir.resolve("portal");
        EventFixtures.chooseAdminPassword(portalDir, adminPassword);
        EventFixtures.letTheCrowdThrough(portalDir);
        EventFixtures.sendMailTo(portalDir, mail.port());
        browser = Chromium.start(Files.createDirectories(dir.resolve("profile")));
        portal = Portal.start(portalDir);
        staff = EventFixtures.signIn(portal, adminPassword);
        // Two places: Maya (in the browser) and Leo; Noor comes third and waits.
        event = EventFixtures.publishEvent(staff, "Have your say on parks " + System.nanoTime() % 100_000, 2,
                FIRST_PLACE);
    }

    @AfterAll
    void stop() {
        Chromium.quit(browser);
        if (portal != null) {
            portal.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    @Order(1)
    void aYoungPersonSignsUpByKeyboardAloneOnASmallPhone() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(320, 800));
        browser.get(portal.base() + "/events");
        checkPage("The events list");

        tabTo("the event's link", e -> e.getAttribute("href") != null
                && e.getAttribute("href").contains("event=" + event.slug()));
        pressOnFocused(Keys.ENTER);
        checkPage("The event's page");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(event.title(), FIRST_PLACE);

        tabTo("the sign-up button", e -> e.getAttribute("href") != null
                && e.getAttribute("href").contains("session=" + event.sessionId()));
        pressOnFocused(Keys.ENTER);
        checkPage("The sign-up form");

        // Sent empty first: every problem is explained, and the form stays usable by keyboard.
        tabTo("the send button", e -> "send".equals(e.getAttribute("value")) && e.getAttribute("id") != null
                && e.getAttribute("id").endsWith("send"));
        pressOnFocused(Keys.ENTER);
        WebElement summary = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.className("govuk-error-summary")));
        assertThat(summary.getText()).isNotBlank();
        checkPage("The sign-up form with errors");

        tabTo("who is signing up", e -> named(e, "booker") && "self".equals(e.getAttribute("value")));
        pressOnFocused(Keys.SPACE);
        tabTo("the first name", e -> named(e, "p0-firstName"));
        type("Maya");
        tabTo("the age", e -> named(e, "p0-age"));
        type("14");
        tabTo("access needs", e -> named(e, "p0-accessNeeds"));
        type("I use a wheelchair.");
        tabTo("the email address", e -> named(e, "email"));
        type(MAYA);
        // Enter in a text box sends the form.
        WebElement email = browser.switchTo().activeElement();
        email.sendKeys(Keys.ENTER);
        Chromium.awaitNextPage(browser, email);

        assertThat(browser.findElement(By.className("govuk-panel__title")).getText()).isEqualTo("You have a place");
        checkPage("The confirmation");

        StaffSession session = EventFixtures.staffSession(staff, event.sessionId());
        assertThat(session.placeNames()).containsExactly("Maya");
    }

    @Test
    @Order(2)
    void theConfirmationEmailCarriesACalendarFileAndItsLinkChangesNothingWhenOpened() {
        EventMailbox.Mail confirmation = mail.await(MAYA, "Booking confirmed");
        Map<String, String> calendar = confirmation.calendarEvent();
        assertThat(calendar.get("UID")).isNotBlank();
        assertThat(calendar.get("DTSTART")).isNotBlank();
        assertThat(calendar.get("SEQUENCE")).matches("\\d+");
        assertThat(calendar.get("LOCATION")).contains("Youth Centre");

        // A mail scanner, or Maya, opening the link: the booking's page, and nothing changes.
        for (int i = 0; i < 2; i++) {
            browser.get(portal.base() + EventFixtures.pathOf(confirmation.manageLink()));
        }
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("You have a place", "Maya");
        checkPage("The booking's page");
        assertThat(EventFixtures.staffSession(staff, event.sessionId()).placeNames()).containsExactly("Maya");
    }

    @Test
    @Order(3)
    void cancellingFromTheBookingPageGivesThePlaceToTheFirstWaitingWhoIsEmailed() {
        signUpOverHttp("Leo", LEO);
        signUpOverHttp("Noor", NOOR);
        StaffSession full = EventFixtures.staffSession(staff, event.sessionId());
        assertThat(full.placeNames()).containsExactlyInAnyOrder("Maya", "Leo");
        assertThat(full.card("Noor").waitingNumber()).isEqualTo(1);
        mail.await(NOOR, "You are on the waiting list");

        browser.get(portal.base() + EventFixtures.pathOf(mail.await(MAYA, "Booking confirmed").manageLink()));
        tabTo("the cancel link", e -> "booking-cancel".equals(e.getAttribute("id")));
        pressOnFocused(Keys.ENTER);
        checkPage("The question before cancelling");
        assertThat(EventFixtures.staffSession(staff, event.sessionId()).placeNames())
                .as("asking is not cancelling").contains("Maya");

        tabTo("the yes button", e -> "booking-cancel-confirm".equals(e.getAttribute("id")));
        WebElement yes = browser.switchTo().activeElement();
        yes.sendKeys(Keys.ENTER);
        Chromium.awaitNextPage(browser, yes);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("This booking is cancelled");
        checkPage("The cancelled booking's page");

        StaffSession after = EventFixtures.staffSession(staff, event.sessionId());
        assertThat(after.placeNames()).containsExactlyInAnyOrder("Leo", "Noor");
        assertThat(after.waitingList()).isEmpty();
        mail.await(MAYA, "Your booking is cancelled");
        EventMailbox.Mail promoted = mail.await(NOOR, "You have a place");
        assertThat(promoted.calendarEvent().get("UID")).isNotBlank();
    }

    @Test
    @Order(4)
    void movingTheSessionTellsEveryoneBookedWithTheSameUidAndAHigherSequence() {
        Map<String, String> leoBefore = mail.await(LEO, "Booking confirmed").calendarEvent();
        Map<String, String> noorBefore = mail.await(NOOR, "You have a place").calendarEvent();

        EventFixtures.changePlace(staff, event, NEW_PLACE);

        for (Map.Entry<String, Map<String, String>> person : Map.of(LEO, leoBefore, NOOR, noorBefore).entrySet()) {
            EventMailbox.Mail update = mail.await(person.getKey(), "A change to");
            Map<String, String> after = update.calendarEvent();
            Map<String, String> before = person.getValue();
            assertThat(after.get("UID")).as("the update's UID for " + person.getKey()).isEqualTo(before.get("UID"));
            assertThat(Integer.parseInt(after.get("SEQUENCE"))).as("the update's SEQUENCE for " + person.getKey())
                    .isGreaterThan(Integer.parseInt(before.get("SEQUENCE")));
            assertThat(after.get("LOCATION")).contains("Council Chamber");
        }
        assertThat(mail.to(MAYA)).as("Maya cancelled: no update for her")
                .noneMatch(m -> m.subject().startsWith("A change to"));
    }

    private void signUpOverHttp(String name, String address) {
        Visitor visitor = new Visitor(portal);
        Element form = EventFixtures.signUpForm(visitor.page(EventFixtures.signUpPath(visitor, event)));
        HttpResponse<String> sent = visitor.submit(form, EventFixtures.named(form, EventFixtures.person(name, address)));
        assertThat(sent.statusCode()).as(name + " signs up").isEqualTo(303);
    }

    private static boolean named(WebElement e, String field) {
        String name = e.getAttribute("name");
        return name != null && name.endsWith(field);
    }

    /** Presses Tab from where the focus is until the element wanted has it, as a keyboard user would. */
    private void tabTo(String what, Predicate<WebElement> wanted) {
        Actions keyboard = new Actions(browser);
        for (int i = 0; i < 80; i++) {
            if (wanted.test(browser.switchTo().activeElement())) {
                return;
            }
            keyboard.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + what + " on " + browser.getCurrentUrl());
    }

    private void pressOnFocused(Keys key) {
        WebElement focused = browser.switchTo().activeElement();
        focused.sendKeys(key);
        if (key == Keys.ENTER) {
            Chromium.awaitNextPage(browser, focused);
        }
    }

    private void type(String text) {
        new Actions(browser).sendKeys(text).perform();
    }

    /** axe-core finds no WCAG 2.2 AA problem, and nothing scrolls sideways at 320 px. */
    private void checkPage(String what) {
        Chromium.assertAccessible(browser, what);
        Chromium.assertNoSidewaysScrolling(browser, what);
    }
}
