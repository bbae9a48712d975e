package dev.participation.events.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import dev.participation.api.audit.AuditLine;
import dev.participation.api.audit.AuditLog;
import dev.participation.api.mail.MailMessage;
import dev.participation.api.mail.Outbox;
import dev.participation.api.protection.Verdict;
import dev.participation.api.storage.GroupCommit;
import dev.participation.api.storage.Sql;
import dev.participation.api.storage.Storage;
import dev.participation.api.widget.Message;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booker;
import dev.participation.events.api.BookerRole;
import dev.participation.events.api.Booking;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.Consent;
import dev.participation.events.api.ConsentRole;
import dev.participation.events.api.Contact;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.EventType;
import dev.participation.events.api.ManageLink;
import dev.participation.events.api.OnlineJoining;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.events.api.SignUpRefused;
import dev.participation.events.api.SignUpRules;
import dev.participation.events.api.SignUps;
import dev.participation.events.internal.mail.NoticeSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Sign-ups in {@code event_booking}, one row per booking and one {@code event_attendee} row per
 * person in it. Every change takes the session's lock first ({@link LockedSession}), decides there
 * and writes the session's counters back in the same transaction, with its audit line and any
 * promotion notice, so the capacity rule holds however many nodes share the database. Nothing is
 * decided on a count read before the lock.
 */
@Component(service = SignUps.class)
public final class SignUpStore implements SignUps {

    static final String RECORD_TYPE = "event-booking";
    /** The actor in the audit log for what the public does through a form or a link. */
    static final String PUBLIC = "public";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Storage storage;
    private final AuditLog audit;
    private final Clock clock;
    private final Notices notices;
    /**
     * Sign-ups for one session that arrive while another is being written are written together,
     * under one hold of the session's lock, by the next transaction: in a rush the disk is waited
     * for once per group instead of once per person. At most 100 in a group, so a group never holds
     * the lock for long.
     */
    private final GroupCommit<Long, Request, SignUpReceipt> queue = new GroupCommit<>(100);

    /**
     * The booking an earlier send of the same form made, looked up for every sign-up under the
     * session's lock: only the unique index on {@code (session_id, form_key)} may serve it (V009).
     */
    static final String BY_FORM_KEY = "SELECT id, state, waiting_number, people, offer_ends FROM event_booking"
            + " WHERE session_id = ? AND form_key = ?";

    /** Admits every sign-up: staff's, and the public's whose guard was asked before. */
    private static final Supplier<Verdict> ADMITTED = Verdict::pass;

    /** One sign-up waiting for its session's next write, and the guard's say on it, asked in that write. */
    private record Request(SignUpForm form, ManageLink manage, String actor, Supplier<Verdict> admission) {
    }

    @Activate
    public SignUpStore(@Reference(target = EventSchema.STORAGE) Storage storage, @Reference AuditLog audit,
            @Reference Outbox outbox, @Reference Clock clock, @Reference NoticeSettings settings) {
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
        this.notices = new Notices(outbox, settings, clock);
    }

    /** With the notice settings of a portal nobody has configured, as tests and tools use it. */
    public SignUpStore(Storage storage, AuditLog audit, Outbox outbox, Clock clock) {
        this(storage, audit, outbox, clock, NoticeSettings.defaults());
    }

    @Override
    public SignUpReceipt signUp(long sessionId, SignUpForm form, ManageLink manage) {
        return book(sessionId, form, manage, PUBLIC, ADMITTED);
    }

    @Override
    public SignUpReceipt signUp(long sessionId, SignUpForm form, ManageLink manage, Supplier<Verdict> admission) {
        return book(sessionId, form, manage, PUBLIC, Objects.requireNonNull(admission, "admission"));
    }

    @Override
    public SignUpReceipt addFor(long sessionId, SignUpForm form, ManageLink manage, String actor) {
        Objects.requireNonNull(actor, "actor");
        return book(sessionId, form, manage, actor, ADMITTED);
    }

