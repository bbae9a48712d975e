package dev.participation.events.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.participation.api.storage.Sql;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventSession;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Promotion;
import dev.participation.events.api.PromotionMode;
import dev.participation.events.api.Residential;
import dev.participation.events.api.SessionDetails;

/** How an event and its sessions map to their rows. */
final class EventRows {

    static final List<String> DETAIL_COLUMNS = List.of("title", "description", "event_type", "youngest", "oldest",
            "tags", "access_info", "food", "sign_up_opens", "sign_up_closes", "status", "consent_age",
            "promotion_mode", "offer_hours", "promotion_stops_hours", "online_link_minutes_before");

    static final List<String> SESSION_COLUMNS = List.of("label", "starts_at", "ends_at", "capacity", "place",
            "online_link");

    private EventRows() {
    }

    /** Binds the detail columns from {@code first} on; returns the next free index. */
    static int bind(PreparedStatement statement, int first, EventDetails d) throws SQLException {
        int i = first;
        statement.setString(i++, d.title());
        statement.setString(i++, d.description());
        statement.setString(i++, d.type().key());
        setInteger(statement, i++, d.youngest());
        setInteger(statement, i++, d.oldest());
        statement.setString(i++, String.join(",", new TreeSet<>(d.tags())));
        statement.setString(i++, d.access());
        statement.setBoolean(i++, d.food());
        Sql.setInstant(statement, i++, d.signUpOpens());
        Sql.setInstant(statement, i++, d.signUpCloses());
        statement.setString(i++, d.status().key());
        statement.setInt(i++, d.consentAge());
        statement.setString(i++, d.promotion().mode().key());
        statement.setInt(i++, d.promotion().offerHours());
        statement.setInt(i++, d.promotion().stopsHoursBefore());
        statement.setInt(i++, d.onlineLinkMinutesBefore());
        return i;
    }

    static int bind(PreparedStatement statement, int first, SessionDetails s) throws SQLException {
        int i = first;
        statement.setString(i++, s.label());
        Sql.setInstant(statement, i++, s.start());
        Sql.setInstant(statement, i++, s.end());
        statement.setInt(i++, s.capacity());
        statement.setString(i++, s.place());
        statement.setString(i++, s.onlineLink());
        return i;
    }

    static EventDetails details(ResultSet row) throws SQLException {
        String tags = row.getString("tags");
        Set<String> tagSet = tags.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(tags.split(",")));
        return new EventDetails(row.getString("title"), row.getString("description"),
                EventType.fromKey(row.getString("event_type")).orElseThrow(), getInteger(row, "youngest"),
                getInteger(row, "oldest"), tagSet, row.getString("access_info"), row.getBoolean("food"),
                Sql.getInstant(row, "sign_up_opens"), Sql.getInstant(row, "sign_up_closes"),
                EventStatus.fromKey(row.getString("status")).orElseThrow(), row.getInt("consent_age"),
                new Promotion(PromotionMode.fromKey(row.getString("promotion_mode")).orElseThrow(),
                        row.getInt("offer_hours"), row.getInt("promotion_stops_hours")),
                row.getInt("online_link_minutes_before"));
    }

    static Optional<EventDetails> details(Connection connection, long eventId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM event WHERE id = ?")) {
            query.setLong(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(details(row)) : Optional.empty();
            }
        }
    }

    static Optional<Event> event(Connection connection, String where, Object key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM event WHERE " + where)) {
            query.setObject(1, key);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(event(row, sessions(connection, row.getLong("id"))));
            }
        }
    }

    private static Event event(ResultSet row, List<EventSession> sessions) throws SQLException {
        return new Event(row.getLong("id"), row.getString("slug"), row.getInt("version"), details(row), sessions,
                Sql.getInstant(row, "updated_at"), row.getString("updated_by"));
    }

    /**
     * Every event, soonest first (by its first session), with its sessions: two queries however many
     * events there are, since every public list and feed reads them all.
     */
    static List<Event> all(Connection connection) throws SQLException {
        Map<Long, List<EventSession>> sessions = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM event_session"
                + " ORDER BY event_id, position, id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sessions.computeIfAbsent(rows.getLong("event_id"), id -> new ArrayList<>()).add(session(rows));
            }
        }
        List<Event> events = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT e.* FROM event e LEFT JOIN"
                + " (SELECT event_id, MIN(starts_at) AS first_start FROM event_session GROUP BY event_id) f"
                + " ON f.event_id = e.id ORDER BY f.first_start, e.id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong("id");
                events.add(event(rows, sessions.getOrDefault(id, List.of())));
            }
        }
        return events;
    }

    /** The events that have been shown to the public at some time, whatever their status now. */
    static Set<Long> everPublished(Connection connection) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM event WHERE was_published");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    static List<EventSession> sessions(Connection connection, long eventId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT s.*"
                + " FROM event_session s WHERE s.event_id = ? ORDER BY s.position, s.id")) {
            query.setLong(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                List<EventSession> sessions = new ArrayList<>();
                while (rows.next()) {
                    sessions.add(session(rows));
                }
                return sessions;
            }
        }
    }

    private static EventSession session(ResultSet row) throws SQLException {
        return new EventSession(row.getLong("id"), sessionDetails(row), row.getInt("places_taken"),
                row.getInt("people_waiting"), row.getInt("sequence"));
    }

    static SessionDetails sessionDetails(ResultSet row) throws SQLException {
        return new SessionDetails(row.getString("label"), Sql.getInstant(row, "starts_at"),
                Sql.getInstant(row, "ends_at"), row.getInt("capacity"), row.getString("place"),
                row.getString("online_link"));
    }

    /** The residential columns of an attendee row, in this order, after the attendee's others. */
    static final List<String> RESIDENTIAL_COLUMNS = List.of("emergency_name", "emergency_phone", "medical_notes",
            "photos");

    /** Binds a young person's residential details, or nulls where the event is not residential. */
    static int bind(PreparedStatement statement, int first, Residential r) throws SQLException {
        int i = first;
        statement.setString(i++, r == null ? null : r.emergencyName().strip());
        statement.setString(i++, r == null ? null : r.emergencyPhone().strip());
        statement.setString(i++, r == null ? null : r.medicalNotes().strip());
        if (r == null) {
            statement.setNull(i++, java.sql.Types.BOOLEAN);
        } else {
            statement.setBoolean(i++, r.photos());
        }
        return i;
    }

    /** The residential details of an attendee row; null where none were given or retention erased them. */
    static Residential residential(ResultSet row) throws SQLException {
        String name = row.getString("emergency_name");
        if (name == null) {
            return null;
        }
        return new Residential(name, row.getString("emergency_phone"), row.getString("medical_notes"),
                row.getBoolean("photos"));
    }

    static String assignments(List<String> columns) {
        return columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
    }

    static String marks(List<String> columns) {
        return columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static Integer getInteger(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
