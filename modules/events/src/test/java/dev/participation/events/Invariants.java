package dev.participation.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * What must hold for every session however the rush went, read straight from the tables: nobody
 * over capacity, the counters equal to the bookings holding places and waiting, no booking
 * promoted twice, no waiting number given twice, every booking with as many people as it says,
 * and no waiting booking left that would fit in the places free while promotion is on.
 */
public final class Invariants {

    private Invariants() {
    }

    public static void check(DataSource dataSource, boolean promotionOn) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT s.id, s.capacity, s.places_taken, s.people_waiting,"
                    + " (SELECT COALESCE(SUM(b.people), 0) FROM event_booking b WHERE b.session_id = s.id"
                    + "  AND b.state = 'waiting') AS waiting,"
                    + " (SELECT COALESCE(SUM(b.people), 0) FROM event_booking b WHERE b.session_id = s.id"
                    + "  AND b.state IN ('place', 'offered')) AS holding,"
                    + " (SELECT MIN(b.people) FROM event_booking b WHERE b.session_id = s.id AND b.state = 'waiting')"
                    + "  AS smallest_waiting FROM event_session s");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    int capacity = rows.getInt("capacity");
                    int taken = rows.getInt("places_taken");
                    assertThat(rows.getInt("holding")).as("people holding places in session %d", id).isEqualTo(taken);
                    assertThat(taken).as("places taken in session %d", id).isBetween(0, capacity);
                    assertThat(rows.getInt("people_waiting")).as("people waiting in session %d", id)
                            .isEqualTo(rows.getInt("waiting"));
                    int smallest = rows.getInt("smallest_waiting");
                    if (promotionOn && !rows.wasNull()) {
                        assertThat(smallest).as("smallest waiting party in session %d, with %d places free", id,
                                capacity - taken).isGreaterThan(capacity - taken);
                    }
                }
            }
            assertThat(single(connection, "SELECT COUNT(*) FROM (SELECT booking_id FROM event_promotion"
                    + " GROUP BY booking_id HAVING COUNT(*) > 1) twice")).as("bookings promoted twice").isZero();
            assertThat(single(connection, "SELECT COUNT(*) FROM event_promotion p JOIN event_booking b"
                    + " ON b.id = p.booking_id WHERE b.waiting_number IS NULL")).as("promoted without waiting").isZero();
            assertThat(single(connection, "SELECT COUNT(*) FROM event_booking b WHERE b.people <>"
                    + " (SELECT COUNT(*) FROM event_attendee a WHERE a.booking_id = b.id)")).as("bookings missing people")
                    .isZero();
            assertThat(single(connection, "SELECT COUNT(*) FROM event_booking WHERE state = 'waiting'"
                    + " AND waiting_number IS NULL")).as("waiting without a number").isZero();
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
