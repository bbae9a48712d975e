package dev.participation.events.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.Outbox;
import dev.participation.api.storage.Sql;
import dev.participation.events.api.BookingState;
import dev.participation.kit.i18n.LanguageBundles;

/**
 * Tells people promoted from a waiting list, inside the transaction that promoted them: a row in
 * {@code event_promotion} for each promotion and, where they gave an email address, a message in
 * the outbox, so the notice is sent exactly when the promotion commits.
 */
final class Notices {

    static final LanguageBundles WORDS = new LanguageBundles(Notices.class,
            "dev/participation/events/shared/Language");

    // Councils using the portal today are in Great Britain; the widget's settings will make it configurable.
    private static final ZoneId COUNCIL_TIME = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(COUNCIL_TIME);

    private final Outbox outbox;

    Notices(Outbox outbox) {
        this.outbox = outbox;
    }

    void promoted(Connection connection, LockedSession session, Instant now) throws SQLException {
        for (LockedSession.Promoted promotion : session.untold()) {
            Long mailId = null;
            String email = emailOf(connection, promotion.bookingId());
            if (!email.isBlank()) {
                mailId = outbox.queue(message(email, session, promotion));
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

    private static MailMessage message(String email, LockedSession session, LockedSession.Promoted promotion) {
        ResourceBundle words = WORDS.forLocale(Locale.ROOT);
        String kind = promotion.state() == BookingState.OFFERED ? "offered" : "promoted";
        String title = session.event.title();
        String what = session.details.label().isBlank() ? title : title + " - " + session.details.label();
        String body = MessageFormat.format(words.getString("events.mail." + kind + ".body"), what,
                WHEN.format(session.details.start()),
                promotion.offerEnds() == null ? "" : WHEN.format(promotion.offerEnds()));
        // The subject is one line whatever an editor typed in the title.
        String subject = MessageFormat.format(words.getString("events.mail." + kind + ".subject"),
                title.replaceAll("[\\r\\n]+", " "));
        return new MailMessage(email, subject, body);
    }

    private static String emailOf(Connection connection, long bookingId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT contact_email FROM event_booking WHERE id = ?")) {
            query.setLong(1, bookingId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
