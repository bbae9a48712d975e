package dev.participation.events.internal.widget;

import static dev.participation.events.EventExamples.NOW;
import static dev.participation.events.EventExamples.SESSION_START;
import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.EventExamples.session;
import static dev.participation.events.internal.widget.PublicPages.NS;
import static dev.participation.events.internal.widget.PublicPages.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.participation.api.widget.Preferences;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.EventExamples;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Promotion;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.internal.store.BookingPageStore;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;

/** The widget's reading views on the real store: the list and its filters, an event's page, "not found". */
@OwnSchema(EventSchema.NAME)
class EventsWidgetTest {

    PublicPages pages;

    @BeforeEach
    void open(TestStorage db) {
        pages = new PublicPages(db);
    }

    static EventDetails kind(EventDetails d, EventType type, Integer youngest, Integer oldest, boolean food) {
        return new EventDetails(d.title(), d.description(), type, youngest, oldest, d.tags(), d.access(), food,
                d.signUpOpens(), d.signUpCloses(), d.status(), d.consentAge(), d.promotion());
    }

    static SessionDetails online(int capacity) {
        return new SessionDetails("", SESSION_START.plus(Duration.ofDays(2)),
                SESSION_START.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)), capacity, "",
                "https://meet.example.org/secret-room");
    }

    Element card(Document page, String title) {
        return page.select(".pw-events__result").stream().filter(c -> c.select("h3").text().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no card " + title + " in " + page.text()));
    }

    @StoreTest
    void theListShowsEachEventsDatesPlaceAgesAndHowItsPlacesStand() {
        pages.forum("Youth Forum", 12);
        pages.event(kind(forum("Budget question time"), EventType.ONLINE_SESSION, null, null, false), online(30));
        long full = pages.forum("Full Forum", 1).sessions().get(0).id();
        pages.signUps.signUp(full, person("Amara"), EventExamples.LINK);
        EventDetails later = forum("Summer Forum");
        pages.event(new EventDetails(later.title(), "", later.type(), 11, 25, Set.of(), "", false,
                NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(30)), EventStatus.PUBLISHED, 13,
                Promotion.AUTOMATIC), session(10));

        Document page = pages.page(visit());

        assertThat(page.select("[role=status]").text()).isEqualTo("4 events found");
        Element youth = card(page, "Youth Forum");
        assertThat(youth.text()).contains("Forum", "Saturday 11 April 2026", "Civic Centre, Committee Room 1",
                "Ages 11 to 25");
        assertThat(youth.select(".pw-events__places").text()).isEqualTo("12 places left");
        assertThat(youth.select("a").attr("href")).isEqualTo("/events?event=event-1");
        Element online = card(page, "Budget question time");
        assertThat(online.text()).contains("Online", "Any age", "Online session");
        assertThat(card(page, "Full Forum").select(".pw-events__places").text())
                .isEqualTo("Full - join the waiting list");
        assertThat(card(page, "Summer Forum").select(".pw-events__places").text())
                .startsWith("Sign-up opens Thursday 5 March 2026 at");
        assertThat(page.html()).doesNotContain("meet.example.org");
    }

    @StoreTest
    void showingTheWidgetTeachesTheBookingPageThatEmailsAboutStaffBookingsLinkTo() {
        assertThat(pages.bookingPages.address()).isEmpty();
        pages.page(visit());
        assertThat(pages.bookingPages.address()).hasValueSatisfying(address -> assertThat(address)
                .startsWith(PublicPages.ADDRESS).contains("booking=" + BookingPageStore.TOKEN));
    }

    @StoreTest
    void timesAreShownInTheVisitorsTimeZone() {
        pages.forum("Youth Forum", 12);

        String london = card(pages.page(visit()), "Youth Forum").text();
        String tokyo = card(pages.page(visit().at(ZoneId.of("Asia/Tokyo"))), "Youth Forum").text();

        // 09:00 UTC is 10:00 in London (summer time) and 18:00 in Tokyo.
        assertThat(london).containsPattern("10:00(am|AM) to 12:00(pm|PM)");
        assertThat(tokyo).containsPattern("6:00(pm|PM) to 8:00(pm|PM)");
    }

    @StoreTest
    void filtersByKindAgeAndDatesWithAnAddressToShare() {
        pages.forum("Youth Forum", 12);
        pages.event(kind(forum("Play day"), EventType.ACTIVITY_DAY, 8, 12, true), session(40));

        assertThat(titles(pages.page(visit().withAll("type", "activity-day")))).containsExactly("Play day");
        assertThat(titles(pages.page(visit().with("age", "9")))).containsExactly("Play day");
        assertThat(titles(pages.page(visit().with("age", "18")))).containsExactly("Youth Forum");
        assertThat(titles(pages.page(visit().with("from-day", "12").with("from-month", "4").with("from-year", "2026"))))
                .as("both end on 11 April").isEmpty();
        assertThat(titles(pages.page(visit().with("from-day", "11").with("from-month", "4").with("from-year", "2026")
                .with("to-day", "11").with("to-month", "4").with("to-year", "2026")))).hasSize(2);
        assertThat(titles(pages.page(visit().with("when", "week")))).as("40 days away").isEmpty();
        assertThat(titles(pages.page(visit().with("type", "forum\nactivity-day")))).as("ticks joined in a link")
                .hasSize(2);

        Document filtered = pages.page(visit().with("age", "9").withAll("type", "activity-day", "forum"));
        assertThat(filtered.select("form").attr("method")).isEqualTo("get");
        assertThat(filtered.select("input[name=" + NS + "age]").val()).isEqualTo("9");
        assertThat(filtered.select("input[name=" + NS + "type][checked]").eachAttr("value"))
                .containsExactly("forum", "activity-day");
        assertThat(filtered.select(".pw-events__result a").attr("href")).as("the event page's back link keeps the search")
                .contains("age=9");
        Document event = pages.page(visit().with("event", "event-2").with("age", "9"));
        assertThat(event.select(".govuk-back-link").attr("href")).isEqualTo("/events?age=9");
        assertThat(pages.page(visit()).select(".govuk-link[href=/events]")).as("nothing to clear").isEmpty();
    }

    @StoreTest
    void badFilterValuesGetMessagesBesideTheirFieldsAndKeepWhatWasTyped() {
        pages.forum("Youth Forum", 12);

        Document page = pages.page(visit().with("age", "ten").with("from-day", "31").with("from-month", "2")
                .with("from-year", "2026").with("to-day", "1").with("to-month", "").with("to-year", "2026")
                .with("when", "tomorrow").withAll("type", "party"));

        assertThat(page.select("[role=status]").text()).isEqualTo(
                "There is a problem with the filters. Correct them to see events.");
        assertThat(page.select(".pw-events__result")).isEmpty();
        assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactlyInAnyOrder(
                "#" + NS + "when", "#" + NS + "from-day", "#" + NS + "to-month", "#" + NS + "age", "#" + NS + "type");
        assertThat(page.select("#" + NS + "age-error").text()).contains("Enter an age from 0 to 120");
        assertThat(page.select("#" + NS + "from-error").text()).contains("real date");
        assertThat(page.select("#" + NS + "to-error").text()).contains("month");
        assertThat(page.select("#" + NS + "type-error").text()).contains("Choose kinds of event");
        assertThat(page.select("#" + NS + "age").attr("aria-describedby")).contains(NS + "age-error");
        assertThat(page.select("input[name=" + NS + "age]").val()).isEqualTo("ten");
        assertThat(page.select("input[name=" + NS + "from-day]").val()).isEqualTo("31");

        Document order = pages.page(visit().with("from-day", "12").with("from-month", "4").with("from-year", "2026")
                .with("to-day", "1").with("to-month", "4").with("to-year", "2026"));
        assertThat(order.select("#" + NS + "to-error").text()).contains("after the");
        Document huge = pages.page(visit().with("age", "9".repeat(400)).with("from-year", "99999"));
        assertThat(huge.select(".govuk-error-summary a")).hasSize(2);
    }

    @StoreTest
    void anEventsPageShowsEverySessionWithPlacesLeftAndAWayToSignUpButNeverItsOnlineLink() {
        EventDetails week = kind(forum("Activity week"), EventType.ACTIVITY_DAY, 8, 14, true);
        Event event = pages.event(week, new SessionDetails("Riverside Centre", SESSION_START,
                SESSION_START.plus(Duration.ofHours(6)), 2, "Riverside, Mill Lane", ""), new SessionDetails("Online",
                SESSION_START, SESSION_START.plus(Duration.ofHours(6)), 1, "", "https://meet.example.org/secret-room"));
        pages.signUps.signUp(event.sessions().get(1).id(), kid(), EventExamples.LINK);

        WidgetView view = pages.view(visit().with("event", event.slug()));
        Document page = org.jsoup.Jsoup.parseBodyFragment(view.html());

        assertThat(view.title()).contains("Activity week");
        assertThat(page.select("h2").text()).isEqualTo("Activity week");
        assertThat(page.text()).contains("Tell the council what matters to you.", "Ages 8 to 14", "Open to everyone",
                "Step-free entrance and a quiet room.", "Food and drinks are provided",
                "Anyone under 13 needs permission");
        Element riverside = page.select(".pw-events__session").get(0);
        assertThat(riverside.select("h4").text()).isEqualTo("Riverside Centre");
        assertThat(riverside.select(".pw-events__places").text()).isEqualTo("2 places left");
        assertThat(riverside.select("a.govuk-button").attr("href"))
                .isEqualTo("/events?event=" + event.slug() + "&session=" + event.sessions().get(0).id());
        Element online = page.select(".pw-events__session").get(1);
        assertThat(online.text()).contains("Online", "Full - join the waiting list");
        assertThat(online.select("a.govuk-button").text()).startsWith("Join the waiting list");
        assertThat(page.html()).doesNotContain("meet.example.org").doesNotContain("secret-room");
    }

    @StoreTest
    void aSessionWithoutANameIsHeadedByItsDateAndTimeShownOnce() {
        Event event = pages.event(forum("Play spaces forum"), new SessionDetails("", SESSION_START,
                SESSION_START.plus(Duration.ofHours(2)), 40, "Town Hall, Assembly Room", ""));

        Element session = org.jsoup.Jsoup.parseBodyFragment(pages.view(visit().with("event", event.slug())).html())
                .selectFirst(".pw-events__session");

        String when = session.select("h4").text();
        assertThat(when).as("the session's date and time").matches(".* \\d{4}, \\d{1,2}:\\d{2}(am|pm) to .*");
        assertThat(session.select(".govuk-summary-list__key").eachText()).containsExactly("Where");
        assertThat(session.select(".govuk-summary-list__value").eachText()).containsExactly("Town Hall, Assembly Room");
        assertThat(session.select("a.govuk-button").text()).isEqualTo("Sign up: " + when);
    }

    static dev.participation.events.api.SignUpForm kid() {
        return dev.participation.events.api.SignUpForm.self(EventExamples.formKey(),
                dev.participation.events.api.Contact.email("kit@example.org"),
                dev.participation.events.api.Attendee.of("Kit", 14));
    }

    @StoreTest
    void anEventWhoseSignUpHasNotOpenedOrHasClosedOffersNoFormEvenByItsAddress() {
        EventDetails f = forum("Later Forum");
        Event later = pages.event(new EventDetails(f.title(), "", f.type(), null, null, Set.of(), "", false,
                NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(30)), EventStatus.PUBLISHED, 13,
                Promotion.AUTOMATIC), session(10));
        long sessionId = later.sessions().get(0).id();

        Document page = pages.page(visit().with("event", later.slug()));
        assertThat(page.select("a.govuk-button")).isEmpty();
        assertThat(page.select(".pw-events__places").text()).startsWith("Sign-up opens");

        Document byAddress = pages.page(visit().with("event", later.slug()).with("session", Long.toString(sessionId)));
        assertThat(byAddress.select("form")).as("the event's page, not a form").isEmpty();
        assertThat(byAddress.select("h2").text()).isEqualTo("Later Forum");
    }

    @StoreTest
    void anUnknownOrMalformedAddressIsAKindNotFoundPageWithA404() {
        Event event = pages.forum("Youth Forum", 12);
        Event draft = pages.event(forum("Draft").withStatus(EventStatus.DRAFT), session(5));

        for (Map.Entry<String, String> asked : List.of(Map.entry("event", "no-such-event"),
                Map.entry("event", "../../etc/passwd"), Map.entry("event", "x".repeat(500)),
                Map.entry("event", draft.slug()))) {
            WidgetView view = pages.view(visit().with(asked.getKey(), asked.getValue()));
            assertThat(view.status()).as(asked.getValue()).isEqualTo(WidgetView.NOT_FOUND);
            assertThat(view.html()).contains("Event not found").doesNotContain("Draft");
        }
        for (String session : List.of("999999", "abc", "-1", String.valueOf(draft.sessions().get(0).id()))) {
            WidgetView view = pages.view(visit().with("event", event.slug()).with("session", session));
            assertThat(view.status()).as(session).isEqualTo(WidgetView.NOT_FOUND);
        }
    }

    @StoreTest
    void settingsChooseTheEventsTheLayoutAndTheHeadingLevel() {
        Event youth = pages.forum("Youth Forum", 12);
        Event play = pages.event(kind(forum("Play day"), EventType.ACTIVITY_DAY, 8, 12, true), session(40));
        pages.forum("Third Forum", 12);

        Document picked = pages.page(visit().preference(EventsWidget.SHOW, EventsWidget.SHOW_PICKED)
                .preference("pick1", play.slug()).preference("pick2", youth.slug()));
        assertThat(titles(picked)).containsExactly("Play day", "Youth Forum");
        assertThat(picked.select("form")).as("no filters for a hand-picked list").isEmpty();

        Document kinds = pages.page(visit().preference(EventsWidget.SHOW, EventsWidget.SHOW_TYPE)
                .preference(EventsWidget.TYPE, "activity-day").withAll("type", "forum"));
        assertThat(titles(kinds)).as("the widget's kind wins over the visitor's").containsExactly("Play day");

        Document cards = pages.page(visit().preference(EventsWidget.LAYOUT, EventsWidget.LAYOUT_CARDS)
                .preference(EventsWidget.COUNT, "2").preference(EventsWidget.LEVEL, "3")
                .preference(EventsWidget.FILTERS, "false"));
        assertThat(cards.select(".pw-events__results--cards")).hasSize(1);
        assertThat(titles(cards)).hasSize(2);
        assertThat(cards.select("h3").text()).isEqualTo("Upcoming events");
        assertThat(cards.select("form")).isEmpty();

        EventsWidget widget = pages.widget;
        assertThat(widget.validate(new Preferences(Map.of(EventsWidget.SHOW, "picked")))).containsOnlyKeys("pick1");
        assertThat(widget.validate(new Preferences(Map.of(EventsWidget.SHOW, "all", "pick2", "gone-event"))))
                .containsOnlyKeys("pick2");
        assertThat(widget.validate(new Preferences(Map.of(EventsWidget.SHOW, "type")))).containsOnlyKeys("type");
        assertThat(widget.validate(new Preferences(Map.of(EventsWidget.SHOW, "tag", "tag", "Not A Tag"))))
                .containsOnlyKeys("tag");
        assertThat(widget.validate(new Preferences(Map.of(EventsWidget.SHOW, "picked", "pick1", youth.slug()))))
                .isEmpty();
        assertThat(widget.choices(EventsWidget.TYPE_DECLARATION.preferences().stream()
                .filter(p -> p.key().equals("pick1")).findFirst().orElseThrow()))
                .extracting(c -> c.value()).containsExactly(youth.slug(), play.slug(), "event-3");
        assertThat(widget.viewParameters().orElseThrow()).contains("event", "session", "booking", "signedUp", "age",
                "type", "from-day", "when");
    }

    static List<String> titles(Document page) {
        return page.select(".pw-events__result h3, .pw-events__result h4").eachText();
    }
}
