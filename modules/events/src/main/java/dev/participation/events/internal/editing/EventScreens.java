package dev.participation.events.internal.editing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventChanged;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.EventRules;
import dev.participation.events.api.EventSession;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Events;
import dev.participation.events.api.PromotionMode;
import dev.participation.events.api.SessionDetails;
import dev.participation.kit.staff.Conflict;
import dev.participation.kit.staff.Endpoint;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.NotFound;
import dev.participation.kit.staff.RecordIds;
import dev.participation.kit.staff.Screen;
import dev.participation.kit.staff.Slugs;

/**
 * Paths below {@code /intranet/events-editing/}: {@code ""} (every event with its status),
 * {@code new} (an event with its first session) and {@code {id}} (its details), both posting
 * {@value #SAVE}; {@code {id}/sessions/new} and {@code {id}/sessions/{session}} posting
 * {@value #SESSION}; {@code {id}/publish} and {@code {id}/cancel} posting {@value #STATUS}. Every
 * save names the version it was based on, so two editors never overwrite each other unseen.
 */
final class EventScreens {

    static final String SAVE = "save";
    static final String SESSION = "session";
    static final String STATUS = "status";
    private static final String[] CREATE_FIELDS = Stream.concat(Stream.of(EventForm.FIELDS),
            Stream.of(SessionForm.FIELDS)).toArray(String[]::new);
    private static final List<String> CREATE_ORDER = Stream.concat(EventForm.ORDER.stream(),
            SessionForm.ORDER.stream()).toList();
    private static final String[] SESSION_FIELDS = Stream.concat(Stream.of(SessionForm.FIELDS),
            Stream.of(EventForm.VERSION)).toArray(String[]::new);

    private final Events events;

    EventScreens(Events events) {
        this.events = events;
    }

    Endpoint route(Screen s) {
        List<String> path = s.segments();
        if (path.isEmpty()) {
            return Endpoint.view(this::list);
        }
        if (path.size() == 1 && "new".equals(path.get(0))) {
            return Endpoint.of(x -> createForm(x, EventForm.fresh()), SAVE, this::create);
        }
        Event event = event(path.get(0));
        if (path.size() == 1) {
            return Endpoint.of(x -> editForm(x, event, EventForm.drawn(event, x.zone())), SAVE, x -> update(x, event));
        }
        if (path.size() == 2 && ("publish".equals(path.get(1)) || "cancel".equals(path.get(1)))) {
            EventStatus target = "publish".equals(path.get(1)) ? EventStatus.PUBLISHED : EventStatus.CANCELLED;
            return Endpoint.of(x -> confirmStatus(x, event, target), STATUS, x -> changeStatus(x, event, target));
        }
        if (path.size() == 3 && "sessions".equals(path.get(1))) {
            if ("new".equals(path.get(2))) {
                return Endpoint.of(x -> sessionForm(x, event, null, Form.of(SESSION_FIELDS)
                        .set(EventForm.VERSION, Integer.toString(event.version()))), SESSION,
                        x -> saveSession(x, event, null));
            }
            long sessionId = RecordIds.inPath(path.get(2), "session");
            EventSession session = event.sessions().stream().filter(x -> x.id() == sessionId).findFirst()
                    .orElseThrow(() -> new NotFound("session " + path.get(2)));
            return Endpoint.of(x -> sessionForm(x, event, session, drawn(x, event, session)), SESSION,
                    x -> saveSession(x, event, session));
        }
        throw new NotFound(s.request().path());
    }

    private Event event(String segment) {
        return events.event(RecordIds.inPath(segment, "event")).orElseThrow(() -> new NotFound("event " + segment));
    }

    private WidgetView list(Screen s) {
        List<Row> rows = events.all().stream().map(e -> new Row(e.details().title(), s.href(Long.toString(e.id())),
                s.text("events.status." + e.details().status().key()), e.details().status().key(),
                s.text("events.type." + e.details().type().key()), e.sessions().size(),
                e.sessions().isEmpty() ? "" : s.dateTime(e.sessions().get(0).details().start()))).toList();
        return s.view(s.text("events.editing.title"), "list.ftlh", new EventList(rows, s.href("new")));
    }

    private WidgetView createForm(Screen s, Form form) {
        return s.view(s.text("events.editing.new.title"), "event.ftlh", editing(s, null, form), form);
    }

    private WidgetView editForm(Screen s, Event event, Form form) {
        return s.view(s.text("events.editing.edit.title", event.details().title()), "event.ftlh",
                editing(s, event, form), form);
    }

