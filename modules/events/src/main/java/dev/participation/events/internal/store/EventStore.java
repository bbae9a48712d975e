package dev.participation.events.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.mail.Outbox;
import dev.participation.api.storage.Sql;
import dev.participation.api.storage.Storage;
import dev.participation.api.storage.StorageException;
import dev.participation.api.widget.Message;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventChanged;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.EventQuery;
import dev.participation.events.api.EventRules;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.Events;
import dev.participation.events.api.PublicEvent;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.internal.mail.NoticeSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Events in {@code event} and their sessions in {@code event_session}. A save names the version it
 * was based on and changes the row only if it is still at that version; a change to a session goes
 * through the same version and then takes the session's lock ({@link LockedSession}) like a
 * sign-up, so a capacity change and a rush of sign-ups never cross. Every change writes its audit
 * line in the same transaction.
 */
@Component(service = Events.class)
public final class EventStore implements Events {

    static final String RECORD_TYPE = "event";

    private final Storage storage;
    private final AuditLog audit;
    private final Clock clock;
    private final Notices notices;

    @Activate
    public EventStore(@Reference(target = EventSchema.STORAGE) Storage storage, @Reference AuditLog audit,
            @Reference Outbox outbox, @Reference Clock clock, @Reference NoticeSettings settings) {
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
        this.notices = new Notices(outbox, settings, clock);
    }

    /** With the notice settings of a portal nobody has configured, as tests and tools use it. */
    public EventStore(Storage storage, AuditLog audit, Outbox outbox, Clock clock) {
        this(storage, audit, outbox, clock, NoticeSettings.defaults());
    }

    @Override
    public Optional<PublicEvent> find(String slug) {
        if (!EventRules.validSlug(slug)) {
            return Optional.empty();
        }
        return storage.read(connection -> EventRows.event(connection, "slug = ?", slug))
                .filter(e -> e.details().status().isPublic()).map(Event::publicView);
    }

    @Override
    public List<PublicEvent> published(EventQuery query) {
        Objects.requireNonNull(query, "query");
        return matching(storage.read(EventRows::all).stream().filter(e -> e.details().status().isPublic()), query);
    }

    @Override
    public List<PublicEvent> calendar(EventQuery query) {
        Objects.requireNonNull(query, "query");
        return storage.read(connection -> {
            Set<Long> everPublished = EventRows.everPublished(connection);
            // A cancelled event stays while a session is still to end (the query's "upcoming" rule), so
            // calendars that subscribed see it cancelled; one never published was never subscribed to.
            return matching(EventRows.all(connection).stream().filter(e -> e.details().status().isPublic()
                    || (e.details().status() == EventStatus.CANCELLED && everPublished.contains(e.id()))), query);
        });
    }

    /** The events the query picks from {@code candidates}, as the public sees them. */
    private List<PublicEvent> matching(Stream<Event> candidates, EventQuery query) {
        Instant now = clock.instant();
        // Councils publish tens of events, not thousands: one read of them all, filtered here, is
        // simpler than SQL for every combination and as fast at that size.
        Stream<Event> matching = candidates
                .filter(e -> query.slugs().isEmpty() || query.slugs().contains(e.slug()))
                .filter(e -> query.types().isEmpty() || query.types().contains(e.details().type()))
                .filter(e -> query.tags().isEmpty() || e.details().tags().stream().anyMatch(query.tags()::contains))
                .filter(e -> query.age() == null || e.details().fitsAge(query.age()))
                .filter(e -> query.past() || e.sessions().stream().anyMatch(s -> s.details().end().isAfter(now)))
                .filter(e -> query.from() == null
                        || e.sessions().stream().anyMatch(s -> s.details().end().isAfter(query.from())))
                .filter(e -> query.to() == null
                        || e.sessions().stream().anyMatch(s -> s.details().start().isBefore(query.to())));
        if (!query.slugs().isEmpty()) {
            matching = matching.sorted(Comparator.comparingInt(e -> query.slugs().indexOf(e.slug())));
        }
        return matching.limit(query.limit()).map(Event::publicView).toList();
    }

