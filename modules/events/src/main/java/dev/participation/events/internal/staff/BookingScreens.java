package dev.participation.events.internal.staff;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.BookerRole;
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
import dev.participation.events.internal.signup.PartyForm;
import dev.participation.kit.staff.ConfirmRemove;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.NotFound;
import dev.participation.kit.staff.Screen;

/**
 * Staff changing bookings on someone's behalf: adding one person or a party (the public form's
 * fields, rules and capacity, all or nothing, as one booking), cancelling a booking (after an "are
 * you sure?") and giving places to someone on the waiting list by hand. The service writes each
 * change to the audit log with the actor.
 */
final class BookingScreens {

    private final SignUps signUps;
    private final ManageLink link;

    BookingScreens(SignUps signUps, ManageLink link) {
        this.signUps = signUps;
        this.link = link;
    }

    /**
     * The form for booking on someone's behalf, with {@code form} as drawn or as typed (its
     * problems in the page's order).
     */
    WidgetView addForm(Screen s, SessionAt at, PartyForm party, Form form) {
        EventDetails event = at.event().details();
        List<Choice> bookers = Arrays.stream(BookerRole.values())
                .map(r -> new Choice(r.key(), s.text("events.staff.add.booker." + r.key()))).toList();
        List<Choice> roles = Arrays.stream(ConsentRole.values())
                .map(r -> new Choice(r.key(), s.text("events.consent-role." + r.key()))).toList();
        List<Choice> photos = List.of(new Choice("yes", s.text("events.staff.add.photos.yes")),
                new Choice("no", s.text("events.staff.add.photos.no")));
        List<Integer> people = IntStream.range(0, party.people()).boxed().toList();
        boolean asksConsent = event.youngest() == null || event.youngest() < event.consentAge();
        AddView view = new AddView(at.title(), at.when(s), at.session().placesLeft(), event.food(),
                event.type() == EventType.RESIDENTIAL, asksConsent, event.consentAge(), bookers, roles, photos, people,
                party.mayAdd(), s.href(at.path("")));
        return s.view(s.text("events.staff.add.title", at.title()), "add.ftlh", view, form);
    }

    WidgetView addForm(Screen s, SessionAt at) {
        PartyForm blank = PartyForm.blank();
        return addForm(s, at, blank, blank.form());
    }

    /**
     * A post of the form: add or remove a person (the form drawn again with what was typed), or
     * book them all in one booking through {@link SignUps#addFor}.
     */
    PostOutcome add(Screen s, SessionAt at) {
        PartyForm party = PartyForm.read(s.request(), PartyForm.peopleIn(s.request()));
        Optional<PartyForm> redrawn = party.redrawnFor(s.parameter(PartyForm.DO));
        if (redrawn.isPresent()) {
            return s.redrawn(addForm(s, at, redrawn.get(), redrawn.get().form()));
        }
        party.keepOwnKey();
        EventDetails event = at.event().details();
        SignUpForm typed = party.signUp(event.type());
        // Every problem at once, the rules' too, not only what could not be read; checked before the
        // booking queues for the session's lock (the store checks again under it).
        party.refuse(SignUpRules.check(typed, event));
        if (!party.form().valid()) {
            return s.invalid(addForm(s, at, party, party.inPageOrder()));
        }
        try {
            SignUpReceipt receipt = signUps.addFor(at.id(), typed, link, s.actor());
            String names = typed.attendees().stream().map(Attendee::firstName).map(String::strip)
                    .collect(Collectors.joining(", "));
            return receipt.state() == BookingState.WAITING
                    ? s.done(at.path(""), "events.staff.added.waiting", names, typed.people(), receipt.waitingNumber())
                    : s.done(at.path(""), "events.staff.added", names, typed.people());
        } catch (EventProblem problem) {
            party.refuse(problem.errors());
            return s.invalid(addForm(s, at, party, party.inPageOrder()));
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

    /**
     * The view model of {@code add.ftlh}: the values themselves come from the form.
     *
     * @param people the young people's indexes in the form, from 0
     */
    public record AddView(String title, String when, int placesLeft, boolean food, boolean residential,
            boolean asksConsent, int consentAge, List<Choice> bookers, List<Choice> consentRoles, List<Choice> photos,
            List<Integer> people, boolean mayAdd, String back) {
    }

    /** The view model of {@code place.ftlh}. */
    public record PlaceView(String names, int people, int waitingNumber, int placesLeft, boolean waiting,
            String back) {
    }
}
