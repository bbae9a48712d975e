package dev.participation.api.mail;

import java.time.Instant;

/**
 * A message in the outbox as an administrator sees it in a list, without its text.
 *
 * @param id            ascending with time
 * @param queuedAt      when it was queued
 * @param to            the recipient
 * @param subject       its subject
 * @param status        queued (waiting or retrying) or sent
 * @param attempts      how many sends failed or succeeded so far
 * @param nextAttemptAt when the sender tries next; {@code null} once sent
 * @param sentAt        when it was sent; {@code null} while queued
 * @param lastError     why the last attempt failed; empty if none did
 */
public record OutboxEntry(long id, Instant queuedAt, String to, String subject, Status status, int attempts,
        Instant nextAttemptAt, Instant sentAt, String lastError) {

    public enum Status { QUEUED, SENT }
}
