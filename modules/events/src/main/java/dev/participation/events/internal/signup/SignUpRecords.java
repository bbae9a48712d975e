package dev.participation.events.internal.signup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

import dev.participation.api.storage.Sql;
import dev.participation.api.storage.Storage;
import dev.participation.events.api.BookingState;
import dev.participation.events.internal.store.EventSchema;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The two reads the public pages need beyond the service: how a sign-up turned out, found by the
 * form's key (so the confirmation page needs no secret in its address, as a group's "request sent"
 * page finds its request by its submission key), and what a booked session is, for the booking's
 * own page, even once the event is no longer published. Neither returns anyone's personal data.
 */
@Component(service = SignUpRecords.class)
public final class SignUpRecords {

    /** How a sign-up turned out; {@code emailed} says whether a confirmation went to an address. */
    public record Outcome(BookingState state, Integer waitingNumber, int people, Instant offerEnds, boolean emailed) {
    }

    /** A session as its booking's page shows it: no online link (that comes only through the booking's secret). */
    public record BookedSession(String eventSlug, String eventTitle, String label, Instant start, Instant end,
            String place, boolean online, String status) {
    }

    private final Storage storage;

    @Activate
    public SignUpRecords(@Reference(target = "(" + Storage.SCHEMA + "=" + EventSchema.NAME + ")") Storage storage) {
        this.storage = storage;
    }

    public Optional<Outcome> outcome(long sessionId, String formKey) {
        if (formKey == null || formKey.isBlank() || formKey.length() > 64) {
            return Optional.empty();
        }
        return storage.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT state, waiting_number, people,"
                    + " offer_ends, contact_email FROM event_booking WHERE session_id = ? AND form_key = ?")) {
                query.setLong(1, sessionId);
                query.setString(2, formKey);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Outcome>empty();
                    }
                    int number = row.getInt("waiting_number");
                    Integer waiting = row.wasNull() ? null : number;
                    return Optional.of(new Outcome(BookingState.fromKey(row.getString("state")).orElseThrow(), waiting,
                            row.getInt("people"), Sql.getInstant(row, "offer_ends"),
                            !row.getString("contact_email").isBlank()));
                }
            }
        });
    }

    public Optional<BookedSession> session(long sessionId) {
        return storage.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT e.slug, e.title, e.status, s.label,"
                    + " s.starts_at, s.ends_at, s.place, s.online_link FROM event_session s JOIN event e"
                    + " ON e.id = s.event_id WHERE s.id = ?")) {
                query.setLong(1, sessionId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<BookedSession>empty();
                    }
                    return Optional.of(new BookedSession(row.getString("slug"), row.getString("title"),
                            row.getString("label"), Sql.getInstant(row, "starts_at"), Sql.getInstant(row, "ends_at"),
                            row.getString("place"), !row.getString("online_link").isBlank(), row.getString("status")));
                }
            }
        });
    }
}
