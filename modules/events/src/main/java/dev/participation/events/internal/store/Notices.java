package dev.participation.events.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.Outbox;
import dev.participation.api.storage.Dialect;
import dev.participation.api.storage.Sql;
import dev.participation.events.api.Booker;
import dev.participation.events.api.BookerRole;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.ManageLink;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.internal.mail.BookingFacts;
import dev.participation.events.internal.mail.NoticeMail;
import dev.participation.events.internal.mail.NoticeSettings;

/**
 * Tells people about their bookings inside the transaction that changes them: a confirmation, a
 * cancellation, a promotion from the waiting list (with a row in {@code event_promotion}), a
 * change of time or place, a cancelled event. Each message is queued in the outbox in that
 * transaction, so it is sent exactly when the change commits. Only bookings with an email address
 * are told; the rest gave a phone number, and staff see them on their lists.
 */
final class Notices {

    /**
     * The first person of the booking as a column of the booking's row: a notice to everyone booked
     * reads one row each, where a query for each booking's first person made a change to a session of
     * hundreds as many statements.
     */
    private static final String FIRST_PERSON = "(SELECT a.first_name FROM event_attendee a"
            + " WHERE a.booking_id = event_booking.id ORDER BY a.position FETCH FIRST 1 ROWS ONLY) AS first_person";

    private final Outbox outbox;
    private final NoticeSettings settings;
    private final Clock clock;

