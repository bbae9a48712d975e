package dev.participation.events.internal.staff;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.api.Booking;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.ConsentRole;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.EventType;
import dev.participation.events.api.ManageLink;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.events.api.SignUpRules;
import dev.participation.events.api.SignUps;
import dev.participation.kit.staff.ConfirmRemove;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.NotFound;
import dev.participation.kit.staff.Screen;

/**
 * Staff changing bookings on someone's behalf: adding a person (the same rules and capacity as
 * the public form), cancelling a booking (after an "are you sure?") and giving places to someone
 * on the waiting list by hand. The service writes each change to the audit log with the actor.
 */
final class BookingScreens {

    private final SignUps signUps;
    private final ManageLink link;

    BookingScreens(SignUps signUps, ManageLink link) {
        this.signUps = signUps;
        this.link = link;
    }

    WidgetView addForm(Screen s, SessionAt at, Form form) {
        EventDetails event = at.event().details();
        List<Choice> roles = Arrays.stream(ConsentRole.values())
                .map(r -> new Choice(r.key(), s.text("events.consent-role." + r.key()))).toList();
        AddView view = new AddView(at.title(), at.when(s), at.session().placesLeft(), event.food(),
                event.type() == EventType.RESIDENTIAL, event.consentAge(), roles, s.href(at.path("")));
        return s.view(s.text("events.staff.add.title", at.title()), "add.ftlh", view, form);
    }

    PostOutcome add(Screen s, SessionAt at) {
        Form form = Form.read(s.request(), AddForForm.FIELDS);
        if (!form.text(AddForForm.FORM_KEY).matches("[A-Za-z0-9_-]{16,64}")) {
            // A form from before a restart or a forged post: start afresh, keeping what was typed.
            form.set(AddForForm.FORM_KEY, AddForForm.fresh().text(AddForForm.FORM_KEY));
        }
        EventDetails event = at.event().details();
        Map<String, Message> problems = new LinkedHashMap<>();
        SignUpForm signUp = AddForForm.read(form, event, problems);
        if (!problems.isEmpty()) {
            Map<String, Message> more = new LinkedHashMap<>(SignUpRules.check(signUp, event));
            if (problems.containsKey("age")) {
                // The age was not read, so neither it nor whether permission is needed can be judged yet.
                more.remove("attendees[0].age");
                more.remove("attendees[0].consent.givenBy");
            }
            more.forEach(problems::putIfAbsent);
            AddForForm.reject(form, problems);
            return s.invalid(addForm(s, at, form));
        }
        try {
            SignUpReceipt receipt = signUps.addFor(at.id(), signUp, link, s.actor());
            String name = signUp.attendees().get(0).firstName();
            return receipt.state() == BookingState.WAITING
                    ? s.done(at.path(""), "events.staff.added.waiting", name, receipt.waitingNumber())
                    : s.done(at.path(""), "events.staff.added", name);
        } catch (EventProblem problem) {
            AddForForm.reject(form, problem.errors());
            return s.invalid(addForm(s, at, form));
        } catch (NoSuchElementException gone) {
            throw new NotFound("session " + at.id());
        }
    }

    WidgetView confirmCancel(Screen s, SessionAt at, long bookingId) {
        Booking b = booking(s, at, bookingId);
        return s.confirmRemove(s.text("events.staff.cancel.title"), new ConfirmRemove(
                s.text("events.staff.cancel.what", names(s, b), b.people(), at.title()),
                s.text("events.staff.cancel.warning"), s.text("events.staff.cancel.button"), s.href(at.path("")), ""));
    }

    PostOutcome cancel(Screen s, SessionAt at, long bookingId) {
        Booking b = booking(s, at, bookingId);
        return signUps.cancelFor(b.id(), s.actor())
                ? s.done(at.path(""), "events.staff.cancelled", names(s, b))
                : s.done(at.path(""), "events.staff.cancelled.already", names(s, b));
    }

    WidgetView confirmPlace(Screen s, SessionAt at, long bookingId, String problem) {
        Booking b = booking(s, at, bookingId);
        Form form = Form.of("place");
        if (problem != null) {
            form.reject("place", "events.staff.place.problem", problem);
        }
        PlaceView view = new PlaceView(names(s, b), b.people(), b.waitingNumber() == null ? 0 : b.waitingNumber(),
                at.session().placesLeft(), b.state() == BookingState.WAITING, s.href(at.path("")));
        return s.view(s.text("events.staff.place.title", names(s, b)), "place.ftlh", view, form);
    }

    PostOutcome place(Screen s, SessionAt at, long bookingId) {
        Booking b = booking(s, at, bookingId);
        try {
            return signUps.placeFromWaitingList(b.id(), s.actor())
                    ? s.done(at.path(""), "events.staff.placed", names(s, b))
                    : s.done(at.path(""), "events.staff.placed.notWaiting", names(s, b));
        } catch (EventProblem refused) {
            // Fewer places free than the party needs: said on the page, and nothing changed.
            String why = refused.errors().values().stream().map(s::text).collect(Collectors.joining(" "));
            return s.invalid(confirmPlace(s, at, bookingId, why));
        }
    }

    /** A booking of this session, read as staff read bookings (audited); another session's is not found here. */
    private Booking booking(Screen s, SessionAt at, long bookingId) {
        return signUps.bookings(at.id(), s.actor()).stream().filter(b -> b.id() == bookingId).findFirst()
                .orElseThrow(() -> new NotFound("booking " + bookingId));
    }

    private static String names(Screen s, Booking b) {
        return b.attendees().stream().map(a -> a.firstName().isBlank() ? s.text("events.staff.erased") : a.firstName())
                .collect(Collectors.joining(", "));
    }

    public record Choice(String value, String label) {
    }

    /** The view model of {@code add.ftlh}: the values themselves come from the form. */
    public record AddView(String title, String when, int placesLeft, boolean food, boolean residential,
            int consentAge, List<Choice> consentRoles, String back) {
    }

    /** The view model of {@code place.ftlh}. */
    public record PlaceView(String names, int people, int waitingNumber, int placesLeft, boolean waiting,
            String back) {
    }
}
