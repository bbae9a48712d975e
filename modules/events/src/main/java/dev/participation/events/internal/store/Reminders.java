package dev.participation.events.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.mail.Outbox;
import dev.participation.api.storage.Sql;
import dev.participation.api.storage.Storage;
import dev.participation.events.internal.mail.NoticeSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Finds the reminders due before sessions and queues each once. A reminder set at {@code h} hours
 * before the start is due from then until the next, nearer reminder's time (so a portal that was
 * down sends the nearer one, not both), and is skipped for a booking that got its place inside
 * those {@code h} hours: someone who booked an hour ago needs no "one day to go".
 */
@Component(service = Reminders.class)
public final class Reminders {

    private final Storage storage;
    private final AuditLog audit;
    private final Clock clock;
    private final Notices notices;

    @Activate
    public Reminders(@Reference(target = EventSchema.STORAGE) Storage storage, @Reference AuditLog audit,
            @Reference Outbox outbox, @Reference Clock clock, @Reference NoticeSettings settings) {
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
        this.notices = new Notices(outbox, settings, clock);
    }

    record Candidate(long bookingId, Instant start, Instant placedAt, Integer nearestSent) {
    }

    /**
     * Queues the reminders due now.
     *
     * @param hoursBefore when reminders go, in hours before a session starts (for example 168 and 24)
     * @return how many were queued
     */
    public int sendDue(List<Integer> hoursBefore) {
        TreeSet<Integer> offsets = new TreeSet<>(hoursBefore.stream().filter(h -> h > 0).toList());
        if (offsets.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Candidate> candidates = storage.read(connection -> {
            List<Candidate> found = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT b.id, s.starts_at,"
                    + " COALESCE(b.placed_at, b.booked_at) AS placed,"
                    + " (SELECT MIN(r.hours_before) FROM event_reminder r WHERE r.booking_id = b.id) AS nearest"
                    + " FROM event_booking b JOIN event_session s ON s.id = b.session_id"
                    + " JOIN event e ON e.id = s.event_id"
                    + " WHERE b.state = 'place' AND b.contact_email <> '' AND e.status <> 'cancelled'"
                    + " AND s.starts_at > ? AND s.starts_at <= ? ORDER BY s.starts_at, b.id")) {
                Sql.setInstant(query, 1, now);
                Sql.setInstant(query, 2, now.plus(Duration.ofHours(offsets.last())));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        int sent = rows.getInt("nearest");
                        Integer nearest = rows.wasNull() ? null : sent;
                        found.add(new Candidate(rows.getLong("id"), Sql.getInstant(rows, "starts_at"),
                                Sql.getInstant(rows, "placed"), nearest));
                    }
                }
            }
            return found;
        });
        int queued = 0;
        for (Candidate candidate : candidates) {
            Optional<Integer> due = due(offsets, candidate, now);
            if (due.isPresent()) {
                int hours = due.get();
                // One transaction per booking: one person's failure never holds back the others' reminders.
                boolean sent = storage.write(connection -> {
                    // The online link goes in the last reminder only, shortly before the start, not a week ahead
                    // (or, where the event says from when it is shown, in any reminder sent from then).
                    boolean queuedNow = notices.remind(connection, storage.dialect(), candidate.bookingId(), hours,
                            hours == offsets.first(), now);
                    if (queuedNow) {
                        audit.record("system", "event.booking.remind", SignUpStore.RECORD_TYPE,
                                String.valueOf(candidate.bookingId()), "Reminded " + hours + " hours before the start");
                    }
                    return queuedNow;
                });
                queued += sent ? 1 : 0;
            }
        }
        return queued;
    }

    /** The reminder due for a booking now, if any. */
    static Optional<Integer> due(TreeSet<Integer> offsets, Candidate candidate, Instant now) {
        // The nearest reminder whose time has come: the farther ones' times are past.
        Duration left = Duration.between(now, candidate.start());
        Optional<Integer> nearest = offsets.stream().filter(h -> Duration.ofHours(h).compareTo(left) >= 0).findFirst();
        if (nearest.isEmpty()) {
            return Optional.empty();
        }
        int hours = nearest.get();
        Instant windowOpens = candidate.start().minus(Duration.ofHours(hours));
        if (candidate.nearestSent() != null && candidate.nearestSent() <= hours) {
            return Optional.empty();
        }
        if (candidate.placedAt() != null && candidate.placedAt().isAfter(windowOpens)) {
            return Optional.empty();
        }
        return Optional.of(hours);
    }
}