    private SignUpReceipt book(long sessionId, SignUpForm form, ManageLink manage, String actor,
            Supplier<Verdict> admission) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(manage, "manage");
        // The rules are checked under the session's lock, against the event as it then is. The forms
        // that call this check them first against the event they showed, so bad input does not queue
        // behind a rush; reading the event here as well cost every sign-up of a rush a transaction.
        return queue.submit(sessionId, new Request(form, manage, actor, admission), group -> write(sessionId, group));
    }

    /**
     * Writes a group of sign-ups for one session in one transaction, in order, and answers each. A
     * sign-up the rules refuse is answered with its problem and the rest go ahead; if the database
     * refuses the transaction, each is tried again on its own, so one sign-up's trouble is never
     * another's. Each is decided in turn under the lock, then the group's rows, confirmations and
     * audit lines are written in one batch each: the lock is held while the database is waited for
     * a few times per group, not several times per person.
     */
    private void write(long sessionId, List<GroupCommit.Entry<Request, SignUpReceipt>> group) {
        try {
            storage.write(connection -> {
                LockedSession session = LockedSession.lock(connection, sessionId);
                Instant now = clock.instant();
                session.lapseAndFill(connection, now);
                List<Decided> decided = new ArrayList<>(group.size());
                Map<String, Decided> decidedByFormKey = new HashMap<>();
                for (GroupCommit.Entry<Request, SignUpReceipt> pending : group) {
                    try {
                        String formKey = pending.input().form().formKey();
                        Decided sameFormInGroup = decidedByFormKey.get(formKey);
                        if (sameFormInGroup != null) {
                            // The same form sent twice at once: one booking, and both sends are told of it.
                            sameFormInGroup.sentAgain.add(pending);
                            continue;
                        }
                        Optional<SignUpReceipt> earlier = byFormKey(connection, session.id, formKey);
                        if (earlier.isPresent()) {
                            pending.succeed(earlier.get());
                            continue;
                        }
                        Decided booking = decide(connection, session, pending, now);
                        decided.add(booking);
                        decidedByFormKey.put(formKey, booking);
                    } catch (EventProblem | SignUpRefused refused) {
                        // Refused before anything of it was written: the others are unaffected.
                        pending.fail(refused);
                    }
                }
                store(connection, session, decided, now);
                notices.promoted(connection, session, now);
                session.save(connection);
                return null;
            });
        } catch (RuntimeException e) {
            if (group.size() > 1) {
                for (GroupCommit.Entry<Request, SignUpReceipt> pending : group) {
                    pending.forget();
                    write(sessionId, List.of(pending));
                }
                return;
            }
            group.get(0).fail(e);
        }
    }

    /** A sign-up given a place or a waiting-list number under the lock, and not yet written. */
    private static final class Decided {
        final GroupCommit.Entry<Request, SignUpReceipt> pending;
        final BookingState state;
        final Integer number;
        final String token = newToken();
        final List<GroupCommit.Entry<Request, SignUpReceipt>> sentAgain = new ArrayList<>(0);

        Decided(GroupCommit.Entry<Request, SignUpReceipt> pending, BookingState state, Integer number) {
            this.pending = pending;
            this.state = state;
            this.number = number;
        }

        SignUpForm form() {
            return pending.input().form();
        }

        String actor() {
            return pending.input().actor();
        }

        boolean byStaff() {
            return !PUBLIC.equals(actor());
        }
    }

    /** Checks one sign-up against the guard and the rules, and gives it places or a waiting-list number. */
    private Decided decide(Connection connection, LockedSession session, GroupCommit.Entry<Request, SignUpReceipt> pending,
            Instant now) throws SQLException {
        SignUpForm form = pending.input().form();
        boolean staff = !PUBLIC.equals(pending.input().actor());
        // The guard's count joins this transaction: it commits with the booking, or neither does.
        Verdict admitted = pending.input().admission().get();
        if (!admitted.passed()) {
            throw new SignUpRefused(admitted);
        }
        if (staff ? session.event.status() == EventStatus.CANCELLED : !session.event.takesSignUpsAt(now)) {
            throw EventProblem.of("", "events.error.notOpen");
        }
        if (!now.isBefore(session.details.end())) {
            throw EventProblem.of("", "events.error.sessionEnded");
        }
        // The event may have been edited since the rules were checked: check again under the lock.
        Map<String, Message> recheck = SignUpRules.check(form, session.event);
        if (!recheck.isEmpty()) {
            throw new EventProblem(recheck);
        }
        if (session.placesFor(connection, form.people())) {
            session.take(form.people());
            return new Decided(pending, BookingState.PLACE, null);
        }
        return new Decided(pending, BookingState.WAITING, session.joinWaitingList(form.people()));
    }

    /** Writes the decided bookings, their confirmations and audit lines, and answers each send. */
    private void store(Connection connection, LockedSession session, List<Decided> decided, Instant now)
            throws SQLException {
        if (decided.isEmpty()) {
            return;
        }
        List<Long> ids = insert(connection, session, decided, now);
        List<MailMessage> confirmations = new ArrayList<>(decided.size());
        List<AuditLine> lines = new ArrayList<>(decided.size());
        for (int i = 0; i < decided.size(); i++) {
            Decided booking = decided.get(i);
            SignUpForm form = booking.form();
            notices.confirmation(session, form, booking.state, booking.number, booking.pending.input().manage(),
                    booking.token, now).ifPresent(confirmations::add);
            lines.add(new AuditLine(booking.actor(), booking.byStaff() ? "event.booking.add-for" : "event.booking.sign-up",
                    RECORD_TYPE, String.valueOf(ids.get(i)), (booking.byStaff() ? "Added a booking for " : "Booked ")
                            + form.people() + " to session " + session.id + ": " + booking.state.key()
                            + (booking.number == null ? "" : " " + booking.number)));
        }
        notices.confirm(confirmations);
        audit.recordAll(lines);
        for (int i = 0; i < decided.size(); i++) {
            Decided booking = decided.get(i);
            long id = ids.get(i);
            booking.pending.succeed(new SignUpReceipt(id, session.id, booking.state, booking.number,
                    booking.form().people(), null, booking.token, false));
            for (GroupCommit.Entry<Request, SignUpReceipt> again : booking.sentAgain) {
                again.succeed(new SignUpReceipt(id, session.id, booking.state, booking.number,
                        booking.form().people(), null, null, true));
            }
        }
    }

    @Override
    public Optional<Booking> byToken(String cancelToken) {
        if (cancelToken == null || cancelToken.isBlank() || cancelToken.length() > 100) {
            return Optional.empty();
        }
        return storage.read(connection -> bookingWhere(connection, "cancel_token_hash = ?", hash(cancelToken)));
    }

    @Override
    public Optional<String> onlineLink(String cancelToken) {
        return onlineJoining(cancelToken).filter(OnlineJoining::shown).map(OnlineJoining::link);
    }

    @Override
    public Optional<OnlineJoining> onlineJoining(String cancelToken) {
        return byToken(cancelToken).filter(b -> b.state() == BookingState.PLACE)
                .flatMap(b -> storage.read(connection -> OnlineLinks.of(connection, b.sessionId(), clock.instant())));
    }

    @Override
    public boolean cancel(String cancelToken) {
        return byToken(cancelToken).map(b -> cancel(b.id(), PUBLIC)).orElse(false);
    }

    @Override
    public boolean cancelFor(long bookingId, String actor) {
        Objects.requireNonNull(actor, "actor");
        return cancel(bookingId, actor);
    }

    private boolean cancel(long bookingId, String actor) {
        return storage.write(connection -> {
            long sessionId = sessionOf(connection, bookingId);
            LockedSession session = LockedSession.lock(connection, sessionId);
            // Read again under the lock: a concurrent cancel or promotion may have changed it.
            Booking booking = bookingWhere(connection, "id = ?", bookingId).orElseThrow();
            if (booking.state() != BookingState.PLACE && booking.state() != BookingState.OFFERED
                    && booking.state() != BookingState.WAITING) {
                return false;
            }
            Instant now = clock.instant();
            try (PreparedStatement update = connection.prepareStatement("UPDATE event_booking SET state = 'cancelled',"
                    + " cancelled_at = ?, cancelled_by = ? WHERE id = ?")) {
                Sql.setInstant(update, 1, now);
                update.setString(2, actor);
                update.setLong(3, bookingId);
                update.executeUpdate();
            }
            if (booking.state().holdsPlaces()) {
                session.release(booking.people());
            } else if (booking.state() == BookingState.WAITING) {
                session.leaveWaitingList(booking.people());
            }
            notices.cancelled(connection, bookingId, booking.state(), !PUBLIC.equals(actor), now);
            session.lapseAndFill(connection, now);
            notices.promoted(connection, session, now);
            session.save(connection);
            audit.record(actor, PUBLIC.equals(actor) ? "event.booking.cancel" : "event.booking.cancel-for",
                    RECORD_TYPE, String.valueOf(bookingId), "Cancelled a booking for " + booking.people()
                            + " that was " + booking.state().key() + "; " + session.promoted().size()
                            + " promoted from the waiting list");
            return true;
        });
    }

    @Override
    public boolean placeFromWaitingList(long bookingId, String actor) {
        Objects.requireNonNull(actor, "actor");
        return storage.write(connection -> {
            LockedSession session = LockedSession.lock(connection, sessionOf(connection, bookingId));
            Instant now = clock.instant();
            session.lapseAndFill(connection, now);
            notices.promoted(connection, session, now);
            session.save(connection);
            Booking booking = bookingWhere(connection, "id = ?", bookingId).orElseThrow();
            if (booking.state() != BookingState.WAITING) {
                // Automatic promotion (or another member of staff) got there first.
                return booking.state() == BookingState.PLACE;
            }
            if (booking.people() > session.free()) {
                throw EventProblem.of("", "events.error.noRoom", booking.people(), session.free());
            }
            session.placeByHand(connection, bookingId, booking.people(), now);
            notices.promoted(connection, session, now);
            session.save(connection);
            audit.record(actor, "event.booking.place-by-hand", RECORD_TYPE, String.valueOf(bookingId),
                    "Gave " + booking.people() + " places from waiting-list number " + booking.waitingNumber());
            return true;
        });
    }

    @Override
    public boolean acceptOffer(String cancelToken) {
        Optional<Booking> found = byToken(cancelToken);
        if (found.isEmpty()) {
            return false;
        }
        long bookingId = found.get().id();
        return storage.write(connection -> {
            LockedSession session = LockedSession.lock(connection, found.get().sessionId());
            Instant now = clock.instant();
            // An offer past its end lapses here first, and its places go to the next person.
            session.lapseAndFill(connection, now);
            notices.promoted(connection, session, now);
            session.save(connection);
            BookingState state = bookingWhere(connection, "id = ?", bookingId).orElseThrow().state();
            if (state == BookingState.PLACE) {
                return true;
            }
            if (state != BookingState.OFFERED) {
                return false;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE event_booking SET state = 'place',"
                    + " offer_ends = NULL WHERE id = ?")) {
                update.setLong(1, bookingId);
                update.executeUpdate();
            }
            notices.offerTaken(connection, bookingId, now);
            audit.record(PUBLIC, "event.booking.accept-offer", RECORD_TYPE, String.valueOf(bookingId),
                    "Took up the places offered");
            return true;
        });
    }

    @Override
    public int lapseOffers() {
        Instant now = clock.instant();
        List<Long> sessions = storage.read(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT session_id FROM event_booking"
                    + " WHERE state = 'offered' AND offer_ends <= ?")) {
                Sql.setInstant(query, 1, now);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
            return ids;
        });
        int lapsed = 0;
        for (long sessionId : sessions) {
            // One transaction per session, so one session's lock is never held while waiting for another's.
            lapsed += storage.write(connection -> {
                LockedSession session = LockedSession.lock(connection, sessionId);
                int count = session.lapseAndFill(connection, now);
                notices.promoted(connection, session, now);
                session.save(connection);
                if (count > 0) {
                    audit.record("system", "event.session.offers-lapsed", "event-session", String.valueOf(sessionId),
                            count + " offers lapsed; " + session.promoted().size() + " promoted from the waiting list");
                }
                return count;
            });
        }
        return lapsed;
    }

    @Override
    public List<Booking> bookings(long sessionId, String actor) {
        Objects.requireNonNull(actor, "actor");
        return storage.write(connection -> {
            // Two queries whatever the size of the list: a session of hundreds is read at the door.
            Map<Long, List<Attendee>> people = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT a.* FROM event_attendee a"
                    + " JOIN event_booking b ON b.id = a.booking_id WHERE b.session_id = ? ORDER BY a.booking_id, a.position")) {
                query.setLong(1, sessionId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        people.computeIfAbsent(rows.getLong("booking_id"), id -> new ArrayList<>()).add(attendee(rows));
                    }
                }
            }
            List<Booking> bookings = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT * FROM event_booking WHERE session_id = ?"
                    + " ORDER BY CASE WHEN state IN ('place', 'offered') THEN 0 WHEN state = 'waiting' THEN 1 ELSE 2 END,"
                    + " waiting_number, id")) {
                query.setLong(1, sessionId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        bookings.add(booking(rows, people.getOrDefault(rows.getLong("id"), List.of())));
                    }
                }
            }
            // The read is of personal data, so it is logged in the same transaction as it is made.
            audit.record(actor, "event.session.read-bookings", "event-session", String.valueOf(sessionId),
                    "Read " + bookings.size() + " bookings");
            return bookings;
        });
    }

    /** The bookings and their people, in one batch each; answers the bookings' ids in order. */
    private static List<Long> insert(Connection connection, LockedSession session, List<Decided> decided,
            Instant now) throws SQLException {
        List<Long> ids;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_booking (session_id, form_key,"
                + " state, people, waiting_number, cancel_token_hash, booker_role, booker_name, organisation,"
                + " contact_adult, contact_email, contact_phone, booked_at, booked_by, placed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            for (Decided booking : decided) {
                SignUpForm form = booking.form();
                Booker booker = form.booker();
                Contact contact = form.contact();
                insert.setLong(1, session.id);
                insert.setString(2, form.formKey());
                insert.setString(3, booking.state.key());
                insert.setInt(4, form.people());
                insert.setObject(5, booking.number);
                insert.setString(6, hash(booking.token));
                insert.setString(7, booker.role().key());
                insert.setString(8, booker.role() == BookerRole.SELF ? "" : booker.name().strip());
                insert.setString(9, booker.role() == BookerRole.SELF ? "" : booker.organisation().strip());
                insert.setString(10, contact.trustedAdult().strip());
                insert.setString(11, contact.email().strip());
                insert.setString(12, contact.phone().strip());
                Sql.setInstant(insert, 13, now);
                insert.setString(14, booking.actor());
                Sql.setInstant(insert, 15, booking.state == BookingState.PLACE ? now : null);
                insert.addBatch();
            }
            ids = Sql.insertBatchForIds(insert, decided.size());
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_attendee (booking_id, position,"
                + " first_name, age, access_needs, dietary_needs, consent_by, consent_role, "
                + String.join(", ", EventRows.RESIDENTIAL_COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + EventRows.marks(EventRows.RESIDENTIAL_COLUMNS) + ")")) {
            for (int i = 0; i < decided.size(); i++) {
                int position = 0;
                for (Attendee person : decided.get(i).form().attendees()) {
                    // Permission is kept only where it is needed, and dietary needs only where there is food.
                    Consent consent = person.age() < session.event.consentAge() ? person.consent() : null;
                    insert.setLong(1, ids.get(i));
                    insert.setInt(2, position++);
                    insert.setString(3, person.firstName().strip());
                    insert.setInt(4, person.age());
                    insert.setString(5, person.accessNeeds().strip());
                    insert.setString(6, session.event.food() ? person.dietaryNeeds().strip() : "");
                    insert.setString(7, consent == null ? null : consent.givenBy().strip());
                    insert.setString(8, consent == null ? null : consent.role().key());
                    // Kept only for a residential event; the rules refuse them elsewhere, and this never stores them there.
                    EventRows.bind(insert, 9, session.event.type() == EventType.RESIDENTIAL ? person.residential() : null);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        return ids;
    }

    private static Optional<SignUpReceipt> byFormKey(Connection connection, long sessionId, String formKey)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(BY_FORM_KEY)) {
            query.setLong(1, sessionId);
            query.setString(2, formKey);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int number = row.getInt("waiting_number");
                Integer waitingNumber = row.wasNull() ? null : number;
                return Optional.of(new SignUpReceipt(row.getLong("id"), sessionId,
                        BookingState.fromKey(row.getString("state")).orElseThrow(), waitingNumber, row.getInt("people"),
                        Sql.getInstant(row, "offer_ends"), null, true));
            }
        }
    }

    private static Optional<Booking> bookingWhere(Connection connection, String where, Object key)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM event_booking WHERE " + where)) {
            query.setObject(1, key);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(booking(row, attendees(connection, row.getLong("id"))));
            }
        }
    }

    private static Booking booking(ResultSet row, List<Attendee> attendees) throws SQLException {
        int number = row.getInt("waiting_number");
        Integer waitingNumber = row.wasNull() ? null : number;
        return new Booking(row.getLong("id"), row.getLong("session_id"),
                BookingState.fromKey(row.getString("state")).orElseThrow(), waitingNumber,
                Sql.getInstant(row, "offer_ends"),
                new Booker(BookerRole.fromKey(row.getString("booker_role")).orElseThrow(),
                        row.getString("booker_name"), row.getString("organisation")),
                new Contact(row.getString("contact_adult"), row.getString("contact_email"),
                        row.getString("contact_phone")),
                attendees, Sql.getInstant(row, "booked_at"), row.getString("booked_by"));
    }

    private static List<Attendee> attendees(Connection connection, long bookingId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT * FROM event_attendee WHERE booking_id = ? ORDER BY position")) {
            query.setLong(1, bookingId);
            try (ResultSet rows = query.executeQuery()) {
                List<Attendee> people = new ArrayList<>();
                while (rows.next()) {
                    people.add(attendee(rows));
                }
                return people;
            }
        }
    }

    private static Attendee attendee(ResultSet rows) throws SQLException {
        String consentBy = rows.getString("consent_by");
        Consent consent = consentBy == null ? null
                : new Consent(consentBy, ConsentRole.fromKey(rows.getString("consent_role")).orElseThrow());
        return new Attendee(rows.getString("first_name"), rows.getInt("age"), rows.getString("access_needs"),
                rows.getString("dietary_needs"), consent, EventRows.residential(rows));
    }

    private static long sessionOf(Connection connection, long bookingId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT session_id FROM event_booking WHERE id = ?")) {
            query.setLong(1, bookingId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new NoSuchElementException("No booking " + bookingId);
                }
                return row.getLong(1);
            }
        }
    }

    /** A new cancel link secret: 32 random bytes, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of a cancel link's secret: enough to find the booking, useless to forge a link. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
