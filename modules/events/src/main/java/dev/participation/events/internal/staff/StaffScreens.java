package dev.participation.events.internal.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.api.Booking;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.CheckIn;
import dev.participation.events.api.CheckIns;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventSession;
import dev.participation.events.api.Events;
import dev.participation.events.api.ManageLink;
import dev.participation.events.api.SignUps;
import dev.participation.events.internal.alerts.Fullness;
import dev.participation.events.internal.store.SessionMessageStore;
import dev.participation.kit.csv.CsvWriter;
import dev.participation.kit.staff.Endpoint;
import dev.participation.kit.staff.NotFound;
import dev.participation.kit.staff.RecordIds;
import dev.participation.kit.staff.Screen;

/**
 * Paths below {@code /intranet/events/}: {@code ""} (every event's sessions and how full they
 * are), {@code {session}} (who is booked and waiting), {@code {session}/check-in} (posting
 * {@value #CHECK_IN}), {@code {session}/export} (CSV), {@code {session}/add} (posting
 * {@value #ADD}), {@code {session}/message} (posting {@value #MESSAGE}),
 * {@code {session}/{booking}/cancel} (posting {@value #CANCEL}) and
 * {@code {session}/{booking}/place} (posting {@value #PLACE}). Every screen that shows people
 * reads them through {@link SignUps#bookings}, which writes the read to the audit log.
 */
final class StaffScreens {

    static final String CHECK_IN = "check-in";
    static final String ADD = "add";
    static final String CANCEL = "cancel";
    static final String PLACE = "place";
    static final String MESSAGE = "message";

    private final Events events;
    private final SignUps signUps;
    private final AuditLog audit;
    private final CheckInScreens checkIn;
    private final BookingScreens booking;
    private final MessageScreens messaging;

    StaffScreens(Events events, SignUps signUps, CheckIns checkIns, SessionMessageStore messages, AuditLog audit,
            ManageLink link) {
        this.events = events;
        this.signUps = signUps;
        this.audit = audit;
        this.checkIn = new CheckInScreens(signUps, checkIns);
        this.booking = new BookingScreens(signUps, link);
        this.messaging = new MessageScreens(messages);
    }

    Endpoint route(Screen s) {
        List<String> path = s.segments();
        if (path.isEmpty()) {
            return Endpoint.view(this::overview);
        }
        SessionAt at = session(path.get(0));
        if (path.size() == 1) {
            return Endpoint.view(x -> session(x, at));
        }
        if (path.size() == 2) {
            switch (path.get(1)) {
                case CHECK_IN:
                    return Endpoint.of(x -> checkIn.page(x, at), CHECK_IN, x -> checkIn.post(x, at));
                case "export":
                    return Endpoint.view(x -> export(x, at));
                case ADD:
                    return Endpoint.of(x -> booking.addForm(x, at), ADD, x -> booking.add(x, at));
                case MESSAGE:
                    return Endpoint.of(x -> messaging.form(x, at, MessageScreens.fresh()), MESSAGE,
                            x -> messaging.send(x, at));
                default:
                    throw new NotFound(s.request().path());
            }
        }
        OptionalLong booked = path.size() == 3 ? RecordIds.parse(path.get(1)) : OptionalLong.empty();
        if (booked.isPresent()) {
            long bookingId = booked.getAsLong();
            if (CANCEL.equals(path.get(2))) {
                return Endpoint.of(x -> booking.confirmCancel(x, at, bookingId), CANCEL,
                        x -> booking.cancel(x, at, bookingId));
            }
            if (PLACE.equals(path.get(2))) {
                return Endpoint.of(x -> booking.confirmPlace(x, at, bookingId, null), PLACE,
                        x -> booking.place(x, at, bookingId));
            }
        }
        throw new NotFound(s.request().path());
    }

    private SessionAt session(String segment) {
        long id = RecordIds.inPath(segment, "session");
        // Councils run tens of events, not thousands: finding a session among them all is cheap.
        for (Event event : events.all()) {
            for (EventSession session : event.sessions()) {
                if (session.id() == id) {
                    return new SessionAt(event, session);
                }
            }
        }
        throw new NotFound("session " + segment);
    }

    private WidgetView overview(Screen s) {
        List<EventRow> rows = events.all().stream().map(e -> new EventRow(e.details().title(),
                s.text("events.status." + e.details().status().key()),
                e.sessions().stream().map(session -> {
                    SessionAt at = new SessionAt(e, session);
                    String label = session.details().label().isBlank() ? s.dateTime(session.details().start())
                            : session.details().label() + ", " + s.dateTime(session.details().start());
                    return new SessionRow(label, session.placesTaken(), session.details().capacity(),
                            session.waiting(), Fullness.of(session).key(), s.href(at.path("")));
                }).toList())).toList();
        return s.view(s.text("events.staff.title"), "overview.ftlh", new Overview(rows));
    }

