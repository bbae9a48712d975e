package dev.participation.events.internal.store;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.party;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.participation.events.EventExamples;
import dev.participation.events.api.CheckIn;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

/** Check-ins on H2 and PostgreSQL: once per person however often, or however many at once, staff tap. */
@OwnSchema(EventSchema.NAME)
class CheckInStoreTest {

    TestStorage db;
    EventStore events;
    SignUpStore signUps;
    CheckInStore checkIns;
    long sessionId;

    @BeforeEach
    void open(TestStorage db) {
        this.db = db;
        AuditLogStore audit = new AuditLogStore(db.platform(), db.clock());
        OutboxStore outbox = new OutboxStore(db.platform(), db.clock(), audit);
        events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
        checkIns = new CheckInStore(db.storage(), audit, db.clock());
        sessionId = events.create("youth-forum", forum("Youth Forum"), List.of(session(3)), "edith").sessions().get(0)
                .id();
    }

    @StoreTest
    void aSecondTapFindsTheFirstAndUndoTakesItBack() {
        SignUpReceipt carers = signUps.signUp(sessionId, party("Jo Baker", 2), EventExamples.LINK);

        assertThat(checkIns.arrived(sessionId, carers.bookingId(), 1, "sam")).isTrue();
        assertThat(checkIns.arrived(sessionId, carers.bookingId(), 1, "ada")).isFalse();
        assertThat(checkIns.forSession(sessionId)).extracting(CheckIn::bookingId, CheckIn::position, CheckIn::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(carers.bookingId(), 1, "sam"));

        assertThat(checkIns.undo(sessionId, carers.bookingId(), 1, "sam")).isTrue();
        assertThat(checkIns.undo(sessionId, carers.bookingId(), 1, "sam")).isFalse();
        assertThat(checkIns.forSession(sessionId)).isEmpty();
        assertThat(checkIns.arrived(sessionId, carers.bookingId(), 1, "sam")).isTrue();
    }

    @StoreTest
    void tapsAtTheSameMomentOnTwoPhonesCountOnce() throws Exception {
        SignUpReceipt amira = signUps.signUp(sessionId, person("Amira"), EventExamples.LINK);
        int phones = 8;
        ExecutorService pool = Executors.newFixedThreadPool(phones);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> taps = new ArrayList<>();
        try {
            for (int i = 0; i < phones; i++) {
                Callable<Boolean> tap = () -> {
                    start.await();
                    return checkIns.arrived(sessionId, amira.bookingId(), 0, "sam");
                };
                taps.add(pool.submit(tap));
            }
            start.countDown();
            int recorded = 0;
            for (Future<Boolean> tap : taps) {
                recorded += tap.get() ? 1 : 0;
            }
            assertThat(recorded).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.count("SELECT COUNT(*) FROM event_check_in")).isEqualTo(1);
    }

    @StoreTest
    void onlyPeopleHoldingPlacesOnThatSessionAreCheckedIn() {
        long other = events.create("care-council", forum("Care Council"), List.of(session(3)), "edith").sessions()
                .get(0).id();
        signUps.signUp(sessionId, party("Jo Baker", 3), EventExamples.LINK);
        SignUpReceipt waiting = signUps.signUp(sessionId, person("Kai"), EventExamples.LINK);
        SignUpReceipt elsewhere = signUps.signUp(other, person("Lee"), EventExamples.LINK);

        assertThatThrownBy(() -> checkIns.arrived(sessionId, waiting.bookingId(), 0, "sam"))
                .isInstanceOf(EventProblem.class);
        assertThatThrownBy(() -> checkIns.arrived(sessionId, elsewhere.bookingId(), 0, "sam"))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> checkIns.arrived(other, elsewhere.bookingId(), 1, "sam"))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(checkIns.arrived(other, elsewhere.bookingId(), 0, "sam")).isTrue();
        assertThat(checkIns.undo(sessionId, elsewhere.bookingId(), 0, "sam")).isFalse();
        assertThat(checkIns.forSession(sessionId)).isEmpty();
        assertThat(checkIns.forSession(other)).hasSize(1);
    }
}
