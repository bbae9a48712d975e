-- What a residential event adds for each young person staying away from home (events bundle).
-- Null for every other event, and once the retention rule has erased it, which it does sooner
-- than the rest of a booking: a few days after the session ends rather than months.
ALTER TABLE event_attendee ADD COLUMN emergency_name VARCHAR(240);
ALTER TABLE event_attendee ADD COLUMN emergency_phone VARCHAR(120);
ALTER TABLE event_attendee ADD COLUMN medical_notes VARCHAR(4000);
ALTER TABLE event_attendee ADD COLUMN photos BOOLEAN;
