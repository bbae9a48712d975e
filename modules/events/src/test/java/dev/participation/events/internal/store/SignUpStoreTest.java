package dev.participation.events.internal.store;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.party;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.participation.api.mail.OutboxEntry;
import dev.participation.api.widget.Message;
import dev.participation.events.EventExamples;
import dev.participation.events.Invariants;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booking;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.Consent;
import dev.participation.events.api.ConsentRole;
import dev.participation.events.api.Contact;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.Promotion;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.DatabaseKind;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

@OwnSchema(EventSchema.NAME)
class SignUpStoreTest {

    TestStorage db;
    AuditLogStore audit;
    OutboxStore outbox;
    EventStore events;
    SignUpStore signUps;

    @BeforeEach
    void createStores(TestStorage db) {
        this.db = db;
        audit = new AuditLogStore(db.platform(), db.clock());
        outbox = new OutboxStore(db.platform(), db.clock(), audit);
        events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
    }

    /** The notices of places given or offered from the waiting list (the confirmations and the rest aside). */
    List<OutboxEntry> promotionNotices() {
        return outbox.recent(100).stream()
                .filter(m -> m.subject().startsWith("You have a place") || m.subject().startsWith("A place is offered"))
                .toList();
    }

    long sessionWith(int capacity) {
        return sessionWith(capacity, forum("Youth Forum"));
    }

    long sessionWith(int capacity, EventDetails details) {
        Event event = events.create("forum-" + EventExamples.formKey().substring(9), details, List.of(session(capacity)),
                "editor");
        return event.sessions().get(0).id();
    }

    BookingState stateOf(long bookingId) {
        return BookingState.fromKey(db.storage().read(c -> {
            try (var q = c.prepareStatement("SELECT state FROM event_booking WHERE id = ?")) {
                q.setLong(1, bookingId);
                try (var r = q.executeQuery()) {
                    r.next();
                    return r.getString(1);
                }
            }
        })).orElseThrow();
    }

    /**
     * Every sign-up looks for an earlier send of its form under the session's lock, so the lookup
     * must find it by its unique index, not by reading the session's bookings: on PostgreSQL the plan a
     * pooled connection keeps (a generic one, made while a new table has no statistics) once read
     * all 5,000 bookings of a rush's session for each sign-up.
     */
    @StoreTest
    void theLookupForAnEarlierSendOfAFormUsesItsUniqueIndexOnANewTable() throws Exception {
        long session = sessionWith(3);
        for (String name : List.of("Amara", "Ben", "Cai", "Dee", "Eli")) {
            signUps.signUp(session, person(name), EventExamples.LINK);
        }

        String plan;
        try (Connection connection = db.rawConnection(); Statement statement = connection.createStatement()) {
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                statement.execute("SET plan_cache_mode = force_generic_plan");
                statement.execute("PREPARE by_form_key AS " + SignUpStore.BY_FORM_KEY.replaceFirst("\\?", "\\$1")
                        .replaceFirst("\\?", "\\$2"));
                plan = explained(statement, "EXPLAIN EXECUTE by_form_key(" + session + ", 'form-key-x')");
            } else {
                plan = explained(statement, "EXPLAIN " + SignUpStore.BY_FORM_KEY.replace("session_id = ?",
                        "session_id = " + session).replace("form_key = ?", "form_key = 'form-key-x'"));
            }
        }

