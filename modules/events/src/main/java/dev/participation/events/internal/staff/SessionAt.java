package dev.participation.events.internal.staff;

import dev.participation.events.api.Event;
import dev.participation.events.api.EventSession;
import dev.participation.kit.staff.Screen;

/** A session with the event it belongs to, as every screen below a session's path needs them. */
record SessionAt(Event event, EventSession session) {

    long id() {
        return session.id();
    }

    /** The event's title, with the session's label where it has one. */
    String title() {
        String label = session.details().label();
        return label.isBlank() ? event.details().title() : event.details().title() + " - " + label;
    }

    String when(Screen s) {
        return s.text("events.staff.when", s.dateTime(session.details().start()), s.dateTime(session.details().end()));
    }

    /** A path below this session's page. */
    String path(String rest) {
        return rest.isEmpty() ? Long.toString(id()) : id() + "/" + rest;
    }
}
