package dev.participation.events.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.Outbox;
import dev.participation.api.storage.Storage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Staff messages to everyone booked on a session (and, if they choose, everyone waiting): one
 * outbox message per address, all queued in one transaction with the audit line, so a message is
 * sent to all of them or, if anything fails, to none and can simply be sent again.
 */
@Component(service = SessionMessageStore.class)
public final class SessionMessageStore {

    /**
     * What became of a message.
     *
     * @param emailed   how many addresses it was queued for (each once, however many bookings share it)
     * @param phoneOnly the bookings reached by phone only, whom staff must call
     */
    public record Sent(int emailed, List<PhoneOnly> phoneOnly) {
    }

    /** A booking without an email address: who to ask for, and the number to call. */
    public record PhoneOnly(long bookingId, String name, String phone) {
    }

    private final Storage storage;
    private final Outbox outbox;
    private final AuditLog audit;

    @Activate
    public SessionMessageStore(@Reference(target = EventSchema.STORAGE) Storage storage, @Reference Outbox outbox,
            @Reference AuditLog audit) {
        this.storage = storage;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Queues the message for everyone holding places on the session, and everyone waiting if asked. */
    public Sent send(long sessionId, boolean waitingToo, String subject, String body, String actor) {
        Objects.requireNonNull(actor, "actor");
        // The subject is one line whatever was typed, since it goes into a mail header.
        String oneLine = subject.replaceAll("[\\r\\n]+", " ");
        return storage.write(connection -> {
            // One mail per address however it was capitalised, sent to it as first typed.
            Map<String, String> addresses = new LinkedHashMap<>();
            List<PhoneOnly> phoneOnly = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT b.id, b.contact_email, b.contact_phone,"
                    + " b.contact_adult, b.booker_name, a.first_name FROM event_booking b JOIN event_attendee a"
                    + " ON a.booking_id = b.id AND a.position = 0 WHERE b.session_id = ? AND b.state IN (?, ?, ?)"
                    + " ORDER BY b.id")) {
                query.setLong(1, sessionId);
                query.setString(2, "place");
                query.setString(3, "offered");
                query.setString(4, waitingToo ? "waiting" : "place");
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String email = rows.getString(2);
                        if (!email.isBlank()) {
                            addresses.putIfAbsent(email.strip().toLowerCase(Locale.ROOT), email.strip());
                        } else if (!rows.getString(3).isBlank()) {
                            String name = !rows.getString(4).isBlank() ? rows.getString(4)
                                    : !rows.getString(5).isBlank() ? rows.getString(5) : rows.getString(6);
                            phoneOnly.add(new PhoneOnly(rows.getLong(1), name, rows.getString(3)));
                        }
                    }
                }
            }
            outbox.queueAll(addresses.values().stream().map(address -> new MailMessage(address, oneLine, body)).toList());
            audit.record(actor, "event.session.message", "event-session", String.valueOf(sessionId),
                    "Messaged " + addresses.size() + " addresses" + (waitingToo ? " (waiting list included)" : "")
                            + "; " + phoneOnly.size() + " bookings have a phone only: " + oneLine);
            return new Sent(addresses.size(), phoneOnly);
        });
    }
}
