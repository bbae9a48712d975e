package dev.participation.events.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.storage.Sql;
import dev.participation.api.storage.Storage;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.CheckIn;
import dev.participation.events.api.CheckIns;
import dev.participation.events.api.EventProblem;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Check-ins in {@code event_check_in}, keyed by booking and position: the key, not a read before
 * the write, is what makes a second tap (on this node or another) a no-op.
 */
@Component(service = CheckIns.class)
public final class CheckInStore implements CheckIns {

    private final Storage storage;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public CheckInStore(@Reference(target = EventSchema.STORAGE) Storage storage, @Reference AuditLog audit,
            @Reference Clock clock) {
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean arrived(long sessionId, long bookingId, int position, String actor) {
        Objects.requireNonNull(actor, "actor");
        return storage.write(connection -> {
            BookingState state = stateOf(connection, sessionId, bookingId, position);
            if (!state.holdsPlaces()) {
                // Someone on the waiting list who turns up is given a place first, so the count stays true.
                throw EventProblem.of("", "events.staff.error.checkInNoPlace");
            }
            Instant now = clock.instant();
            boolean inserted = storage.dialect().insertIfAbsent(connection, "INSERT INTO event_check_in"
                    + " (booking_id, position, checked_in_at, checked_in_by) VALUES (?, ?, ?, ?)", insert -> {
                        insert.setLong(1, bookingId);
                        insert.setInt(2, position);
                        Sql.setInstant(insert, 3, now);
                        insert.setString(4, actor);
                    });
            if (inserted) {
                audit.record(actor, "event.check-in", SignUpStore.RECORD_TYPE, String.valueOf(bookingId),
                        "Checked in person " + (position + 1));
            }
            return inserted;
        });
    }

    @Override
    public boolean undo(long sessionId, long bookingId, int position, String actor) {
        Objects.requireNonNull(actor, "actor");
        return storage.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM event_check_in WHERE booking_id = ? AND position = ?"
                            + " AND booking_id IN (SELECT id FROM event_booking WHERE session_id = ?)")) {
                delete.setLong(1, bookingId);
                delete.setInt(2, position);
                delete.setLong(3, sessionId);
                if (delete.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.record(actor, "event.check-in.undo", SignUpStore.RECORD_TYPE, String.valueOf(bookingId),
                    "Took back the check-in of person " + (position + 1));
            return true;
        });
    }

    @Override
    public List<CheckIn> forSession(long sessionId) {
        return storage.read(connection -> {
            List<CheckIn> all = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT c.booking_id, c.position,"
                    + " c.checked_in_at, c.checked_in_by FROM event_check_in c JOIN event_booking b ON b.id = c.booking_id"
                    + " WHERE b.session_id = ? ORDER BY c.checked_in_at, c.booking_id, c.position")) {
                query.setLong(1, sessionId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        all.add(new CheckIn(rows.getLong(1), rows.getInt(2), Sql.getInstant(rows, "checked_in_at"),
                                rows.getString(4)));
                    }
                }
            }
            return all;
        });
    }

    private static BookingState stateOf(Connection connection, long sessionId, long bookingId, int position)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT b.state FROM event_booking b"
                + " JOIN event_attendee a ON a.booking_id = b.id WHERE b.id = ? AND a.position = ? AND b.session_id = ?")) {
            query.setLong(1, bookingId);
            query.setInt(2, position);
            query.setLong(3, sessionId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new NoSuchElementException(
                            "Session " + sessionId + " has no booking " + bookingId + " with person " + position);
                }
                return BookingState.fromKey(row.getString(1)).orElseThrow();
            }
        }
    }
}