    Notices(Outbox outbox, NoticeSettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** A session's calendar sequence and what its notices describe, read in the caller's transaction. */
    private record SessionNow(long id, int sequence, EventDetails event, SessionDetails details) {
    }

    private NoticeMail mail(Instant now) {
        // The platform writes mail in the site's language: the default locale's.
        return new NoticeMail(settings, clock.getZone(), now, Locale.getDefault());
    }

    /**
     * The confirmation of a new booking, with the link only this transaction can make (it knows the
     * secret). Everything it says is in hand: the form just stored and the session under its lock,
     * so a rush's confirmations read nothing back. It is queued by {@link #confirm}, with the rest of
     * its group.
     */
    Optional<MailMessage> confirmation(LockedSession session, SignUpForm form, BookingState state,
            Integer waitingNumber, ManageLink manage, String token, Instant now) {
        String email = form.contact().email().strip();
        if (email.isEmpty()) {
            return Optional.empty();
        }
        Booker booker = form.booker();
        String greeting = greeting(booker.role() == BookerRole.SELF ? "" : booker.name().strip(),
                form.contact().trustedAdult().strip(), form.attendees().get(0).firstName().strip());
        return Optional.of(mail(now).confirmation(new BookingFacts(session.id, session.sequence(), session.event,
                session.details, email, greeting, form.people(), state, waitingNumber, null), manage.to(token)));
    }

    /** Queues the confirmations of a group of new bookings, in one batch, in the caller's transaction. */
    void confirm(List<MailMessage> confirmations) {
        outbox.queueAll(confirmations);
    }

    /**
     * The cancellation of a booking.
     *
     * @param stateBefore what the booking was before it was cancelled: a calendar file takes the
     *                    entry out only where it had places
     */
    void cancelled(Connection connection, long bookingId, BookingState stateBefore, boolean byStaff, Instant now)
            throws SQLException {
        Optional<BookingFacts> facts = facts(connection, bookingId);
        if (facts.isPresent()) {
            outbox.queue(mail(now).cancellation(facts.get().inState(stateBefore, null), byStaff));
        }
    }

    /** Places offered and now taken up: the calendar file comes now, with the place. */
    void offerTaken(Connection connection, long bookingId, Instant now) throws SQLException {
        Optional<BookingFacts> facts = facts(connection, bookingId);
        if (facts.isPresent()) {
            outbox.queue(mail(now).offerTaken(facts.get()));
        }
    }

    void promoted(Connection connection, LockedSession session, Instant now) throws SQLException {
        for (LockedSession.Promoted promotion : session.untold()) {
            Long mailId = null;
            Optional<BookingFacts> facts = facts(connection, promotion.bookingId());
            if (facts.isPresent()) {
                mailId = outbox.queue(mail(now).promotion(facts.get().inState(promotion.state(),
                        promotion.offerEnds())));
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_promotion"
                    + " (booking_id, kind, promoted_at, mail_id) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, promotion.bookingId());
                insert.setString(2, promotion.state().key());
                Sql.setInstant(insert, 3, now);
                insert.setObject(4, mailId);
                insert.executeUpdate();
            }
        }
    }

    /**
     * A session's time or place changed: its calendar sequence goes up, and everyone holding or
     * waiting for places is told.
     *
     * @return how many were told
     */
    int sessionChanged(Connection connection, long sessionId, Instant now) throws SQLException {
        SessionNow session = raiseSequence(connection, sessionId);
        NoticeMail mail = mail(now);
        List<BookingFacts> told = current(connection, session);
        outbox.queueAll(told.stream().map(mail::sessionChanged).toList());
        return told.size();
    }

    /**
     * The event is cancelled: each of its sessions' sequence goes up, and everyone holding or
     * waiting for places is told; those with places get a file that takes the entry out.
     *
     * @return how many were told
     */
    int eventCancelled(Connection connection, long eventId, Instant now) throws SQLException {
        List<Long> sessions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM event_session WHERE event_id = ? ORDER BY position, id")) {
            query.setLong(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sessions.add(rows.getLong(1));
                }
            }
        }
        NoticeMail mail = mail(now);
        List<MailMessage> notices = new ArrayList<>();
        for (long sessionId : sessions) {
            for (BookingFacts booking : current(connection, raiseSequence(connection, sessionId))) {
                notices.add(mail.eventCancelled(booking));
            }
        }
        outbox.queueAll(notices);
        return notices.size();
    }

    /**
     * Queues a reminder for a booking that still has a place, unless this reminder was sent already
     * (by this node or another: the {@code event_reminder} row is claimed first, in this
     * transaction). People with a place are the only ones a session's online link is mailed to:
     * where the event holds the link back until shortly before the start, in a reminder sent from
     * then on; otherwise only in the last reminder ({@code last}).
     *
     * @return whether the reminder was queued now
     */
    boolean remind(Connection connection, Dialect dialect, long bookingId, int hoursBefore, boolean last,
            Instant now) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT state FROM event_booking WHERE id = ? FOR UPDATE")) {
            // Locked, so a cancellation committing meanwhile is seen rather than reminded.
            query.setLong(1, bookingId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || !BookingState.PLACE.key().equals(row.getString(1))) {
                    return false;
                }
            }
        }
        boolean claimed = dialect.insertIfAbsent(connection, "INSERT INTO event_reminder (booking_id, hours_before,"
                + " sent_at) VALUES (?, ?, ?)", insert -> {
                    insert.setLong(1, bookingId);
                    insert.setInt(2, hoursBefore);
                    Sql.setInstant(insert, 3, now);
                });
        Optional<BookingFacts> facts = claimed ? facts(connection, bookingId) : Optional.empty();
        if (facts.isEmpty()) {
            return false;
        }
        BookingFacts booking = facts.get();
        boolean withLink = booking.event().onlineLinkShownFrom(booking.session().start())
                .map(from -> !now.isBefore(from)).orElse(last);
        long mailId = outbox.queue(mail(now).reminder(booking, withLink ? booking.session().onlineLink() : ""));
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE event_reminder SET mail_id = ? WHERE booking_id = ? AND hours_before = ?")) {
            update.setLong(1, mailId);
            update.setLong(2, bookingId);
            update.setInt(3, hoursBefore);
            update.executeUpdate();
        }
        return true;
    }

    private static SessionNow raiseSequence(Connection connection, long sessionId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE event_session SET sequence = sequence + 1 WHERE id = ?")) {
            update.setLong(1, sessionId);
            update.executeUpdate();
        }
        return session(connection, sessionId);
    }

    private static SessionNow session(Connection connection, long sessionId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM event_session WHERE id = ?")) {
            query.setLong(1, sessionId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                long eventId = row.getLong("event_id");
                SessionDetails details = EventRows.sessionDetails(row);
                int sequence = row.getInt("sequence");
                return new SessionNow(sessionId, sequence, EventRows.details(connection, eventId).orElseThrow(),
                        details);
            }
        }
    }

    /** The bookings holding or waiting for places in a session that can be told by mail, places first. */
    private static List<BookingFacts> current(Connection connection, SessionNow session) throws SQLException {
        List<BookingFacts> bookings = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT event_booking.*, " + FIRST_PERSON
                + " FROM event_booking WHERE session_id = ?"
                + " AND state IN ('place', 'offered', 'waiting') AND contact_email <> ''"
                + " ORDER BY CASE WHEN state = 'waiting' THEN 1 ELSE 0 END, waiting_number, id")) {
            query.setLong(1, session.id());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    bookings.add(facts(rows, session));
                }
            }
        }
        return bookings;
    }

    /** The facts of one booking, or empty where it has no mail address. */
    private static Optional<BookingFacts> facts(Connection connection, long bookingId) throws SQLException {
        long sessionId;
        try (PreparedStatement query = connection.prepareStatement("SELECT session_id FROM event_booking"
                + " WHERE id = ? AND contact_email <> ''")) {
            query.setLong(1, bookingId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                sessionId = row.getLong(1);
            }
        }
        SessionNow session = session(connection, sessionId);
        try (PreparedStatement query = connection.prepareStatement("SELECT event_booking.*, " + FIRST_PERSON
                + " FROM event_booking WHERE id = ?")) {
            query.setLong(1, bookingId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return Optional.of(facts(row, session));
            }
        }
    }

    private static BookingFacts facts(ResultSet row, SessionNow session) throws SQLException {
        int number = row.getInt("waiting_number");
        Integer waitingNumber = row.wasNull() ? null : number;
        return new BookingFacts(session.id(), session.sequence(), session.event(), session.details(),
                row.getString("contact_email"), greeting(row), row.getInt("people"),
                BookingState.fromKey(row.getString("state")).orElseThrow(), waitingNumber,
                Sql.getInstant(row, "offer_ends"));
    }

    /** Whoever reads the mail: the one booking for a party, a trusted adult, or the person coming. */
    private static String greeting(String bookerName, String trustedAdult, String firstPerson) {
        return !bookerName.isBlank() ? bookerName : !trustedAdult.isBlank() ? trustedAdult : firstPerson;
    }

    private static String greeting(ResultSet row) throws SQLException {
        String bookerName = "self".equals(row.getString("booker_role")) ? "" : row.getString("booker_name");
        String firstPerson = row.getString("first_person");
        return greeting(bookerName, row.getString("contact_adult"), firstPerson == null ? "" : firstPerson);
    }
}