    private Editing editing(Screen s, Event event, Form form) {
        List<Option> types = new ArrayList<>();
        types.add(new Option("", s.text("events.editing.field.type.choose")));
        for (EventType t : EventType.values()) {
            types.add(new Option(t.key(), s.text("events.type." + t.key())));
        }
        List<Option> modes = Stream.of(PromotionMode.values())
                .map(m -> new Option(m.key(), s.text("events.editing.promotion." + m.key()))).toList();
        List<SessionRow> sessions = new ArrayList<>();
        List<Option> statusActions = new ArrayList<>();
        if (event != null) {
            for (EventSession session : event.sessions()) {
                sessions.add(new SessionRow(session.details().label().isBlank() ? s.text("events.editing.session.unnamed")
                        : session.details().label(), s.dateTime(session.details().start()),
                        session.details().capacity(), session.placesTaken(),
                        s.href(event.id() + "/sessions/" + session.id())));
            }
            EventStatus status = event.details().status();
            if (status == EventStatus.DRAFT) {
                statusActions.add(new Option(s.href(event.id() + "/publish"), s.text("events.editing.publish.link")));
            }
            if (status != EventStatus.CANCELLED) {
                statusActions.add(new Option(s.href(event.id() + "/cancel"), s.text("events.editing.cancel.link")));
            }
        }
        return new Editing(event == null, event == null ? "" : event.slug(),
                event == null ? "" : s.text("events.status." + event.details().status().key()), types, modes,
                sessions, event == null ? "" : s.href(event.id() + "/sessions/new"), statusActions, s.href(""),
                EventRules.AGE_MAX, EventRules.CAPACITY_MAX, EventRules.ONLINE_LINK_MINUTES_MAX);
    }

    /** Adds an event with its first session, as a draft nobody sees until it is published. */
    private PostOutcome create(Screen s) {
        Form form = Form.read(s.request(), CREATE_FIELDS);
        Map<String, Message> problems = new LinkedHashMap<>();
        // Left empty, the address is made from the title and shown in the box, so a clash can be corrected.
        if (form.text(EventForm.SLUG).isEmpty()) {
            form.set(EventForm.SLUG, Slugs.suggest(form.text("title"), ""));
        }
        // With no title and no address, the title's problem is the one to fix.
        if (!EventRules.validSlug(form.text(EventForm.SLUG)) && !form.text("title").isEmpty()) {
            problems.put(EventForm.SLUG, Message.of("events.error.slug"));
        }
        EventDetails details = EventForm.details(form, EventStatus.DRAFT, s.zone(), problems);
        SessionDetails session = SessionForm.details(form, s.zone(), problems);
        EventRules.check(details).forEach(problems::putIfAbsent);
        SessionForm.local(EventRules.checkSessions(List.of(session))).forEach(problems::putIfAbsent);
        if (problems.isEmpty()) {
            try {
                Event created = events.create(form.text(EventForm.SLUG), details, List.of(session), s.actor());
                return s.done(Long.toString(created.id()), "events.editing.created", details.title());
            } catch (EventProblem refused) {
                problems.putAll(SessionForm.local(refused.errors()));
            }
        }
        Problems.place(form, problems, CREATE_ORDER);
        return s.invalid(createForm(s, form));
    }

    private PostOutcome update(Screen s, Event event) {
        Form form = Form.read(s.request(), EventForm.FIELDS).set(EventForm.SLUG, event.slug());
        Map<String, Message> problems = new LinkedHashMap<>();
        EventDetails details = EventForm.details(form, event.details().status(), s.zone(), problems);
        EventRules.check(details).forEach(problems::putIfAbsent);
        if (problems.isEmpty()) {
            try {
                events.update(event.id(), version(form), details, s.actor());
                return s.done("", "events.editing.saved", details.title());
            } catch (EventProblem refused) {
                problems.putAll(refused.errors());
            } catch (EventChanged changed) {
                return s.invalid(editForm(s, changed.current(), conflict(s, changed.current(), form)));
            } catch (NoSuchElementException gone) {
                throw new NotFound("event " + event.id());
            }
        }
        Problems.place(form, problems, EventForm.ORDER);
        return s.invalid(editForm(s, event, form));
    }

    /**
     * The form as typed, now based on the version saved meanwhile, with that version beside it:
     * saving again replaces theirs knowingly; the discard link opens their version afresh.
     */
    private static Form conflict(Screen s, Event current, Form typed) {
        Form theirs = EventForm.drawn(current, s.zone());
        List<Conflict.Row> rows = new ArrayList<>();
        for (String[] field : EventForm.compared()) {
            String saved = shown(s, theirs, field[0]);
            String yours = shown(s, typed, field[0]);
            rows.add(new Conflict.Row(s.text(field[1]), saved, yours, !saved.equals(yours)));
        }
        Conflict conflict = new Conflict(false, s.who(current.updatedBy()), s.dateTime(current.updatedAt()), rows,
                s.href(Long.toString(current.id())));
        return typed.set(EventForm.VERSION, Integer.toString(current.version())).conflict(conflict);
    }

    /** A field's value as a person reads it: choices by their words, a moment as one line. */
    private static String shown(Screen s, Form form, String field) {
        if (field.equals(EventForm.OPENS) || field.equals(EventForm.CLOSES)) {
            return DateTimeInput.shown(form, field);
        }
        String value = form.text(field);
        if (value.isEmpty()) {
            return "";
        }
        return switch (field) {
            case "type" -> s.messages().has("events.type." + value) ? s.text("events.type." + value) : value;
            case EventForm.MODE -> s.messages().has("events.editing.promotion." + value)
                    ? s.text("events.editing.promotion." + value) : value;
            case EventForm.FOOD -> s.text("events.editing.field.food.yes");
            case "tags" -> String.join(" ", EventForm.tags(value));
            default -> value;
        };
    }

