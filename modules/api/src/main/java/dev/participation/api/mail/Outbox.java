package dev.participation.api.mail;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where mail is queued. A background sender delivers it with retries; with no mail server
 * configured messages stay here, where administrators can read them.
 */
@ProviderType
public interface Outbox {

    /**
     * Queues a message inside the caller's transaction where there is one, so the message is
     * kept exactly when the record that causes it is, and never sent for a change rolled back.
     *
     * @return the message's id
     */
    long queue(MailMessage message);

    /**
     * Queues several messages, in order, as {@link #queue} does one: in the caller's transaction,
     * written in one batch, so a change that tells many people (a group of sign-ups, a message to
     * everyone booked) does not wait for the database once per message.
     *
     * @return the messages' ids, in the order given
     * @since 1.1
     */
    List<Long> queueAll(List<MailMessage> messages);

    /** The newest messages first, sent or not. */
    List<OutboxEntry> recent(int limit);

    /**
     * One message with its text, for an administrator; the read is written to the audit log
     * because messages hold personal data.
     *
     * @param actor the account reading it
     */
    Optional<MailMessage> read(long id, String actor);
}
