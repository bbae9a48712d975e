package dev.participation.events.internal.json;

import static dev.participation.events.EventExamples.NOW;
import static dev.participation.events.EventExamples.SESSION_START;
import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.participation.events.EventExamples;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Promotion;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.internal.mail.IcalFeed;
import dev.participation.events.internal.mail.NoticeSettings;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.events.internal.store.EventStore;
import dev.participation.events.internal.store.SignUpStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;
import dev.participation.testing.json.JsonApiClient;

import org.junit.jupiter.api.BeforeEach;

/**
 * {@code /api/events} over the real stores on H2 and PostgreSQL, through the portal's JSON API:
 * every answer, problems included, conforms to the assembled OpenAPI document.
 */
@OwnSchema(EventSchema.NAME)
class EventJsonResourceTest {

    static final String SECRET = "https://meet.example.org/j/secret-9001";
    static final Instant CHAT_START = SESSION_START.plus(Duration.ofDays(10));

    JsonApiClient client;
    Event forum;
    TestStorage db;
    EventStore events;

    static EventDetails kind(String title, EventType type, Integer youngest, Integer oldest, Set<String> tags) {
        return new EventDetails(title, "About " + title, type, youngest, oldest, tags, "", false,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), EventStatus.PUBLISHED,
                EventDetails.DEFAULT_CONSENT_AGE, Promotion.AUTOMATIC);
    }

    static SessionDetails on(Instant start, int capacity, String place, String link) {
        return new SessionDetails("", start, start.plus(Duration.ofHours(2)), capacity, place, link);
    }

    @BeforeEach
    void events(TestStorage db) {
        this.db = db;
        AuditLogStore audit = new AuditLogStore(db.platform(), db.clock());
        OutboxStore outbox = new OutboxStore(db.platform(), db.clock(), audit);
        var london = db.clock().withZone(ZoneId.of("Europe/London"));
        events = new EventStore(db.storage(), audit, outbox, london);
        SignUpStore signUps = new SignUpStore(db.storage(), audit, outbox, london);
        forum = events.create("youth-forum", forum("Youth Forum"), List.of(on(SESSION_START, 2, "Civic Centre", "")),
                "editor-edith");
        signUps.signUp(forum.sessions().get(0).id(), person("Amara"), EventExamples.LINK);
        signUps.signUp(forum.sessions().get(0).id(), person("Ben"), EventExamples.LINK);
        signUps.signUp(forum.sessions().get(0).id(), person("Cai"), EventExamples.LINK);
        // Its link is shown to people with a place from half an hour before: never to anyone else.
        events.create("online-chat", kind("Online Chat", EventType.ONLINE_SESSION, 13, 19, Set.of("send"))
                .withOnlineLinkMinutesBefore(30), List.of(on(CHAT_START, 30, "", SECRET)), "editor-edith");
        events.create("activity-week", kind("Activity Week", EventType.RESIDENTIAL, 8, 14, Set.of("in-care", "send")),
                List.of(on(SESSION_START.minus(Duration.ofDays(20)), 20, "Riverside Centre", ""),
                        on(SESSION_START.minus(Duration.ofDays(19)), 20, "Hillside Centre", "")), "editor-edith");
        EventDetails draft = kind("Draft Idea", EventType.FORUM, null, null, Set.of()).withStatus(EventStatus.DRAFT);
        events.create("draft-idea", draft, List.of(on(SESSION_START, 5, "Town Hall", "")), "editor-edith");
        client = new JsonApiClient(new EventJsonResource(events, london,
                new NoticeSettings("www.riverside.gov.uk", "events@riverside.gov.uk")));
    }

    static List<String> slugs(JsonNode list) {
        List<String> slugs = new ArrayList<>();
        list.get("events").forEach(e -> slugs.add(e.get("slug").asText()));
        return slugs;
    }

    @StoreTest
    void theListHasPublishedEventsSoonestFirstWithPlacesLeftAndNoLinkOrName() {
        JsonApiClient.Answer answer = client.conforming("/api/events", 200);
        JsonNode list = answer.json();

        assertThat(slugs(list)).containsExactly("activity-week", "youth-forum", "online-chat");
        assertThat(list.get("count").asInt()).isEqualTo(3);
        JsonNode session = list.at("/events/1/sessions/0");
        assertThat(session.get("placesLeft").asInt()).isZero();
        assertThat(session.get("full").asBoolean()).isTrue();
        assertThat(session.get("waiting").asInt()).isEqualTo(1);
        assertThat(list.at("/events/2/sessions/0/online").asBoolean()).isTrue();
        assertThat(list.at("/events/2/sessions/0/place").isMissingNode()).isTrue();
        assertThat(list.at("/events/0/sessions").size()).isEqualTo(2);
        assertThat(list.at("/events/0/takingSignUps").asBoolean()).isTrue();
        assertThat(answer.body()).doesNotContain("secret-9001").doesNotContain("meet.example.org")
                .doesNotContain("editor-edith").doesNotContain("Amara").doesNotContain("example.org");
    }

    @StoreTest
    void theCalendarFeedHasEverySessionToComeForACalendarProgramAndNoLinkOrName() {
        JsonApiClient.Answer answer = client.conforming("/api/events/calendar.ics", 200);

        assertThat(answer.contentType()).isEqualTo("text/calendar; charset=utf-8");
        IcalFeed feed = IcalFeed.parse(answer.body());
        assertThat(feed.method()).isEqualTo("PUBLISH");
        assertThat(feed.summaries()).containsExactly("Activity Week", "Activity Week", "Youth Forum", "Online Chat");
        assertThat(feed.event(2)).containsEntry("UID", "event-session-" + forum.sessions().get(0).id()
                + "@www.riverside.gov.uk").containsEntry("LOCATION", "Civic Centre")
                .containsEntry("ORGANIZER", "mailto:events@riverside.gov.uk");
        assertThat(feed.event(2).get("DESCRIPTION")).startsWith("Full - join the waiting list\n\nTell the council")
                .contains("Step-free entrance");
        assertThat(feed.event(3)).containsEntry("LOCATION", "Online");
        assertThat(feed.event(3).get("DESCRIPTION")).startsWith("30 places left");
        assertThat(answer.body()).doesNotContain("secret-9001").doesNotContain("editor-edith").doesNotContain("Amara")
                .doesNotContain("ATTENDEE").doesNotContain("Draft Idea");
        feed.isValid();

        IcalFeed residential = IcalFeed.parse(client.conforming("/api/events/calendar.ics?type=residential&age=9", 200)
                .body());
        assertThat(residential.summaries()).containsExactly("Activity Week", "Activity Week");
        assertThat(client.conforming("/api/events/calendar.ics?age=200", 400).contentType())
                .startsWith("application/problem+json");
    }

    IcalFeed feed() {
        IcalFeed feed = IcalFeed.parse(client.conforming("/api/events/calendar.ics", 200).body());
        feed.isValid();
        return feed;
    }

    @StoreTest
    void aSubscribedCalendarFollowsAMoveByTheSequenceAndSeesACancelledEventCancelledUntilItsEnd() {
        String uid = "event-session-" + forum.sessions().get(0).id() + "@www.riverside.gov.uk";
        assertThat(feed().withUid(uid)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("SEQUENCE", "0").containsEntry("STATUS", "CONFIRMED")
                .containsEntry("DTSTART", "20260411T090000Z"));

        // Moved a day later: the same entry, which calendars replace because its sequence is higher.
        Instant moved = SESSION_START.plus(Duration.ofDays(1));
        forum = events.changeSession(forum.id(), forum.version(), forum.sessions().get(0).id(),
                on(moved, 2, "Civic Centre", ""), "editor-edith");
        assertThat(feed().withUid(uid)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("SEQUENCE", "1").containsEntry("DTSTART", "20260412T090000Z")
                .containsEntry("STATUS", "CONFIRMED"));

        forum = events.update(forum.id(), forum.version(), forum.details().withStatus(EventStatus.CANCELLED),
                "editor-edith");
        assertThat(feed().withUid(uid)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("SEQUENCE", "2").containsEntry("STATUS", "CANCELLED")
                .containsEntry("SUMMARY", "Cancelled: Youth Forum").containsEntry("DTSTART", "20260412T090000Z"));
        assertThat(feed().withUid(uid).get(0).get("DESCRIPTION")).startsWith("This event has been cancelled");
        // The list and its JSON are for signing up: a cancelled event is no longer there.
        assertThat(slugs(client.conforming("/api/events", 200).json())).doesNotContain("youth-forum");

        // Once it would have ended, calendars have had their chance: it leaves the feed.
        db.clock().advance(Duration.between(db.clock().instant(), moved.plus(Duration.ofHours(2))));
        assertThat(feed().withUid(uid)).isEmpty();
    }

    @StoreTest
    void aDraftCancelledBeforeItWasPublishedNeverReachesTheFeed() {
        Event draft = events.all().stream().filter(e -> e.slug().equals("draft-idea")).findFirst().orElseThrow();
        events.update(draft.id(), draft.version(), draft.details().withStatus(EventStatus.CANCELLED), "editor-edith");

        String body = client.conforming("/api/events/calendar.ics", 200).body();
        assertThat(body).doesNotContain("Draft Idea");
        assertThat(IcalFeed.parse(body).summaries()).containsExactly("Activity Week", "Activity Week", "Youth Forum",
                "Online Chat");
    }

    @StoreTest
    void theLinkIsInNoAnswerEvenOnceItIsShownToPeopleWithAPlace() {
        db.clock().advance(Duration.between(db.clock().instant(), CHAT_START.minus(Duration.ofMinutes(10))));

        for (String uri : List.of("/api/events", "/api/events/online-chat", "/api/events/calendar.ics")) {
            JsonApiClient.Answer answer = client.conforming(uri, 200);
            assertThat(answer.body()).as(uri).contains("Online Chat").doesNotContain("secret-9001")
                    .doesNotContain("meet.example.org");
        }
    }

    @StoreTest
    void theFragmentMergesWholeIntoTheDocument() {
        JsonNode document = client.conforming("/api/openapi.json", 200).json();
        assertThat(document.at("/paths/~1api~1events/get/operationId").asText()).isEqualTo("listEvents");
        assertThat(document.at("/paths/~1api~1events~1{slug}/get/operationId").asText()).isEqualTo("getEvent");
        assertThat(document.at("/components/schemas").fieldNames()).toIterable()
                .contains("EventList", "Event", "EventSession", "EventType");
    }

    @StoreTest
    void filtersNarrowTheListAndTicksWidenIt() {
        assertThat(slugs(client.conforming("/api/events?type=residential", 200).json())).containsExactly("activity-week");
        assertThat(slugs(client.conforming("/api/events?type=residential&type=forum", 200).json()))
                .containsExactly("activity-week", "youth-forum");
        assertThat(slugs(client.conforming("/api/events?tag=send", 200).json()))
                .containsExactly("activity-week", "online-chat");
        assertThat(slugs(client.conforming("/api/events?age=9", 200).json())).containsExactly("activity-week");
        assertThat(slugs(client.conforming("/api/events?age=15&tag=send", 200).json())).containsExactly("online-chat");
        // The forum is on Saturday 11 April 2026; the week's sessions are in March, the chat on 21 April.
        assertThat(slugs(client.conforming("/api/events?from=2026-04-11&to=2026-04-11", 200).json()))
                .containsExactly("youth-forum");
        assertThat(slugs(client.conforming("/api/events?from=2026-04-12", 200).json())).containsExactly("online-chat");
        assertThat(slugs(client.conforming("/api/events?limit=1", 200).json())).containsExactly("activity-week");
    }

    @StoreTest
    void oneEventByItsAddress() {
        JsonNode event = client.conforming("/api/events/youth-forum", 200).json();

        assertThat(event.get("title").asText()).isEqualTo("Youth Forum");
        assertThat(event.get("type").asText()).isEqualTo("forum");
        assertThat(event.get("youngest").asInt()).isEqualTo(11);
        assertThat(event.get("access").asText()).isEqualTo("Step-free entrance and a quiet room.");
        assertThat(event.at("/sessions/0/id").asLong()).isEqualTo(forum.sessions().get(0).id());
        assertThat(event.at("/sessions/0/start").asText()).isEqualTo("2026-04-11T09:00:00Z");
        assertThat(client.conforming("/api/events/online-chat", 200).body()).doesNotContain("secret-9001");
    }

    @StoreTest
    void unknownDraftAndMalformedAddressesAreProblemsNotErrors() {
        for (String uri : List.of("/api/events/draft-idea", "/api/events/no-such-event")) {
            JsonApiClient.Answer answer = client.conforming(uri, 404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("Draft Idea");
        }
        // Addresses the document does not describe at all: still a problem detail, never a 5xx.
        for (String uri : List.of("/api/events/Not_A_Slug", "/api/events/youth-forum/sessions", "/api/events/%00")) {
            JsonApiClient.Answer answer = client.get(uri);
            assertThat(answer.status()).as(uri).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @StoreTest
    void badParametersAreA400ThatSaysWhatIsWrong() {
        for (String uri : List.of("/api/events?type=party", "/api/events?age=-1", "/api/events?age=121",
                "/api/events?age=ten", "/api/events?from=11-04-2026", "/api/events?from=2026-02-30",
                "/api/events?from=2026-04-12&to=2026-04-11", "/api/events?limit=0", "/api/events?limit=501",
                "/api/events?tag=Not%20A%20Tag", "/api/events?sort=soonest", "/api/events?age=1&age=2",
                "/api/events?from=%00", "/api/events?limit=99999999999999")) {
            JsonApiClient.Answer answer = client.get(uri);
            assertThat(answer.status()).as(uri + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.json().get("detail").asText()).as(uri).containsIgnoringCase("parameter '");
        }
        // Those the document can describe are checked against it too.
        client.conforming("/api/events?type=party", 400);
        client.conforming("/api/events?age=121", 400);
        assertThat(client.get("/api/events/youth-forum?age=3").status()).isEqualTo(400);
    }
}
