package dev.participation.events.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import dev.participation.api.storage.Sql;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.PromotionMode;
import dev.participation.events.api.SessionDetails;

/**
 * One session's places, read under the session's row lock and changed only while the lock is held,
 * so every decision about who gets a place is made on the committed state of the last transaction
 * that held it, never on a count read before. The lock is {@code SELECT ... FOR UPDATE} on the
 * {@code event_session} row, held until the transaction ends; in PostgreSQL and H2 alike a second
 * transaction waits there and then reads the first one's committed changes (see
 * {@code SessionLockTest}). {@link #save} writes the counters back before the transaction ends.
 *
 * <p>The counters ({@code places_taken}, {@code people_waiting}, {@code last_waiting_number}) are
 * changed only through this class's methods, each alongside the booking change it counts, so they
 * stay equal to the sums over the bookings that {@code Invariants} checks after every rush.
 */
final class LockedSession {

    /** A waiting booking given places, for its notice. */
    record Promoted(long bookingId, BookingState state, Instant offerEnds) {
    }

    final long id;
    final long eventId;
    final EventDetails event;
    final SessionDetails details;
    private int taken;
    private int waiting;
    /** The smallest party on the waiting list, or null while not read since the list last shrank. */
    private Integer smallestWaiting;
    private int lastWaitingNumber;
    private final int sequence;
    private final List<Promoted> promoted = new ArrayList<>();
    private int told;

    private LockedSession(long id, long eventId, EventDetails event, SessionDetails details, int taken,
            int waiting, int lastWaitingNumber, int sequence) {
        this.id = id;
        this.eventId = eventId;
        this.event = event;
        this.details = details;
        this.taken = taken;
        this.waiting = waiting;
        this.lastWaitingNumber = lastWaitingNumber;
        this.sequence = sequence;
    }

