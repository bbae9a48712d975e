-- What the mail to people booked needs (the events bundle's notices), in SQL that H2 and PostgreSQL both run.

-- Raised by one on each change of a session's time or place, and when its event is cancelled: calendar
-- programs replace an entry by its UID only when the new file's SEQUENCE is higher than the one they hold.
ALTER TABLE event_session ADD COLUMN sequence INT DEFAULT 0 NOT NULL;

-- Each reminder sent, once per booking and per reminder (hours before the start). The primary key is
-- what keeps two portal nodes, or a run repeated after a crash, from sending the same reminder twice:
-- the row is written in the transaction that queues the mail.
CREATE TABLE event_reminder (
    booking_id BIGINT NOT NULL REFERENCES event_booking (id),
    hours_before INT NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The outbox message that carries it, filled in once queued in the same transaction.
    mail_id BIGINT,
    PRIMARY KEY (booking_id, hours_before)
);