    private static Form drawn(Screen s, Event event, EventSession session) {
        Form form = Form.of(SESSION_FIELDS).set(EventForm.VERSION, Integer.toString(event.version()));
        SessionForm.draw(form, session.details(), s.zone());
        return form;
    }

    private WidgetView sessionForm(Screen s, Event event, EventSession session, Form form) {
        String title = session == null ? s.text("events.editing.session.new.title", event.details().title())
                : s.text("events.editing.session.edit.title", event.details().title());
        return s.view(title, "session.ftlh", new SessionEditing(session == null, event.details().title(),
                session == null ? 0 : session.placesTaken(), EventRules.CAPACITY_MAX, s.href(Long.toString(event.id()))),
                form);
    }

    /** Adds a session ({@code session} null) or changes one; a capacity below the places given is refused. */
    private PostOutcome saveSession(Screen s, Event event, EventSession session) {
        Form form = Form.read(s.request(), SESSION_FIELDS);
        Map<String, Message> problems = new LinkedHashMap<>();
        SessionDetails details = SessionForm.details(form, s.zone(), problems);
        EventRules.checkSession("", details).forEach(problems::putIfAbsent);
        if (problems.isEmpty()) {
            try {
                if (session == null) {
                    events.addSession(event.id(), version(form), details, s.actor());
                } else {
                    events.changeSession(event.id(), version(form), session.id(), details, s.actor());
                }
                return s.done(Long.toString(event.id()), "events.editing.session.saved");
            } catch (EventProblem refused) {
                problems.putAll(refused.errors());
            } catch (EventChanged changed) {
                Event current = changed.current();
                // Their change may be to another part of the event; this form still holds what was typed.
                form.set(EventForm.VERSION, Integer.toString(current.version())).anchor(EventForm.VERSION, "label")
                        .reject(EventForm.VERSION, "events.editing.error.changed", s.who(current.updatedBy()),
                                s.dateTime(current.updatedAt()));
            } catch (NoSuchElementException gone) {
                throw new NotFound("session of event " + event.id());
            }
        }
        Problems.place(form, SessionForm.local(problems), SessionForm.ORDER);
        return s.invalid(sessionForm(s, event, session, form));
    }

    private WidgetView confirmStatus(Screen s, Event event, EventStatus target) {
        String key = target == EventStatus.PUBLISHED ? "publish" : "cancel";
        int booked = event.sessions().stream().mapToInt(x -> x.placesTaken() + x.waiting()).sum();
        return s.view(s.text("events.editing." + key + ".title", event.details().title()), "status.ftlh",
                new StatusChange(key, event.details().title(), booked, Integer.toString(event.version()),
                        s.href(Long.toString(event.id()))));
    }

    private PostOutcome changeStatus(Screen s, Event event, EventStatus target) {
        String basis = s.parameter("basis");
        String key = target == EventStatus.PUBLISHED ? "published" : "cancelled";
        try {
            events.update(event.id(), basis.matches("\\d{1,9}") ? Integer.parseInt(basis) : 0,
                    event.details().withStatus(target), s.actor());
        } catch (EventChanged changed) {
            return s.done(Long.toString(event.id()), "events.editing.status.changedMeanwhile");
        } catch (EventProblem refused) {
            return s.done(Long.toString(event.id()), "events.editing.status.refused");
        } catch (NoSuchElementException gone) {
            throw new NotFound("event " + event.id());
        }
        return s.done(Long.toString(event.id()), "events.editing." + key, event.details().title());
    }

    private static int version(Form form) {
        String version = form.text(EventForm.VERSION);
        return version.matches("\\d{1,9}") ? Integer.parseInt(version) : 0;
    }

    /** The view model of {@code list.ftlh}. */
    public record EventList(List<Row> rows, String add) {
    }

    public record Row(String title, String edit, String status, String statusKey, String type, int sessions,
            String firstStart) {
    }

    /** A choice in a list or radios, or a link with its words. */
    public record Option(String value, String label) {
    }

    /** The view model of {@code event.ftlh}: the values themselves come from the form. */
    public record Editing(boolean creating, String slug, String status, List<Option> types, List<Option> modes,
            List<SessionRow> sessions, String addSession, List<Option> statusActions, String back, int ageMax,
            int capacityMax, int linkMinutesMax) {
    }

    public record SessionRow(String label, String start, int capacity, int taken, String edit) {
    }

    /** The view model of {@code session.ftlh}. */
    public record SessionEditing(boolean creating, String eventTitle, int taken, int capacityMax, String back) {
    }

    /** The view model of {@code status.ftlh}. */
    public record StatusChange(String key, String title, int booked, String basis, String back) {
    }
}
