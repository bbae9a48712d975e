-- Whether an event has ever been shown to the public (the events bundle). The calendar feed keeps a
-- cancelled event until its sessions end, so calendars that subscribed see it cancelled, but only one
-- the public could have subscribed to: a draft cancelled before it was published stays unseen.
ALTER TABLE event ADD COLUMN was_published BOOLEAN DEFAULT FALSE NOT NULL;
-- Events public now were published; a cancelled one was if the public signed up to it (only a public
-- event takes their sign-ups). A cancelled event with no such trace stays out of the feed, as before.
UPDATE event SET was_published = TRUE WHERE status IN ('published', 'changed')
    OR (status = 'cancelled' AND EXISTS (SELECT 1 FROM event_booking b JOIN event_session s
        ON s.id = b.session_id WHERE s.event_id = event.id AND b.booked_by = 'public'));