    @Override
    public List<Event> all() {
        return storage.read(EventRows::all);
    }

    @Override
    public Optional<Event> event(long id) {
        return storage.read(connection -> EventRows.event(connection, "id = ?", id));
    }

    @Override
    public Event create(String slug, EventDetails details, List<SessionDetails> sessions, String actor) {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(actor, "actor");
        Map<String, Message> errors = new LinkedHashMap<>();
        if (!EventRules.validSlug(slug)) {
            errors.put("slug", Message.of("events.error.slug"));
        }
        errors.putAll(EventRules.check(details));
        errors.putAll(EventRules.checkSessions(sessions));
        refuseIf(errors);
        try {
            return storage.write(connection -> {
                Instant now = clock.instant();
                // A concurrent create of the same slug waits here and then inserts nothing.
                boolean inserted = storage.dialect().insertIfAbsent(connection, "INSERT INTO event (slug, created_at,"
                        + " created_by, updated_at, updated_by, was_published, "
                        + String.join(", ", EventRows.DETAIL_COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?, "
                        + EventRows.marks(EventRows.DETAIL_COLUMNS) + ")", insert -> {
                            insert.setString(1, slug);
                            Sql.setInstant(insert, 2, now);
                            insert.setString(3, actor);
                            Sql.setInstant(insert, 4, now);
                            insert.setString(5, actor);
                            insert.setBoolean(6, details.status().isPublic());
                            EventRows.bind(insert, 7, details);
                        });
                if (!inserted) {
                    throw slugTaken();
                }
                long id = idOf(connection, slug);
                int position = 0;
                for (SessionDetails session : sessions) {
                    insertSession(connection, id, position++, session);
                }
                audit.record(actor, "event.create", RECORD_TYPE, String.valueOf(id),
                        "Added event " + slug + " with " + sessions.size() + " sessions");
                return EventRows.event(connection, "id = ?", id).orElseThrow();
            });
        } catch (StorageException e) {
            if (e.isUniqueViolation()) {
                throw slugTaken();
            }
            throw e;
        }
    }

    @Override
    public Event update(long id, int version, EventDetails details, String actor) {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(actor, "actor");
        refuseIf(EventRules.check(details));
        return storage.write(connection -> {
            Event before = EventRows.event(connection, "id = ?", id)
                    .orElseThrow(() -> new NoSuchElementException("No event " + id));
            // Guarded by the version in the same statement: of two saves from one version, the second
            // finds no row to change, even if both read the row before either wrote.
            try (PreparedStatement update = connection.prepareStatement("UPDATE event SET version = version + 1,"
                    + " updated_at = ?, updated_by = ?, was_published = (was_published OR ?), "
                    + EventRows.assignments(EventRows.DETAIL_COLUMNS) + " WHERE id = ? AND version = ?")) {
                Sql.setInstant(update, 1, clock.instant());
                update.setString(2, actor);
                update.setBoolean(3, details.status().isPublic());
                int next = EventRows.bind(update, 4, details);
                update.setLong(next, id);
                update.setInt(next + 1, version);
                if (update.executeUpdate() == 0) {
                    throw new EventChanged(EventRows.event(connection, "id = ?", id).orElse(before));
                }
            }
            String told = "";
            if (details.status() == EventStatus.CANCELLED && before.details().status() != EventStatus.CANCELLED) {
                told = "; told " + notices.eventCancelled(connection, id, clock.instant()) + " bookings it is cancelled";
            }
            audit.record(actor, "event.update", RECORD_TYPE, String.valueOf(id),
                    "Saved event " + before.slug() + " as version " + (version + 1) + told);
            return EventRows.event(connection, "id = ?", id).orElseThrow();
        });
    }

    @Override
    public Event addSession(long eventId, int version, SessionDetails session, String actor) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(actor, "actor");
        refuseIf(EventRules.checkSession("", session));
        return storage.write(connection -> {
            Event before = claimVersion(connection, eventId, version, actor);
            if (before.sessions().size() >= EventRules.SESSIONS_MAX) {
                throw EventProblem.of("sessions", "events.error.tooManySessions", EventRules.SESSIONS_MAX);
            }
            insertSession(connection, eventId, before.sessions().size(), session);
            audit.record(actor, "event.session.add", RECORD_TYPE, String.valueOf(eventId),
                    "Added a session with " + session.capacity() + " places");
            return EventRows.event(connection, "id = ?", eventId).orElseThrow();
        });
    }

