package dev.participation.events.internal.store;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.participation.api.audit.AuditEntry;
import dev.participation.api.widget.Message;
import dev.participation.events.EventExamples;
import dev.participation.events.Invariants;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventChanged;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.EventQuery;
import dev.participation.events.api.EventType;
import dev.participation.events.api.OnlineJoining;
import dev.participation.events.api.Promotion;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.PublicEvent;
import dev.participation.events.api.PublicSession;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

@OwnSchema(EventSchema.NAME)
class EventStoreTest {

    static final String LINK = "https://meet.example.org/j/8842-secret";

    TestStorage db;
    AuditLogStore audit;
    EventStore events;
    SignUpStore signUps;

    @BeforeEach
    void createStores(TestStorage db) {
        this.db = db;
        audit = new AuditLogStore(db.platform(), db.clock());
        OutboxStore outbox = new OutboxStore(db.platform(), db.clock(), audit);
        events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
    }

    List<String> auditActions(long id) {
        return audit.forRecord("event", String.valueOf(id)).stream().map(AuditEntry::action).toList();
    }

    @StoreTest
    void anEventIsKeptWithEverySessionAndThePublicNeverSeesTheOnlineLink() {
        SessionDetails online = new SessionDetails("Evening", EventExamples.SESSION_START,
                EventExamples.SESSION_START.plus(Duration.ofHours(1)), 30, "", LINK);
        Event created = events.create("online-forum", forum("Online Forum"), List.of(session(12), online), "editor");

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.details()).isEqualTo(forum("Online Forum"));
        assertThat(created.sessions()).extracting(s -> s.details()).containsExactly(session(12), online);
        assertThat(events.event(created.id())).contains(created);
        assertThat(events.all()).containsExactly(created);
        PublicEvent seen = events.find("online-forum").orElseThrow();
        assertThat(seen).isEqualTo(created.publicView());
        assertThat(seen.sessions()).extracting(s -> s.online()).containsExactly(false, true);
        assertThat(seen.toString()).doesNotContain("secret").doesNotContain("editor");
        assertThat(seen.sessions().get(0).placesLeft()).isEqualTo(12);
        assertThat(auditActions(created.id())).containsExactly("event.create");
    }

    @StoreTest
    void visitorsListPublishedEventsByTypeTagAgeAndDateSoonestFirstOrAsPickedByHand() {
        EventDetails later = forum("Later forum");
        events.create("later-forum", later, List.of(new SessionDetails("", EventExamples.SESSION_START.plus(
                Duration.ofDays(10)), EventExamples.SESSION_START.plus(Duration.ofDays(10).plusHours(2)), 10, "Hall",
                "")), "editor");
        events.create("soon-forum", forum("Soon forum"), List.of(session(10)), "editor");
        events.create("draft-forum", forum("Draft").withStatus(EventStatus.DRAFT), List.of(session(10)), "editor");
        events.create("ended-forum", forum("Ended"), List.of(new SessionDetails("", EventExamples.NOW.minus(
                Duration.ofDays(3)), EventExamples.NOW.minus(Duration.ofDays(3).minusHours(2)), 10, "Hall", "")),
                "editor");
        events.create("young-day", new EventDetails("Play day", "Games.", EventType.ACTIVITY_DAY, 8, 10,
                Set.of("send"), "", true, EventExamples.NOW, EventExamples.NOW.plus(Duration.ofDays(30)),
                EventStatus.PUBLISHED, 13, Promotion.AUTOMATIC), List.of(session(10)), "editor");

        assertThat(slugs(EventQuery.upcoming())).containsExactly("soon-forum", "young-day", "later-forum");
        assertThat(slugs(new EventQuery(Set.of(), Set.of(), List.of(), null, null, null, true, 10)))
                .containsExactly("ended-forum", "soon-forum", "young-day", "later-forum");
        assertThat(slugs(new EventQuery(Set.of(EventType.ACTIVITY_DAY), Set.of(), List.of(), null, null, null,
                false, 10))).containsExactly("young-day");
        assertThat(slugs(new EventQuery(Set.of(), Set.of("send", "care-leavers"), List.of(), null, null, null,
                false, 10))).containsExactly("young-day");
        assertThat(slugs(new EventQuery(Set.of(), Set.of(), List.of(), 15, null, null, false, 10)))
                .containsExactly("soon-forum", "later-forum");
        assertThat(slugs(new EventQuery(Set.of(), Set.of(), List.of(), null,
                EventExamples.SESSION_START.plus(Duration.ofDays(5)), null, false, 10))).containsExactly("later-forum");
        assertThat(slugs(new EventQuery(Set.of(), Set.of(), List.of(), null, null,
                EventExamples.SESSION_START.plus(Duration.ofDays(5)), false, 1))).containsExactly("soon-forum");
        assertThat(slugs(new EventQuery(Set.of(), Set.of(), List.of("later-forum", "draft-forum", "soon-forum"),
                null, null, null, false, 10))).containsExactly("later-forum", "soon-forum");
    }

    @StoreTest
    void theListGivesEachEventItsOwnSessionsInTheirOrderWithTheirPlacesLeft() {
        Instant start = EventExamples.SESSION_START;
        events.create("activity-week", forum("Activity week"), List.of(
                new SessionDetails("Monday", start.plus(Duration.ofDays(3)), start.plus(Duration.ofDays(3).plusHours(6)), 20, "North centre", ""),
                new SessionDetails("Tuesday", start.plus(Duration.ofDays(4)), start.plus(Duration.ofDays(4).plusHours(6)), 15, "South centre", ""),
                new SessionDetails("Wednesday", start.plus(Duration.ofDays(5)), start.plus(Duration.ofDays(5).plusHours(6)), 12, "East centre", "")),
                "editor");
        Event forum = events.create("youth-forum", forum("Youth forum"), List.of(
                new SessionDetails("Evening", start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1).plusHours(2)), 2, "Civic Centre", ""),
                new SessionDetails("Online", start.plus(Duration.ofDays(2)), start.plus(Duration.ofDays(2).plusHours(1)), 30, "", LINK)),
                "editor");
        signUps.signUp(forum.sessions().get(0).id(), person("Amara"), EventExamples.LINK);

        List<PublicEvent> listed = events.published(EventQuery.upcoming());

        assertThat(listed).extracting(PublicEvent::slug).containsExactly("youth-forum", "activity-week");
        assertThat(listed.get(0).sessions()).extracting(PublicSession::label, PublicSession::placesLeft)
                .containsExactly(tuple("Evening", 1), tuple("Online", 30));
        assertThat(listed.get(1).sessions()).extracting(PublicSession::label, PublicSession::placesLeft)
                .containsExactly(tuple("Monday", 20), tuple("Tuesday", 15), tuple("Wednesday", 12));
    }

    private List<String> slugs(EventQuery query) {
        return events.published(query).stream().map(PublicEvent::slug).toList();
    }

    @StoreTest
    void onlyPeopleWithAPlaceGetTheOnlineLink() {
        SessionDetails online = new SessionDetails("", EventExamples.SESSION_START,
                EventExamples.SESSION_START.plus(Duration.ofHours(1)), 1, "", LINK);
        long session = events.create("online", forum("Online"), List.of(online), "editor").sessions().get(0).id();
        SignUpReceipt placed = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt waiting = signUps.signUp(session, person("Ben"), EventExamples.LINK);

        assertThat(signUps.onlineLink(placed.cancelToken())).contains(LINK);
        assertThat(signUps.onlineLink(waiting.cancelToken())).isEmpty();
        assertThat(signUps.onlineLink("forged")).isEmpty();
        signUps.cancel(placed.cancelToken());
        assertThat(signUps.onlineLink(placed.cancelToken())).as("no longer once cancelled").isEmpty();
        assertThat(signUps.onlineLink(waiting.cancelToken())).as("promoted").contains(LINK);
    }

    @StoreTest
    void whereTheEventHoldsTheLinkBackAPlaceGetsItFromThatMinuteAndUntilThenOnlyWhen() {
        SessionDetails online = new SessionDetails("", EventExamples.SESSION_START,
                EventExamples.SESSION_START.plus(Duration.ofHours(1)), 1, "", LINK);
        Event event = events.create("online", forum("Online").withOnlineLinkMinutesBefore(30), List.of(online),
                "editor");
        long session = event.sessions().get(0).id();
        SignUpReceipt placed = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt waiting = signUps.signUp(session, person("Ben"), EventExamples.LINK);
        Instant from = EventExamples.SESSION_START.minus(Duration.ofMinutes(30));

        assertThat(events.event(event.id()).orElseThrow().details().onlineLinkMinutesBefore()).isEqualTo(30);
        db.clock().advance(Duration.between(db.clock().instant(), from.minusSeconds(1)));
        assertThat(signUps.onlineLink(placed.cancelToken())).as("a second before").isEmpty();
        assertThat(signUps.onlineJoining(placed.cancelToken())).contains(new OnlineJoining("", from));
        assertThat(signUps.onlineJoining(waiting.cancelToken())).as("waiting: nothing at all").isEmpty();

        db.clock().advance(Duration.ofSeconds(1));
        assertThat(signUps.onlineLink(placed.cancelToken())).as("from the minute itself").contains(LINK);
        assertThat(signUps.onlineJoining(placed.cancelToken())).contains(new OnlineJoining(LINK, from));
        assertThat(signUps.onlineLink(waiting.cancelToken())).isEmpty();

        // An editor shows it at once after all: the next look has it, whatever the time.
        events.update(event.id(), event.version(), event.details().withOnlineLinkMinutesBefore(0), "editor");
        assertThat(signUps.onlineJoining(placed.cancelToken())).contains(new OnlineJoining(LINK, null));
    }

    @StoreTest
    void aDraftIsNotPublic() {
        events.create("draft", forum("Draft").withStatus(EventStatus.DRAFT), List.of(session(5)), "editor");
        assertThat(events.find("draft")).isEmpty();
        assertThat(events.find(null)).isEmpty();
    }

    @StoreTest
    void badDetailsAndTakenAddressesAreRefusedBesideTheField() {
        events.create("forum", forum("Forum"), List.of(session(5)), "editor");
        EventProblem taken = catchThrowableOfType(EventProblem.class,
                () -> events.create("forum", forum("Forum"), List.of(session(5)), "editor"));
        assertThat(taken.errors()).containsExactly(Map.entry("slug", Message.of("events.error.slugTaken")));

        EventProblem bad = catchThrowableOfType(EventProblem.class,
                () -> events.create("Bad Slug", forum(""), List.of(session(0)), "editor"));
        assertThat(bad.errors()).containsOnlyKeys("slug", "title", "sessions[0].capacity");
        assertThat(events.all()).hasSize(1);
    }

    @StoreTest
    void ofTwoSavesFromOneVersionOnlyTheFirstLands() {
        Event created = events.create("forum", forum("Forum"), List.of(session(5)), "editor");
        Event saved = events.update(created.id(), 1, forum("Forum North"), "editor-a");

        EventChanged refused = catchThrowableOfType(EventChanged.class,
                () -> events.update(created.id(), 1, forum("Forum South"), "editor-b"));

        assertThat(saved.version()).isEqualTo(2);
        assertThat(refused.current().details().title()).isEqualTo("Forum North");
        assertThat(events.event(created.id()).orElseThrow().details().title()).isEqualTo("Forum North");
        assertThat(auditActions(created.id())).containsExactly("event.create", "event.update");
        assertThatThrownBy(() -> events.update(999, 1, forum("x"), "editor"))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    @StoreTest
    void loweringCapacityBelowThePlacesGivenIsRefusedAndRaisingItPromotes() throws Exception {
        Event event = events.create("forum", forum("Forum"), List.of(session(3)), "editor");
        long session = event.sessions().get(0).id();
        for (int i = 0; i < 3; i++) {
            signUps.signUp(session, person("P" + i), EventExamples.LINK);
        }
        SignUpReceipt first = signUps.signUp(session, person("W1"), EventExamples.LINK);
        SignUpReceipt second = signUps.signUp(session, person("W2"), EventExamples.LINK);

        EventProblem lower = catchThrowableOfType(EventProblem.class,
                () -> events.changeSession(event.id(), 1, session, session(2), "editor"));
        assertThat(lower.errors()).containsExactly(Map.entry("capacity",
                Message.of("events.error.capacityBelowTaken", 3)));
        assertThat(events.event(event.id()).orElseThrow().version()).as("nothing saved").isEqualTo(1);

        Event raised = events.changeSession(event.id(), 1, session, session(4), "editor");

        assertThat(raised.version()).isEqualTo(2);
        assertThat(raised.sessions().get(0).placesTaken()).isEqualTo(4);
        assertThat(raised.sessions().get(0).waiting()).isEqualTo(1);
        assertThat(signUps.byToken(first.cancelToken()).orElseThrow().state()).isEqualTo(BookingState.PLACE);
        assertThat(signUps.byToken(second.cancelToken()).orElseThrow().state()).isEqualTo(BookingState.WAITING);
        assertThatThrownBy(() -> events.changeSession(event.id(), 1, session, session(9), "editor"))
                .isInstanceOf(EventChanged.class);
        Invariants.check(db.dataSource(), true);
    }

    @StoreTest
    void aSessionCanBeAddedOnTheCurrentVersion() {
        Event event = events.create("forum", forum("Forum"), List.of(session(3)), "editor");
        Event more = events.addSession(event.id(), 1, session(8), "editor");
        assertThat(more.sessions()).hasSize(2);
        assertThat(more.version()).isEqualTo(2);
        assertThat(auditActions(event.id())).containsExactly("event.create", "event.session.add");
    }

}
