-- Staff's side of events: who arrived on the day, and which fullness alerts were sent.

-- One row per person in a booking who has arrived. The key makes a repeated tap (a double click,
-- a retry over a flaky connection) find the row already there instead of counting twice; undoing
-- a mistaken check-in deletes the row.
CREATE TABLE event_check_in (
    booking_id BIGINT NOT NULL REFERENCES event_booking (id),
    -- The person's position in the booking, as in event_attendee.
    position INT NOT NULL,
    checked_in_at TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_in_by VARCHAR(200) NOT NULL,
    PRIMARY KEY (booking_id, position)
);

-- Each alert the organisers were sent about a session filling up, once per threshold (80 for
-- "nearly full", 100 for "full"): the key is what keeps two nodes' jobs from both sending it.
CREATE TABLE event_session_alert (
    session_id BIGINT NOT NULL REFERENCES event_session (id),
    threshold INT NOT NULL,
    places_taken INT NOT NULL,
    capacity INT NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, threshold)
);