        assertThat(plan.toLowerCase(Locale.ROOT)).contains("event_booking_one_per_form")
                .doesNotContain("event_booking_by_state").doesNotContain("event_booking_unique_number");
    }

    private static String explained(Statement statement, String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(explain)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    @StoreTest
    void aChangeOfPlaceGreetsEachBookingAsItsConfirmationDid() {
        long session = sessionWith(2);
        signUps.signUp(session, person("Amara"), EventExamples.LINK);
        signUps.signUp(session, party("Jo Carer", 2), EventExamples.LINK);
        signUps.signUp(session, SignUpForm.self(EventExamples.formKey(),
                new Contact("Sam Guardian", "sam@example.org", ""), Attendee.of("Kit", 15)), EventExamples.LINK);
        Event event = events.all().get(0);

        events.changeSession(event.id(), event.version(), session, new SessionDetails("", EventExamples.SESSION_START,
                EventExamples.SESSION_START.plus(Duration.ofHours(2)), 2, "Town Hall, Room 2", ""), "editor");

        List<OutboxEntry> told = outbox.recent(3);
        assertThat(told).extracting(OutboxEntry::to)
                .containsExactlyInAnyOrder("amara@example.org", "jo.carer@example.org", "sam@example.org");
        assertThat(told).extracting(m -> outbox.read(m.id(), "admin").orElseThrow().body().lines().findFirst().orElseThrow())
                .containsExactlyInAnyOrder("Hello Amara,", "Hello Jo Carer,", "Hello Sam Guardian,");
        assertThat(told).allSatisfy(m -> assertThat(outbox.read(m.id(), "admin").orElseThrow().body())
                .contains("Town Hall, Room 2"));
    }

    @StoreTest
    void placesGoFirstThenNumberedWaitingPositions() throws Exception {
        long session = sessionWith(2);

        SignUpReceipt first = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt second = signUps.signUp(session, person("Ben"), EventExamples.LINK);
        SignUpReceipt third = signUps.signUp(session, person("Cai"), EventExamples.LINK);
        SignUpReceipt fourth = signUps.signUp(session, person("Dee"), EventExamples.LINK);

        assertThat(List.of(first.state(), second.state())).containsOnly(BookingState.PLACE);
        assertThat(third.state()).isEqualTo(BookingState.WAITING);
        assertThat(third.waitingNumber()).isEqualTo(1);
        assertThat(fourth.waitingNumber()).isEqualTo(2);
        assertThat(first.cancelToken()).hasSizeGreaterThan(40);
        assertThat(db.count("SELECT COUNT(*) FROM event_booking WHERE cancel_token_hash = ?", first.cancelToken()))
                .as("the token itself is never stored").isZero();
        Event event = events.all().get(0);
        assertThat(event.sessions().get(0).placesLeft()).isZero();
        assertThat(event.sessions().get(0).waiting()).isEqualTo(2);
        Invariants.check(db.dataSource(), true);
    }

    @StoreTest
    void cancellingPromotesTheFirstWaitingAndTellsThemInTheSameTransaction() throws Exception {
        long session = sessionWith(1);
        SignUpReceipt holder = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt next = signUps.signUp(session, person("Ben"), EventExamples.LINK);
        SignUpReceipt after = signUps.signUp(session, person("Cai"), EventExamples.LINK);

        assertThat(signUps.cancel(holder.cancelToken())).isTrue();

        assertThat(stateOf(holder.bookingId())).isEqualTo(BookingState.CANCELLED);
        assertThat(stateOf(next.bookingId())).isEqualTo(BookingState.PLACE);
        assertThat(stateOf(after.bookingId())).isEqualTo(BookingState.WAITING);
        List<OutboxEntry> mail = promotionNotices();
        assertThat(mail).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("ben@example.org");
            assertThat(m.subject()).contains("You have a place").contains("Youth Forum");
        });
        assertThat(signUps.cancel(holder.cancelToken())).as("a second click changes nothing").isFalse();
        assertThat(signUps.cancel("no-such-token")).isFalse();
        assertThat(promotionNotices()).hasSize(1);
        Invariants.check(db.dataSource(), true);
    }

    @StoreTest
    void aPartyGetsPlacesForAllOrWaitsTogetherAndIsPassedOverUntilItFits() throws Exception {
        long session = sessionWith(4);
        SignUpReceipt a = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt b = signUps.signUp(session, person("Ben"), EventExamples.LINK);
        SignUpReceipt c = signUps.signUp(session, person("Cai"), EventExamples.LINK);

        SignUpReceipt carers = signUps.signUp(session, party("Pat Jones", 3), EventExamples.LINK);
        assertThat(carers.state()).as("3 do not fit in 1 place: all wait, as one entry").isEqualTo(BookingState.WAITING);
        assertThat(carers.waitingNumber()).isEqualTo(1);
        assertThat(carers.people()).isEqualTo(3);

        SignUpReceipt dee = signUps.signUp(session, person("Dee"), EventExamples.LINK);
        assertThat(dee.state()).as("the first booking that fits gets the place").isEqualTo(BookingState.PLACE);
        SignUpReceipt eve = signUps.signUp(session, person("Eve"), EventExamples.LINK);
        assertThat(eve.waitingNumber()).isEqualTo(2);

        signUps.cancel(a.cancelToken());
        assertThat(stateOf(carers.bookingId())).isEqualTo(BookingState.WAITING);
        assertThat(stateOf(eve.bookingId())).as("passed the party that does not fit").isEqualTo(BookingState.PLACE);

        signUps.cancel(b.cancelToken());
        signUps.cancel(c.cancelToken());
        assertThat(stateOf(carers.bookingId())).isEqualTo(BookingState.WAITING);
        signUps.cancel(dee.cancelToken());
        assertThat(stateOf(carers.bookingId())).as("three places free: the whole party moves up together")
                .isEqualTo(BookingState.PLACE);
        assertThat(db.count("SELECT places_taken FROM event_session WHERE id = ?", session)).isEqualTo(4);
        Invariants.check(db.dataSource(), true);
    }

    @StoreTest
    void aNewcomerDoesNotTakeAPlaceSomeoneWaitingFits() throws Exception {
        long session = sessionWith(1, forum("Forum").withPromotion(new Promotion(
                dev.participation.events.api.PromotionMode.AUTOMATIC, 0, 24 * 45)));
        SignUpReceipt holder = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt waiting = signUps.signUp(session, person("Ben"), EventExamples.LINK);
        // Promotion has stopped (45 days before a start 40 days away), so the freed place stays free...
        signUps.cancel(holder.cancelToken());
        assertThat(stateOf(waiting.bookingId())).isEqualTo(BookingState.WAITING);
        // ...and is not taken by someone who comes later than Ben.
        SignUpReceipt late = signUps.signUp(session, person("Cai"), EventExamples.LINK);
        assertThat(late.state()).isEqualTo(BookingState.WAITING);
        assertThat(late.waitingNumber()).isEqualTo(2);
        // Staff may still place Ben by hand, once, and only into a free place.
        assertThat(signUps.placeFromWaitingList(waiting.bookingId(), "staff-1")).isTrue();
        assertThat(stateOf(waiting.bookingId())).isEqualTo(BookingState.PLACE);
        assertThat(signUps.placeFromWaitingList(waiting.bookingId(), "staff-1")).as("already placed").isTrue();
        EventProblem full = catchThrowableOfType(EventProblem.class,
                () -> signUps.placeFromWaitingList(late.bookingId(), "staff-1"));
        assertThat(full.errors()).containsExactly(Map.entry("", Message.of("events.error.noRoom", 1, 0)));
        assertThat(db.count("SELECT COUNT(*) FROM event_promotion")).isEqualTo(1);
        assertThat(promotionNotices()).extracting(OutboxEntry::to).containsExactly("ben@example.org");
        Invariants.check(db.dataSource(), false);
    }

    @StoreTest
    void theSameFormSentTwiceMakesOneSignUp() throws Exception {
        long session = sessionWith(5);
        SignUpForm form = person("Amara");
        SignUpReceipt first = signUps.signUp(session, form, EventExamples.LINK);
        SignUpReceipt again = signUps.signUp(session, form, EventExamples.LINK);

        assertThat(again.repeated()).isTrue();
        assertThat(again.bookingId()).isEqualTo(first.bookingId());
        assertThat(again.state()).isEqualTo(BookingState.PLACE);
        assertThat(again.cancelToken()).isNull();

        // Sent twice at the same moment (a double click on two connections): still one.
        SignUpForm raced = person("Ben");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<SignUpReceipt> submit = () -> {
                start.await();
                return signUps.signUp(session, raced, EventExamples.LINK);
            };
            Future<SignUpReceipt> one = pool.submit(submit);
            Future<SignUpReceipt> two = pool.submit(submit);
            start.countDown();
            assertThat(one.get().bookingId()).isEqualTo(two.get().bookingId());
            assertThat(List.of(one.get().repeated(), two.get().repeated())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.count("SELECT COUNT(*) FROM event_booking")).isEqualTo(2);
        assertThat(db.count("SELECT places_taken FROM event_session WHERE id = ?", session)).isEqualTo(2);
    }

    @StoreTest
    void formsSentThreeTimesEachInARushMakeOneSignUpEach() throws Exception {
        long session = sessionWith(4);
        List<SignUpForm> forms = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            forms.add(person("Person" + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Future<SignUpReceipt>> sends = new ArrayList<>();
        try {
            // Thirty at once: sends of one form land in the same group written together as well as in others.
            for (int copy = 0; copy < 3; copy++) {
                for (SignUpForm form : forms) {
                    sends.add(pool.submit(() -> {
                        start.await();
                        return signUps.signUp(session, form, EventExamples.LINK);
                    }));
                }
            }
            start.countDown();
            for (int i = 0; i < forms.size(); i++) {
                List<SignUpReceipt> same = List.of(sends.get(i).get(), sends.get(i + 10).get(), sends.get(i + 20).get());
                assertThat(same).extracting(SignUpReceipt::bookingId).as("form %d", i).containsOnly(same.get(0).bookingId());
                assertThat(same).extracting(SignUpReceipt::repeated).as("form %d", i).containsExactlyInAnyOrder(false, true, true);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.count("SELECT COUNT(*) FROM event_booking")).isEqualTo(10);
        assertThat(db.count("SELECT places_taken FROM event_session WHERE id = ?", session)).isEqualTo(4);
        assertThat(db.count("SELECT people_waiting FROM event_session WHERE id = ?", session)).isEqualTo(6);
    }

    @StoreTest
    void badFormsAreRefusedWithEveryProblemAndNothingIsKept() {
        long session = sessionWith(5);
        SignUpForm bad = new SignUpForm("short", dev.participation.events.api.Booker.SELF,
                new Contact("", "not-an-address", ""), List.of(new Attendee(" ", 9, "", "nuts", null)));

        EventProblem problem = catchThrowableOfType(EventProblem.class, () -> signUps.signUp(session, bad, EventExamples.LINK));

        assertThat(problem.errors()).containsOnlyKeys("", "contact.email", "attendees[0].firstName",
                "attendees[0].age", "attendees[0].dietaryNeeds", "attendees[0].consent.givenBy");
        assertThat(db.count("SELECT COUNT(*) FROM event_booking")).isZero();
        assertThat(db.count("SELECT places_taken FROM event_session")).isZero();
    }

    @StoreTest
    void aSignUpOutsideTheWindowIsRefusedButStaffMayStillAdd() {
        long session = sessionWith(1, forum("Forum").withStatus(EventStatus.DRAFT));
        EventProblem closed = catchThrowableOfType(EventProblem.class, () -> signUps.signUp(session, person("Amara"), EventExamples.LINK));
        assertThat(closed.errors()).containsExactly(Map.entry("", Message.of("events.error.notOpen")));

        SignUpReceipt added = signUps.addFor(session, person("Amara"), EventExamples.LINK, "staff-1");
        SignUpReceipt overflow = signUps.addFor(session, person("Ben"), EventExamples.LINK, "staff-1");
        assertThat(added.state()).isEqualTo(BookingState.PLACE);
        assertThat(overflow.state()).as("staff obey the capacity too").isEqualTo(BookingState.WAITING);
        assertThat(audit.forRecord("event-booking", String.valueOf(added.bookingId())))
                .extracting(e -> e.actor() + " " + e.action()).containsExactly("staff-1 event.booking.add-for");
    }

    @StoreTest
    void theStaffListHasPlacesThenTheWaitingListInOrderThenCancelledEachWithItsOwnPeople() {
        long session = sessionWith(4);
        SignUpReceipt carer = signUps.signUp(session, party("Pat Jones", 3), EventExamples.LINK);
        SignUpReceipt amara = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt firstWaiting = signUps.signUp(session, party("Sam Lee", 2), EventExamples.LINK);
        SignUpReceipt gone = signUps.signUp(session, person("Ben"), EventExamples.LINK);
        SignUpReceipt secondWaiting = signUps.signUp(session, person("Cai"), EventExamples.LINK);
        signUps.cancelFor(gone.bookingId(), "staff-1");

        List<Booking> listed = signUps.bookings(session, "staff-1");

        assertThat(listed).extracting(Booking::id).containsExactly(carer.bookingId(), amara.bookingId(),
                firstWaiting.bookingId(), secondWaiting.bookingId(), gone.bookingId());
        assertThat(listed).extracting(Booking::state).containsExactly(BookingState.PLACE, BookingState.PLACE,
                BookingState.WAITING, BookingState.WAITING, BookingState.CANCELLED);
        assertThat(listed.get(0).attendees()).extracting(Attendee::firstName).containsExactly("Child1", "Child2", "Child3");
        assertThat(listed.get(0).attendees()).extracting(a -> a.consent().givenBy()).containsOnly("Pat Jones");
        assertThat(listed.get(1).attendees()).extracting(Attendee::firstName).containsExactly("Amara");
        assertThat(listed.get(2).attendees()).extracting(Attendee::firstName).containsExactly("Child1", "Child2");
        assertThat(listed.get(2).attendees()).extracting(a -> a.consent().givenBy()).containsOnly("Sam Lee");
        assertThat(listed.get(3).attendees()).extracting(Attendee::firstName).containsExactly("Cai");
        assertThat(listed.get(4).attendees()).extracting(Attendee::firstName).containsExactly("Ben");
    }

    @StoreTest
    void onlyWhatIsNeededIsKeptAndStaffReadsAreAudited() {
        EventDetails residential = new EventDetails("Activity Week", "", dev.participation.events.api.EventType.RESIDENTIAL,
                8, 14, java.util.Set.of(), "", true, EventExamples.NOW.minus(Duration.ofDays(1)),
                EventExamples.NOW.plus(Duration.ofDays(30)), EventStatus.PUBLISHED, 18, Promotion.AUTOMATIC);
        long session = sessionWith(10, residential);
        SignUpForm school = new SignUpForm(EventExamples.formKey(),
                new dev.participation.events.api.Booker(dev.participation.events.api.BookerRole.SCHOOL, "Ms Okafor",
                        "Hillside Primary"), new Contact("Ms Okafor", "office@hillside.example.org", ""),
                List.of(new Attendee("Jo", 9, "Uses a wheelchair", "Vegetarian", new Consent("Sam Smith", ConsentRole.PARENT),
                                new dev.participation.events.api.Residential("Sam Smith", "01632 960001", "", true)),
                        new Attendee("Kit", 13, "", "", new Consent("Lee Brown", ConsentRole.PARENT),
                                new dev.participation.events.api.Residential("Lee Brown", "01632 960002", "", false))));

        SignUpReceipt receipt = signUps.signUp(session, school, EventExamples.LINK);

        assertThat(receipt.state()).isEqualTo(BookingState.PLACE);
        List<Booking> bookings = signUps.bookings(session, "staff-2");
        assertThat(bookings).singleElement().satisfies(b -> {
            assertThat(b.attendees()).extracting(Attendee::dietaryNeeds).containsExactly("Vegetarian", "");
            assertThat(b.attendees().get(1).consent()).as("under 18 at this residential: permission kept")
                    .isEqualTo(new Consent("Lee Brown", ConsentRole.PARENT));
            assertThat(b.booker().organisation()).isEqualTo("Hillside Primary");
        });
        assertThat(audit.forRecord("event-session", String.valueOf(session)))
                .extracting(e -> e.actor() + " " + e.action()).containsExactly("staff-2 event.session.read-bookings");
        assertThat(signUps.byToken(receipt.cancelToken())).map(Booking::id).contains(receipt.bookingId());
    }

    @StoreTest
    void anOfferHoldsThePlaceUntilItEndsThenGoesToTheNext() throws Exception {
        long session = sessionWith(1, forum("Forum").withPromotion(Promotion.offers(48, 24)));
        SignUpReceipt holder = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt ben = signUps.signUp(session, person("Ben"), EventExamples.LINK);
        SignUpReceipt cai = signUps.signUp(session, person("Cai"), EventExamples.LINK);

        signUps.cancel(holder.cancelToken());
        assertThat(stateOf(ben.bookingId())).isEqualTo(BookingState.OFFERED);
        assertThat(signUps.signUp(session, person("Dee"), EventExamples.LINK).state()).as("an offered place is held")
                .isEqualTo(BookingState.WAITING);

        db.clock().advance(Duration.ofHours(48));
        assertThat(signUps.acceptOffer(ben.cancelToken())).as("too late").isFalse();
        assertThat(stateOf(ben.bookingId())).isEqualTo(BookingState.OFFER_LAPSED);
        assertThat(stateOf(cai.bookingId())).isEqualTo(BookingState.OFFERED);

        db.clock().advance(Duration.ofHours(1));
        assertThat(signUps.acceptOffer(cai.cancelToken())).isTrue();
        assertThat(stateOf(cai.bookingId())).isEqualTo(BookingState.PLACE);
        assertThat(signUps.lapseOffers()).isZero();
        assertThat(promotionNotices()).extracting(OutboxEntry::to)
                .containsExactlyInAnyOrder("ben@example.org", "cai@example.org");
        Invariants.check(db.dataSource(), true);
    }

    @StoreTest
    void aScheduledSweepLapsesOffersNobodyTouches() throws Exception {
        long session = sessionWith(1, forum("Forum").withPromotion(Promotion.offers(2, 24)));
        SignUpReceipt holder = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt ben = signUps.signUp(session, person("Ben"), EventExamples.LINK);
        SignUpReceipt cai = signUps.signUp(session, person("Cai"), EventExamples.LINK);
        signUps.cancelFor(holder.bookingId(), "staff-1");
        db.clock().advance(Duration.ofHours(3));

        assertThat(signUps.lapseOffers()).isEqualTo(1);

        assertThat(stateOf(ben.bookingId())).isEqualTo(BookingState.OFFER_LAPSED);
        assertThat(stateOf(cai.bookingId())).isEqualTo(BookingState.OFFERED);
        Invariants.check(db.dataSource(), true);
    }

    @StoreTest
    void anUnknownSessionIsNotFound() {
        assertThatThrownBy(() -> signUps.signUp(999_999, person("Amara"), EventExamples.LINK))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }

    List<SignUpReceipt> fill(long session, int count) {
        List<SignUpReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            receipts.add(signUps.signUp(session, person("P" + i), EventExamples.LINK));
        }
        return receipts;
    }
}