    @Override
    public Event changeSession(long eventId, int version, long sessionId, SessionDetails session, String actor) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(actor, "actor");
        refuseIf(EventRules.checkSession("", session));
        return storage.write(connection -> {
            Event before = claimVersion(connection, eventId, version, actor);
            SessionDetails was = before.sessions().stream().filter(s -> s.id() == sessionId).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("Event " + eventId + " has no session " + sessionId))
                    .details();
            LockedSession locked = LockedSession.lock(connection, sessionId);
            if (session.capacity() < locked.taken()) {
                // Nobody loses a place they were given: staff cancel bookings first if they must.
                throw EventProblem.of("capacity", "events.error.capacityBelowTaken", locked.taken());
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE event_session SET "
                    + EventRows.assignments(EventRows.SESSION_COLUMNS) + " WHERE id = ?")) {
                int next = EventRows.bind(update, 1, session);
                update.setLong(next, sessionId);
                update.executeUpdate();
            }
            Instant now = clock.instant();
            String told = "";
            if (movesPeople(was, session)) {
                // Before any promotion below, so the promoted get the new time and calendar sequence too.
                told = "; told " + notices.sessionChanged(connection, sessionId, now) + " bookings of the change";
            }
            // Read the session again with its new capacity and times, still under the lock, and fill it.
            LockedSession changed = LockedSession.lock(connection, sessionId);
            changed.lapseAndFill(connection, now);
            notices.promoted(connection, changed, now);
            changed.save(connection);
            audit.record(actor, "event.session.change", RECORD_TYPE, String.valueOf(eventId),
                    "Changed session " + sessionId + " to " + session.capacity() + " places; "
                            + changed.promoted().size() + " promoted from the waiting list" + told);
            return EventRows.event(connection, "id = ?", eventId).orElseThrow();
        });
    }

    /** Whether people booked must be told: the session's time or its place changed (its capacity is the organisers' business). */
    private static boolean movesPeople(SessionDetails was, SessionDetails now) {
        return !was.start().equals(now.start()) || !was.end().equals(now.end()) || !was.place().equals(now.place());
    }

    /** Moves the event on from {@code version}, or throws {@link EventChanged}; returns the event as it was. */
    private Event claimVersion(Connection connection, long eventId, int version, String actor) throws SQLException {
        Event before = EventRows.event(connection, "id = ?", eventId)
                .orElseThrow(() -> new NoSuchElementException("No event " + eventId));
        try (PreparedStatement update = connection.prepareStatement("UPDATE event SET version = version + 1,"
                + " updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
            Sql.setInstant(update, 1, clock.instant());
            update.setString(2, actor);
            update.setLong(3, eventId);
            update.setInt(4, version);
            if (update.executeUpdate() == 0) {
                throw new EventChanged(EventRows.event(connection, "id = ?", eventId).orElse(before));
            }
        }
        return before;
    }

    private static void insertSession(Connection connection, long eventId, int position, SessionDetails session)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_session (event_id, position, "
                + String.join(", ", EventRows.SESSION_COLUMNS) + ") VALUES (?, ?, "
                + EventRows.marks(EventRows.SESSION_COLUMNS) + ")")) {
            insert.setLong(1, eventId);
            insert.setInt(2, position);
            EventRows.bind(insert, 3, session);
            insert.executeUpdate();
        }
    }

    private static long idOf(Connection connection, String slug) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM event WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static EventProblem slugTaken() {
        return EventProblem.of("slug", "events.error.slugTaken");
    }

    private static void refuseIf(Map<String, Message> errors) {
        if (!errors.isEmpty()) {
            throw new EventProblem(errors);
        }
    }
}
