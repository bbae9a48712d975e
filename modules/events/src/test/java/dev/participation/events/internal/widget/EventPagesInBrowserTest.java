package dev.participation.events.internal.widget;

import static dev.participation.events.EventExamples.SESSION_START;
import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.internal.widget.PublicPages.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

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
import dev.participation.testing.browser.BrowserHost;
import dev.participation.testing.browser.Chromium;
import dev.participation.testing.db.DatabaseKind;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The public pages in Chromium with the GOV.UK Frontend styles and the widget's own, each inside a
 * minimal page as a host draws one: axe-core finds no WCAG 2.2 A/AA violation on the list (with and
 * without bad filters), an event's page, the sign-up form (empty, a refused party for a residential),
 * the confirmation, a booking's page and the cancel question; the pages reflow at 320 px. Without
 * Chromium the test is skipped with a note, except in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventPagesInBrowserTest {

    @TempDir
    static Path dir;

    private BrowserHost host;
    private WebDriver browser;
    private TestStorage db;
    private PublicPages pages;
    private Event forum;
    private Event week;

    @BeforeAll
    void start() throws IOException {
        host = BrowserHost.start(dir, "Events").withAsset("/assets/events.css", "w/events/events.css");
        browser = host.browser();

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
        if (host != null) {
            host.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private FakeWidgetRequest form(Event event, int session) {
        return visit().with("event", event.slug()).with("session", Long.toString(event.sessions().get(session).id()));
    }

    @Test
    void theListAndAnEventsPageHaveNoViolations() {
        host.show(pages.view(visit()));
        assertThat(browser.findElements(By.cssSelector(".pw-events__result"))).hasSize(2);
        host.assertAccessibleAndReflows("The list");

        host.show(pages.view(visit().with("age", "ten").with("from-day", "31").with("from-month", "2")
                .with("from-year", "2026").withAll("type", "party")));
        host.assertAccessibleAndReflows("The list with bad filters");

        host.show(pages.view(visit().preference(EventsWidget.LAYOUT, EventsWidget.LAYOUT_CARDS)));
        host.assertAccessibleAndReflows("The list as cards");

        host.show(pages.view(visit().with("event", week.slug())));
        host.assertAccessibleAndReflows("An event's page");
    }

    @Test
    void theFormEmptyAndRefusedHasNoViolationsAndItsSummaryLeadsToTheFields() {
        host.show(pages.view(form(forum, 0)));
        host.assertAccessibleAndReflows("The empty sign-up form");

        FakeWidgetRequest party = form(week, 1).with("people", "2").with("booker", "school").with("p0-age", "eight")
                .with("p1-firstName", "Sam").with("email", "nope").with("do", "send");
        host.showRefused(pages.post(party));
        assertThat(browser.findElements(By.cssSelector(".govuk-error-summary a"))).hasSizeGreaterThan(5);
        host.assertAccessibleAndReflows("A refused party for a residential");

        Chromium.followFirstErrorLink(browser);
        assertThat(Chromium.run(browser, "return document.activeElement.id"))
                .as("the first error's link lands on its field").isEqualTo(PublicPages.NS + "bookerName");
    }

    @Test
    void theConfirmationTheBookingsPageAndTheCancelQuestionHaveNoViolations() {
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
        host.show(pages.view(form(forum, 0).with("signedUp", key)));
        assertThat(browser.findElement(By.cssSelector(".govuk-panel__title")).getText()).isEqualTo("You have a place");
        host.assertAccessibleAndReflows("The confirmation");

        host.show(pages.view(visit().with("booking", receipt.cancelToken())));
        host.assertAccessibleAndReflows("A booking's page");

        host.show(pages.view(visit().with("booking", receipt.cancelToken()).with("cancel", "ask")));
        host.assertAccessibleAndReflows("The cancel question");

        host.show(pages.view(visit().with("booking", "no-such-booking")));
        host.assertAccessibleAndReflows("An unknown booking");
    }
}
