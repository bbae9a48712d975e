package dev.participation.events.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import dev.participation.api.storage.Sql;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.OnlineJoining;

/**
 * A session's online link as someone holding places in it may see it at a given moment: the link
 * once the event shows it ({@link EventDetails#showsOnlineLinkAt}), and until then only when it will
 * be shown. The caller has made sure the person holds places; this decides only the timing.
 */
final class OnlineLinks {

    private OnlineLinks() {
    }

    /** Empty where the session has no online link. */
    static Optional<OnlineJoining> of(Connection connection, long sessionId, Instant now) throws SQLException {
        String link;
        Instant start;
        long eventId;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT event_id, starts_at, online_link FROM event_session WHERE id = ?")) {
            query.setLong(1, sessionId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || row.getString("online_link").isBlank()) {
                    return Optional.empty();
                }
                link = row.getString("online_link");
                start = Sql.getInstant(row, "starts_at");
                eventId = row.getLong("event_id");
            }
        }
        EventDetails event = EventRows.details(connection, eventId).orElseThrow();
        Instant from = event.onlineLinkShownFrom(start).orElse(null);
        return Optional.of(new OnlineJoining(event.showsOnlineLinkAt(start, now) ? link : "", from));
    }
}
