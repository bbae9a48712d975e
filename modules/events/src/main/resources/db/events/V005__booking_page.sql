-- Where a booking's own page is, as the host addresses the events widget, with BOOKINGTOKEN where a
-- booking's secret goes: the widget learns it from its host when it is shown, and the emails about
-- bookings that staff make on someone's behalf link there. One row.
CREATE TABLE event_booking_page (
    id INT PRIMARY KEY,
    address VARCHAR(2000) NOT NULL,
    learned_at TIMESTAMP WITH TIME ZONE NOT NULL
);
