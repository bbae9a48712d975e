package dev.participation.events.internal.store;

import dev.participation.events.EventExamples;
import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.party;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.participation.api.storage.Storage;
import dev.participation.events.Invariants;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventChanged;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.service.internal.storage.TransactionalDatabase;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.apache.aries.tx.control.jdbc.common.impl.AbstractJDBCConnectionProvider;
import org.apache.aries.tx.control.jdbc.local.impl.JDBCConnectionProviderFactoryImpl;
import org.apache.aries.tx.control.service.local.impl.TransactionControlImpl;
import org.junit.jupiter.api.BeforeEach;
import org.osgi.service.transaction.control.jdbc.JDBCConnectionProviderFactory;

/**
 * Rushes on one session, every task released together by a latch: the capacity rule, the waiting
 * list's numbering and promotion must come out exactly right, with no exception, on H2 and on
 * PostgreSQL, and with two portal nodes (two connection pools) sharing one database. The rates
 * printed are for information; nothing asserts a time.
 */
@OwnSchema(EventSchema.NAME)
class SignUpRushTest {

    static final int RUSH = 200;
    static final int PLACES = 20;

    TestStorage db;
    Node node;

    /** One portal node's stores on its own pool. */
    record Node(EventStore events, SignUpStore signUps, OutboxStore outbox) {

        static Node on(Storage storage, TestStorage db) {
            AuditLogStore audit = new AuditLogStore((dev.participation.service.internal.storage.Database) storage,
                    db.clock());
            OutboxStore outbox = new OutboxStore((dev.participation.service.internal.storage.Database) storage,
                    db.clock(), audit);
            return new Node(new EventStore(storage, audit, outbox, db.clock()),
                    new SignUpStore(storage, audit, outbox, db.clock()), outbox);
        }
    }

    @BeforeEach
    void createStores(TestStorage db) {
        this.db = db;
        node = Node.on(db.storage(), db);
    }

    long sessionWith(int capacity) {
        return node.events().create("rush", forum("Summer Forum"), List.of(session(capacity)), "editor")
                .sessions().get(0).id();
    }

    @StoreTest
    void twoHundredAtOnceForTwentyPlacesGetTwentyPlacesAndOneHundredAndEightyNumbers() throws Exception {
        long session = sessionWith(PLACES);
        CommitOrderWatch watch = new CommitOrderWatch(db, session);

        List<SignUpReceipt> receipts = rush("one node", RUSH, i -> () -> node.signUps().signUp(session, person("P" + i), EventExamples.LINK));

        assertThat(watch.stop()).as("looks at the committed waiting list during the rush").isPositive();
        assertRushOutcome(session, receipts);
        cancellingFivePromotesExactlyTheFirstFive(session, receipts, node);
    }

    @StoreTest
    void twoNodesOnOneDatabaseRacingTheSameSessionNeverOverbook() throws Exception {
        long session = sessionWith(PLACES);
        try (SecondPool second = new SecondPool(db)) {
            Node other = Node.on(second.storage, db);

            CommitOrderWatch watch = new CommitOrderWatch(db, session);
            List<SignUpReceipt> receipts = rush("two nodes", RUSH,
                    i -> () -> (i % 2 == 0 ? node : other).signUps().signUp(session, person("P" + i), EventExamples.LINK));
            assertThat(watch.stop()).isPositive();

            assertRushOutcome(session, receipts);
            cancellingFivePromotesExactlyTheFirstFive(session, receipts, other);
        }
    }