    private WidgetView session(Screen s, SessionAt at) {
        List<Booking> all = signUps.bookings(at.id(), s.actor());
        Set<String> arrived = checkIn.arrivedKeys(at);
        List<BookingCard> holding = new ArrayList<>();
        List<BookingCard> waiting = new ArrayList<>();
        int cancelled = 0;
        for (Booking b : all) {
            if (b.state().holdsPlaces()) {
                holding.add(card(s, at, b, arrived));
            } else if (b.state() == BookingState.WAITING) {
                waiting.add(card(s, at, b, arrived));
            } else {
                cancelled++;
            }
        }
        EventSession session = at.session();
        SessionView view = new SessionView(at.title(), at.when(s), placeOf(s, at), session.details().capacity(),
                session.placesTaken(), session.placesLeft(), session.waiting(), Fullness.of(session).key(),
                holding, waiting, cancelled, arrived.size(), s.href(at.path(CHECK_IN)), s.href(at.path("export")),
                s.href(at.path(ADD)), s.href(at.path(MESSAGE)), s.href(""));
        return s.view(at.title(), "session.ftlh", view);
    }

    private static String placeOf(Screen s, SessionAt at) {
        String place = at.session().details().place();
        boolean online = !at.session().details().onlineLink().isBlank();
        if (place.isBlank()) {
            return s.text("events.staff.online");
        }
        return online ? s.text("events.staff.placeAndOnline", place) : place;
    }

    private static BookingCard card(Screen s, SessionAt at, Booking b, Set<String> arrived) {
        List<BookingLines.Person> people = BookingLines.people(s, b, arrived);
        String names = b.attendees().stream().map(a -> a.firstName().isBlank() ? s.text("events.staff.erased")
                : a.firstName()).collect(Collectors.joining(", "));
        String state = b.state() == BookingState.WAITING
                ? s.text("events.staff.waitingNumber", b.waitingNumber())
                : s.text("events.state." + b.state().key())
                        + (b.offerEnds() == null ? "" : " " + s.text("events.staff.offerEnds", s.dateTime(b.offerEnds())));
        boolean phoneOnly = b.contact().email().isBlank();
        return new BookingCard(b.id(), names, state, people, BookingLines.contact(s, b), phoneOnly,
                s.href(at.path(b.id() + "/" + CANCEL)),
                b.state() == BookingState.WAITING ? s.href(at.path(b.id() + "/" + PLACE)) : "");
    }

    private WidgetView export(Screen s, SessionAt at) {
        List<Booking> all = signUps.bookings(at.id(), s.actor());
        Set<String> arrived = checkIn.arrivedKeys(at);
        String csv = AttendeeCsv.write(all, arrived, s.zone(), s.messages());
        audit.record(s.actor(), "event.session.export", "event-session", Long.toString(at.id()),
                "Exported " + all.size() + " bookings as CSV");
        String file = at.event().slug() + "-session-" + at.id() + "-" + s.today() + ".csv";
        return s.view(s.text("events.staff.export.title", at.title()), "export.ftlh",
                new Export(at.title(), all.size(), CsvWriter.dataUri(csv), file, s.href(at.path(""))));
    }

    /** The view model of {@code overview.ftlh}. */
    public record Overview(List<EventRow> events) {
    }

    public record EventRow(String title, String status, List<SessionRow> sessions) {
    }

    /** @param fullness {@link Fullness#key()}: marked when nearly full or full */
    public record SessionRow(String label, int taken, int capacity, int waiting, String fullness, String href) {
    }

    /** The view model of {@code session.ftlh}. */
    public record SessionView(String title, String when, String place, int capacity, int taken, int left,
            int waitingCount, String fullness, List<BookingCard> places, List<BookingCard> waiting, int cancelled,
            int arrived, String checkIn, String export, String add, String message, String back) {
    }

    /**
     * One booking as staff see it.
     *
     * @param place where "give places" goes, for a booking on the waiting list; empty otherwise
     */
    public record BookingCard(long id, String names, String state, List<BookingLines.Person> people,
            List<BookingLines.Line> contact, boolean phoneOnly, String cancel, String place) {
    }

    /** The view model of {@code export.ftlh}. */
    public record Export(String title, int count, String download, String fileName, String back) {
    }

    static String arrivedKey(CheckIn c) {
        return c.bookingId() + "/" + c.position();
    }
}
