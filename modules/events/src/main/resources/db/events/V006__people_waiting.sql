-- People on a session's waiting list, kept beside places_taken and changed only under the session's
-- lock: every view of an event shows how many wait, and adding up the session's bookings for each
-- view made a rush's page slower with every person who joined the list.
ALTER TABLE event_session ADD COLUMN people_waiting INT DEFAULT 0 NOT NULL;
UPDATE event_session SET people_waiting = (SELECT COALESCE(SUM(b.people), 0) FROM event_booking b
    WHERE b.session_id = event_session.id AND b.state = 'waiting');
ALTER TABLE event_session ADD CONSTRAINT event_session_waiting_not_negative CHECK (people_waiting >= 0);
