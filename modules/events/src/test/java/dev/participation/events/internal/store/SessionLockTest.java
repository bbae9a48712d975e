package dev.participation.events.internal.store;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.DatabaseKind;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

/**
 * What {@link LockedSession} relies on, checked on each database rather than assumed: a second
 * transaction's {@code SELECT ... FOR UPDATE} on the session's row waits while the first holds it,
 * and once the first commits it reads the first's committed values, and its later statements see
 * rows the first inserted. H2 2.3 keeps old row versions for readers (MVCC) yet hands a locking
 * read the newest committed row; PostgreSQL re-reads the row in READ COMMITTED.
 */
@OwnSchema(EventSchema.NAME)
class SessionLockTest {

    @StoreTest
    void aWaitingLockerReadsWhatTheHolderCommitted(TestStorage db) throws Exception {
        AuditLogStore audit = new AuditLogStore(db.platform(), db.clock());
        EventStore events = new EventStore(db.storage(), audit, new OutboxStore(db.platform(), db.clock(), audit),
                db.clock());
        long session = events.create("forum", forum("Forum"), List.of(session(20)), "editor").sessions().get(0).id();
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (Connection holder = db.rawConnection(); Connection waiter = db.rawConnection()) {
            holder.setAutoCommit(false);
            waiter.setAutoCommit(false);
            // The waiter has a transaction and a snapshot from before the holder's change.
            assertThat(takenIn(waiter, session, false)).isZero();
            assertThat(takenIn(holder, session, true)).isZero();

            long waiterPid = db.kind() == DatabaseKind.H2 ? 0 : backendPid(waiter);
            Future<long[]> waited = second.submit(() -> new long[] {takenIn(waiter, session, true),
                    bookingsIn(waiter, session)});
            awaitBlocked(db, waited, waiterPid);

            try (PreparedStatement update = holder.prepareStatement(
                    "UPDATE event_session SET places_taken = 7, last_waiting_number = 3 WHERE id = ?")) {
                update.setLong(1, session);
                update.executeUpdate();
            }
            try (PreparedStatement insert = holder.prepareStatement("INSERT INTO event_booking (session_id, form_key,"
                    + " state, people, cancel_token_hash, booker_role, booker_name, organisation, contact_adult,"
                    + " contact_email, contact_phone, booked_at, booked_by)"
                    + " VALUES (?, 'k', 'place', 7, 'h', 'self', '', '', '', 'a@example.org', '', CURRENT_TIMESTAMP, 't')")) {
                insert.setLong(1, session);
                insert.executeUpdate();
            }
            holder.commit();

            long[] seen = waited.get(30, TimeUnit.SECONDS);
            assertThat(seen[0]).as("places taken, read by the waiting locker").isEqualTo(7);
            assertThat(seen[1]).as("bookings the holder inserted, read after the lock").isEqualTo(1);
            waiter.commit();
        } finally {
            second.shutdownNow();
        }
    }

    private static long takenIn(Connection connection, long session, boolean lock) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT places_taken FROM event_session WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            query.setLong(1, session);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long bookingsIn(Connection connection, long session) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM event_booking WHERE session_id = ?")) {
            query.setLong(1, session);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Waits until the database reports the waiter as blocked on a lock (not a fixed pause). */
    private static void awaitBlocked(TestStorage db, Future<?> waiter, long waiterPid) throws Exception {
        // H2's database is this test's own; in PostgreSQL other tests may be waiting too, so look at the waiter only.
        String blocked = db.kind() == DatabaseKind.H2
                ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid = " + waiterPid;
        for (int i = 0; i < 3000 && db.count(blocked) == 0; i++) {
            assertThat(waiter.isDone()).as("the second locker must wait, not read past the lock").isFalse();
            Thread.sleep(10);
        }
        assertThat(db.count(blocked)).as("the waiter blocked on the lock").isPositive();
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_backend_pid()");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