    @StoreTest
    void aMixedRushNeverOverbooksAndNeverPromotesAnyoneTwice() throws Exception {
        long session = sessionWith(PLACES);
        // Before the rush: 20 places given and 20 waiting, whose links and ids the rush cancels and
        // places by hand with.
        List<SignUpReceipt> before = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            before.add(node.signUps().signUp(session, i % 5 == 0 ? party("Carer " + i, 1) : person("B" + i), EventExamples.LINK));
        }
        try (SecondPool second = new SecondPool(db)) {
            Node other = Node.on(second.storage, db);
            List<Callable<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                int n = i;
                tasks.add(() -> (n % 2 == 0 ? node : other).signUps().signUp(session, person("R" + n), EventExamples.LINK));
            }
            for (int i = 0; i < 15; i++) {
                int n = i;
                tasks.add(() -> other.signUps().signUp(session, party("Worker " + n, 2 + n % 3), EventExamples.LINK));
            }
            for (int i = 0; i < 20; i++) {
                SignUpReceipt mine = before.get(i);
                tasks.add(() -> (mine.bookingId() % 2 == 0 ? node : other).signUps().cancel(mine.cancelToken()));
            }
            for (int i = 20; i < 30; i++) {
                SignUpReceipt theirs = before.get(i);
                tasks.add(() -> node.signUps().cancelFor(theirs.bookingId(), "staff-1"));
            }
            for (int i = 0; i < 10; i++) {
                int n = i;
                tasks.add(() -> other.signUps().addFor(session, person("S" + n), EventExamples.LINK, "staff-2"));
            }
            for (int i = 30; i < 40; i++) {
                SignUpReceipt waiting = before.get(i);
                Node on = i % 2 == 0 ? node : other;
                // Staff placing by hand races automatic promotion: either may win, never both.
                tasks.add(() -> placeByHand(on, waiting.bookingId()));
            }
            for (int i = 0; i < 6; i++) {
                int capacity = i % 2 == 0 ? PLACES + 10 : PLACES - 5;
                Node on = i % 2 == 0 ? node : other;
                tasks.add(() -> changeCapacity(on, session, capacity));
            }
            Collections.shuffle(tasks, new java.util.Random(10));

            List<Object> outcomes = rush("mixed", tasks.size(), tasks::get);