    /**
     * Takes the session's lock (waiting for any transaction holding it) and reads its places.
     *
     * @throws NoSuchElementException if there is no such session
     */
    static LockedSession lock(Connection connection, long sessionId) throws SQLException {
        long eventId;
        SessionDetails details;
        int taken;
        int waiting;
        int last;
        int sequence;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT * FROM event_session WHERE id = ? FOR UPDATE")) {
            query.setLong(1, sessionId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new NoSuchElementException("No session " + sessionId);
                }
                eventId = row.getLong("event_id");
                details = EventRows.sessionDetails(row);
                taken = row.getInt("places_taken");
                waiting = row.getInt("people_waiting");
                last = row.getInt("last_waiting_number");
                sequence = row.getInt("sequence");
            }
        }
        EventDetails event = EventRows.details(connection, eventId).orElseThrow();
        return new LockedSession(sessionId, eventId, event, details, taken, waiting, last, sequence);
    }

    /** The session's calendar sequence: what a calendar file sent now says. */
    int sequence() {
        return sequence;
    }

    int capacity() {
        return details.capacity();
    }

    int taken() {
        return taken;
    }

    int free() {
        return details.capacity() - taken;
    }

    /**
     * Whether a new booking for {@code people} gets places now: its party fits, and nobody already
     * waiting would fit in the places free (they were there first).
     */
    boolean placesFor(Connection connection, int people) throws SQLException {
        return people <= free() && !someoneWaitingFits(connection);
    }

    /**
     * Whether a party on the waiting list would fit in the places free. In a rush the list is empty
     * while places last and there are no places while it grows, so this rarely reads the list, and
     * then once per hold of the lock until someone leaves it.
     */
    private boolean someoneWaitingFits(Connection connection) throws SQLException {
        if (waiting == 0 || free() <= 0) {
            return false;
        }
        if (smallestWaiting == null) {
            try (PreparedStatement query = connection.prepareStatement("SELECT MIN(people) FROM event_booking"
                    + " WHERE session_id = ? AND state = 'waiting'")) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    smallestWaiting = row.getInt(1);
                }
            }
        }
        return smallestWaiting <= free();
    }

    void take(int people) {
        if (people > free()) {
            // Unreachable by the callers' checks; the table's CHECK would refuse it too.
            throw new IllegalStateException("Session " + id + " has " + free() + " places free, not " + people);
        }
        taken += people;
    }

    void release(int people) {
        taken -= people;
    }

    /** Puts a party at the end of the waiting list: its number, which the caller stores with the booking. */
    int joinWaitingList(int people) {
        smallestWaiting = waiting == 0 ? Integer.valueOf(people)
                : smallestWaiting == null ? null : Integer.valueOf(Math.min(smallestWaiting, people));
        waiting += people;
        return ++lastWaitingNumber;
    }

    /** A party leaves the waiting list (cancelled, or given places): the caller changes the booking. */
    void leaveWaitingList(int people) {
        waiting -= people;
        smallestWaiting = null;
    }

    /** Whether places that come free still go to the waiting list at {@code now}. */
    boolean promotesAt(Instant now) {
        Instant stop = details.start().minus(Duration.ofHours(event.promotion().stopsHoursBefore()));
        return event.status().isPublic() && now.isBefore(stop);
    }

    /**
     * Ends the offers past their time, then gives the places free to the waiting list: in number
     * order, each booking whose whole party fits is promoted (or offered the places), and a party
     * too big for what is free keeps its number and is passed over.
     *
     * @return how many offers lapsed
     */
    int lapseAndFill(Connection connection, Instant now) throws SQLException {
        int lapsed = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT id, people FROM event_booking"
                + " WHERE session_id = ? AND state = 'offered' AND offer_ends <= ?")) {
            query.setLong(1, id);
            Sql.setInstant(query, 2, now);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    release(rows.getInt("people"));
                    lapsed++;
                }
            }
        }
        if (lapsed > 0) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE event_booking SET state = 'offer-lapsed'"
                    + " WHERE session_id = ? AND state = 'offered' AND offer_ends <= ?")) {
                update.setLong(1, id);
                Sql.setInstant(update, 2, now);
                update.executeUpdate();
            }
        }
        fill(connection, now);
        return lapsed;
    }

    private void fill(Connection connection, Instant now) throws SQLException {
        if (!promotesAt(now)) {
            return;
        }
        boolean offers = event.promotion().mode() == PromotionMode.OFFER;
        while (free() > 0 && waiting > 0) {
            long[] next = firstWaitingThatFits(connection, free());
            if (next == null) {
                return;
            }
            BookingState state = offers ? BookingState.OFFERED : BookingState.PLACE;
            Instant offerEnds = offers ? now.plus(Duration.ofHours(event.promotion().offerHours())) : null;
            try (PreparedStatement update = connection.prepareStatement("UPDATE event_booking SET state = ?,"
                    + " placed_at = ?, offer_ends = ? WHERE id = ? AND state = 'waiting'")) {
                update.setString(1, state.key());
                Sql.setInstant(update, 2, now);
                Sql.setInstant(update, 3, offerEnds);
                update.setLong(4, next[0]);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("Booking " + next[0] + " left the waiting list under the lock");
                }
            }
            leaveWaitingList((int) next[1]);
            take((int) next[1]);
            promoted.add(new Promoted(next[0], state, offerEnds));
        }
    }

    /** Staff giving a waiting booking its places: a promotion like any other, told the same way. */
    void placeByHand(Connection connection, long bookingId, int people, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE event_booking SET state = 'place',"
                + " placed_at = ? WHERE id = ? AND state = 'waiting'")) {
            Sql.setInstant(update, 1, now);
            update.setLong(2, bookingId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("Booking " + bookingId + " left the waiting list under the lock");
            }
        }
        leaveWaitingList(people);
        take(people);
        promoted.add(new Promoted(bookingId, BookingState.PLACE, null));
    }

    /** The id and party size of the first waiting booking that fits in {@code free} places, or null. */
    private long[] firstWaitingThatFits(Connection connection, int free) throws SQLException {
        if (free <= 0) {
            return null;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT id, people FROM event_booking"
                + " WHERE session_id = ? AND state = 'waiting' AND people <= ? ORDER BY waiting_number"
                + " FETCH FIRST 1 ROWS ONLY")) {
            query.setLong(1, id);
            query.setInt(2, free);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new long[] {row.getLong(1), row.getInt(2)} : null;
            }
        }
    }

    /** The bookings promoted since the lock was taken, in the order they were. */
    List<Promoted> promoted() {
        return List.copyOf(promoted);
    }

    /** The promotions not yet handed out by this method, so each is told exactly once. */
    List<Promoted> untold() {
        List<Promoted> untold = List.copyOf(promoted.subList(told, promoted.size()));
        told = promoted.size();
        return untold;
    }

    /** Writes the counters back; the lock is released when the transaction ends. */
    void save(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE event_session SET places_taken = ?, people_waiting = ?, last_waiting_number = ? WHERE id = ?")) {
            update.setInt(1, taken);
            update.setInt(2, waiting);
            update.setInt(3, lastWaitingNumber);
            update.setLong(4, id);
            update.executeUpdate();
        }
    }
}
