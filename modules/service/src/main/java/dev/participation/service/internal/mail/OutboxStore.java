package dev.participation.service.internal.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.mail.Attachment;
import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.Outbox;
import dev.participation.api.mail.OutboxEntry;
import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Sql;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The outbox in the {@code mail_outbox} and {@code mail_attachment} tables. */
@Component(service = {Outbox.class, OutboxStore.class})
public final class OutboxStore implements Outbox {

    static final int MAX_LIMIT = 1000;
    static final int MAX_ERROR = 1000;

    /** A message taken by one sender, with the token that proves the claim is still its own. */
    record Claimed(long id, String token, int attempts, MailMessage message) {
    }

    private final Database database;
    private final Clock clock;
    private final AuditLog audit;

    @Activate
    public OutboxStore(@Reference Database database, @Reference Clock clock, @Reference AuditLog audit) {
        this.database = database;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public long queue(MailMessage message) {
        return queueAll(List.of(message)).get(0);
    }

    @Override
    public List<Long> queueAll(List<MailMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        return database.write(connection -> {
            List<Long> ids;
            Instant now = clock.instant();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_outbox"
                    + " (queued_at, recipient, subject, body, status, next_attempt_at) VALUES (?, ?, ?, ?, 'queued', ?)",
                    new String[] {"id"})) {
                for (MailMessage message : messages) {
                    Sql.setInstant(insert, 1, now);
                    insert.setString(2, message.to());
                    insert.setString(3, message.subject());
                    insert.setString(4, message.body());
                    Sql.setInstant(insert, 5, now);
                    insert.addBatch();
                }
                ids = Sql.insertBatchForIds(insert, messages.size());
            }
            boolean attached = false;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_attachment"
                    + " (message_id, position, file_name, media_type, content) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < messages.size(); i++) {
                    int position = 0;
                    for (Attachment attachment : messages.get(i).attachments()) {
                        insert.setLong(1, ids.get(i));
                        insert.setInt(2, position++);
                        insert.setString(3, attachment.fileName());
                        insert.setString(4, attachment.mediaType());
                        insert.setBytes(5, attachment.content());
                        insert.addBatch();
                        attached = true;
                    }
                }
                if (attached) {
                    insert.executeBatch();
                }
            }
            return ids;
        });
    }

    @Override
    public List<OutboxEntry> recent(int limit) {
        int rows = Math.max(1, Math.min(limit, MAX_LIMIT));
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, queued_at, recipient, subject,"
                    + " status, attempts, next_attempt_at, sent_at, last_error FROM mail_outbox"
                    + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                query.setInt(1, rows);
                List<OutboxEntry> entries = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        boolean sent = "sent".equals(row.getString("status"));
                        entries.add(new OutboxEntry(row.getLong("id"), Sql.getInstant(row, "queued_at"),
                                row.getString("recipient"), row.getString("subject"),
                                sent ? OutboxEntry.Status.SENT : OutboxEntry.Status.QUEUED, row.getInt("attempts"),
                                sent ? null : Sql.getInstant(row, "next_attempt_at"), Sql.getInstant(row, "sent_at"),
                                row.getString("last_error")));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public Optional<MailMessage> read(long id, String actor) {
        return database.write(connection -> {
            Optional<MailMessage> message = load(connection, id);
            if (message.isPresent()) {
                audit.record(actor, "mail.read", "mail", Long.toString(id), "read an outbox message");
            }
            return message;
        });
    }

    /**
     * The ids of up to {@code limit} messages due now that no sender holds, oldest first. Nothing is
     * taken: a sender claims each one with {@link #claim} just before sending it, so a message it
     * has not reached yet stays free for other senders.
     */
    List<Long> due(int limit) {
        Instant now = clock.instant();
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id FROM mail_outbox"
                    + " WHERE status = 'queued' AND next_attempt_at <= ?"
                    + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id FETCH FIRST ? ROWS ONLY")) {
                Sql.setInstant(query, 1, now);
                Sql.setInstant(query, 2, now);
                query.setInt(3, limit);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * Takes one message for this sender until {@code lease} from now, if it is still due and no
     * other sender holds it. The conditional update succeeds for one sender only, so two nodes
     * never send one message at once; a sender that dies holding it lets it go when the lease
     * runs out.
     */
    Optional<Claimed> claim(long id, Duration lease) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        return database.write(connection -> {
            try (PreparedStatement claim = connection.prepareStatement("UPDATE mail_outbox"
                    + " SET claim_token = ?, claimed_until = ? WHERE id = ? AND status = 'queued'"
                    + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)")) {
                claim.setString(1, token);
                Sql.setInstant(claim, 2, now.plus(lease));
                claim.setLong(3, id);
                Sql.setInstant(claim, 4, now);
                Sql.setInstant(claim, 5, now);
                if (claim.executeUpdate() != 1) {
                    return Optional.<Claimed>empty();
                }
            }
            int attempts;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT attempts FROM mail_outbox WHERE id = ?")) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    attempts = row.getInt(1);
                }
            }
            return Optional.of(new Claimed(id, token, attempts, load(connection, id).orElseThrow()));
        });
    }

    /**
     * Extends a claim still held to {@code lease} from now, while its send goes on.
     *
     * @return false if the claim is no longer this sender's (sent, failed, or taken by another
     *         sender after it ran out)
     */
    boolean renew(Claimed message, Duration lease) {
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox SET claimed_until = ?"
                    + " WHERE id = ? AND claim_token = ? AND status = 'queued'")) {
                Sql.setInstant(update, 1, clock.instant().plus(lease));
                update.setLong(2, message.id());
                update.setString(3, message.token());
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records a delivery; does nothing if the claim ran out and another sender took the message.
     *
     * @return false if the claim was no longer this sender's
     */
    boolean markSent(Claimed message) {
        return database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox SET status = 'sent',"
                    + " sent_at = ?, attempts = attempts + 1, claim_token = NULL, claimed_until = NULL"
                    + " WHERE id = ? AND claim_token = ?")) {
                Sql.setInstant(update, 1, clock.instant());
                update.setLong(2, message.id());
                update.setString(3, message.token());
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Records a failed attempt and when to try again; the message stays queued. */
    void markFailed(Claimed message, String error, Duration retryAfter) {
        String text = error == null || error.isBlank() ? "unknown error" : error;
        String stored = text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR - 1) + "…" : text;
        database.write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox SET"
                    + " attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claim_token = NULL,"
                    + " claimed_until = NULL WHERE id = ? AND claim_token = ?")) {
                update.setString(1, stored);
                Sql.setInstant(update, 2, clock.instant().plus(retryAfter));
                update.setLong(3, message.id());
                update.setString(4, message.token());
                return update.executeUpdate();
            }
        });
    }

    private static Optional<MailMessage> load(Connection connection, long id) throws SQLException {
        String to;
        String subject;
        String body;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT recipient, subject, body FROM mail_outbox WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                to = row.getString(1);
                subject = row.getString(2);
                body = row.getString(3);
            }
        }
        List<Attachment> attachments = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT file_name, media_type, content"
                + " FROM mail_attachment WHERE message_id = ? ORDER BY position")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    attachments.add(new Attachment(row.getString(1), row.getString(2), row.getBytes(3)));
                }
            }
        }
        return Optional.of(new MailMessage(to, subject, body, attachments));
    }
}