            assertThat(outcomes).hasSize(tasks.size()).doesNotContainNull();
        }
        Invariants.check(db.dataSource(), true);
        assertThat(db.count("SELECT COUNT(*) FROM event_booking")).isEqualTo(40 + 80 + 15 + 10);
        assertThat(db.count("SELECT COUNT(*) FROM event_booking WHERE state = 'cancelled'")).isEqualTo(30);
        // Each promotion told exactly one booking, once.
        assertThat(db.count("SELECT COUNT(*) FROM event_promotion"))
                .isEqualTo(db.count("SELECT COUNT(DISTINCT booking_id) FROM event_promotion"));
    }

    /** Staff placing a waiting booking; being told there is no room is an answer too. */
    private static Object placeByHand(Node on, long bookingId) {
        try {
            return on.signUps().placeFromWaitingList(bookingId, "staff-3");
        } catch (EventProblem e) {
            assertThat(e.errors()).containsOnlyKeys("");
            return e;
        }
    }

    /** A capacity change, retried on a version conflict; a refusal to go below the places given is an answer too. */
    private static Object changeCapacity(Node on, long session, int capacity) {
        while (true) {
            Event event = on.events().all().get(0);
            try {
                return on.events().changeSession(event.id(), event.version(), session,
                        event.sessions().get(0).details().withCapacity(capacity), "editor");
            } catch (EventChanged e) {
                // Someone else changed the event meanwhile: look again, as an editor would.
            } catch (EventProblem e) {
                assertThat(e.errors()).containsOnlyKeys("capacity");
                return e;
            }
        }
    }

    private void assertRushOutcome(long session, List<SignUpReceipt> receipts) throws SQLException {
        assertThat(receipts).hasSize(RUSH);
        assertThat(receipts).filteredOn(r -> r.state() == BookingState.PLACE).hasSize(PLACES);
        assertThat(receipts).filteredOn(r -> r.state() == BookingState.WAITING).hasSize(RUSH - PLACES)
                .extracting(SignUpReceipt::waitingNumber)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, RUSH - PLACES).boxed().toList());
        // Numbers follow the order the bookings were written in under the lock, which is commit order.
        assertThat(waitingNumbersInWrittenOrder(session))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, RUSH - PLACES).boxed().toList());
        assertThat(db.count("SELECT COUNT(*) FROM event_booking")).isEqualTo(RUSH);
        assertThat(db.count("SELECT places_taken FROM event_session WHERE id = ?", session)).isEqualTo(PLACES);
        Invariants.check(db.dataSource(), true);
    }

    private void cancellingFivePromotesExactlyTheFirstFive(long session, List<SignUpReceipt> receipts, Node on)
            throws Exception {
        List<SignUpReceipt> holders = receipts.stream().filter(r -> r.state() == BookingState.PLACE).limit(5).toList();
        rush("five cancels", 5, i -> () -> on.signUps().cancel(holders.get(i).cancelToken()));

        Map<Long, Integer> numberOf = new HashMap<>();
        receipts.forEach(r -> numberOf.put(r.bookingId(), r.waitingNumber()));
        List<Integer> promoted = new ArrayList<>();
        try (Connection connection = db.rawConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT booking_id FROM event_promotion ORDER BY id"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                promoted.add(numberOf.get(rows.getLong(1)));
            }
        }
        assertThat(promoted).containsExactly(1, 2, 3, 4, 5);
        assertThat(db.count("SELECT COUNT(*) FROM event_booking WHERE state = 'place'")).isEqualTo(PLACES);
        // One confirmation per sign-up, each queued with its booking: none lost, none twice.
        assertThat(db.count("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE 'Booking confirmed%'")).isEqualTo(PLACES);
        assertThat(db.count("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE 'You are on the waiting list%'"))
                .isEqualTo(RUSH - PLACES);
        assertThat(db.count("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE 'Your booking is cancelled%'")).isEqualTo(5);
        assertThat(db.count("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE 'You have a place%'")).isEqualTo(5);
        Invariants.check(db.dataSource(), true);
    }

    private List<Integer> waitingNumbersInWrittenOrder(long session) throws SQLException {
        List<Integer> numbers = new ArrayList<>();
        try (Connection connection = db.rawConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT waiting_number FROM event_booking WHERE session_id = ? AND waiting_number IS NOT NULL"
                        + " ORDER BY id")) {
            query.setLong(1, session);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getInt(1));
                }
            }
        }
        return numbers;
    }

    interface Task<T> {
        Callable<T> make(int index);
    }

    /** Runs {@code count} tasks on as many threads, all released at once; fails on any exception. */
    private <T> List<T> rush(String name, int count, Task<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> work = task.make(i);
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.call();
                }));
            }
            ready.await();
            long started = System.nanoTime();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("[events rush] %s on %s: %d in %.0f ms, %.0f per second%n", name,
                    db.kind().displayName(), count, seconds * 1000, count / seconds);
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Reads the committed waiting list over and over while a rush runs, from outside it. Numbers
     * are in commit order exactly when no look ever sees a number before every smaller one has
     * committed: each look must find 1..n with no gap.
     */
    static final class CommitOrderWatch {

        private final Thread thread;
        private volatile boolean running = true;
        private volatile int looks;
        private volatile AssertionError gap;

        CommitOrderWatch(TestStorage db, long session) {
            thread = new Thread(() -> {
                try (Connection connection = db.rawConnection(); PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*), COALESCE(MAX(waiting_number), 0) FROM event_booking"
                                + " WHERE session_id = ? AND waiting_number IS NOT NULL")) {
                    query.setLong(1, session);
                    while (running || looks == 0) {
                        try (ResultSet row = query.executeQuery()) {
                            row.next();
                            if (row.getInt(1) != row.getInt(2)) {
                                gap = new AssertionError("Saw " + row.getInt(1) + " waiting numbers up to "
                                        + row.getInt(2) + ": a number committed before a smaller one");
                            }
                        }
                        looks++;
                    }
                } catch (SQLException e) {
                    gap = new AssertionError("Cannot watch the waiting list", e);
                }
            }, "commit-order-watch");
            thread.start();
        }

        /** Stops watching; fails if a look saw a gap; returns how many looks were made. */
        int stop() throws InterruptedException {
            running = false;
            thread.join();
            if (gap != null) {
                throw gap;
            }
            return looks;
        }
    }

    /** A second portal node: its own pool and transactions on the same database. */
    static final class SecondPool implements AutoCloseable {

        final AbstractJDBCConnectionProvider provider;
        final TransactionalDatabase storage;

        SecondPool(TestStorage db) {
            Map<String, Object> pool = new HashMap<>();
            pool.put(JDBCConnectionProviderFactory.CONNECTION_POOLING_ENABLED, true);
            pool.put(JDBCConnectionProviderFactory.MAX_CONNECTIONS, 20);
            pool.put(JDBCConnectionProviderFactory.MIN_CONNECTIONS, 1);
            provider = new JDBCConnectionProviderFactoryImpl().getProviderFor(db.dataSource(), pool);
            TransactionControlImpl transactions = new TransactionControlImpl();
            storage = new TransactionalDatabase(transactions, provider.getResource(transactions), db.kind().dialect());
        }

        @Override
        public void close() {
            provider.close();
        }
    }
}
