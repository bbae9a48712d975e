package dev.participation.events.internal.staff;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booking;
import dev.participation.events.api.CheckIn;
import dev.participation.events.api.CheckIns;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.SignUps;
import dev.participation.kit.staff.RecordIds;
import dev.participation.kit.staff.Screen;

/**
 * Checking people in on the day, on a phone: one big button per person, each a complete form of
 * its own, so a tap that never got an answer can simply be tapped again (the store counts it once)
 * and the page that follows always shows who is in. Works without JavaScript.
 */
final class CheckInScreens {

    static final String ARRIVED = "arrived";
    static final String UNDO = "undo";

    private final SignUps signUps;
    private final CheckIns checkIns;

    CheckInScreens(SignUps signUps, CheckIns checkIns) {
        this.signUps = signUps;
        this.checkIns = checkIns;
    }

    /** Who has arrived, as {@code booking/position} keys. */
    Set<String> arrivedKeys(SessionAt at) {
        return checkIns.forSession(at.id()).stream().map(StaffScreens::arrivedKey).collect(Collectors.toSet());
    }

    WidgetView page(Screen s, SessionAt at) {
        Map<String, CheckIn> arrived = checkIns.forSession(at.id()).stream()
                .collect(Collectors.toMap(StaffScreens::arrivedKey, Function.identity()));
        List<Arrival> rows = new ArrayList<>();
        for (Booking b : signUps.bookings(at.id(), s.actor())) {
            if (!b.state().holdsPlaces()) {
                continue;
            }
            for (int i = 0; i < b.attendees().size(); i++) {
                Attendee a = b.attendees().get(i);
                CheckIn in = arrived.get(b.id() + "/" + i);
                rows.add(new Arrival("person-" + b.id() + "-" + i, a.firstName().isBlank()
                        ? s.text("events.staff.erased") : a.firstName(), a.age(), a.accessNeeds(), b.id(), i,
                        in != null, in == null ? "" : time(s, in.at())));
            }
        }
        // By name, as people give it at the door; booking order means nothing on the day.
        rows.sort(Comparator.comparing((Arrival a) -> a.name().toLowerCase(s.messages().locale()))
                .thenComparingLong(Arrival::bookingId).thenComparingInt(Arrival::position));
        long in = rows.stream().filter(Arrival::arrived).count();
        return s.view(s.text("events.staff.checkIn.title", at.title()), "check-in.ftlh",
                new CheckInView(at.title(), at.when(s), rows, in, rows.size(), s.href(at.path(""))));
    }

    PostOutcome post(Screen s, SessionAt at) {
        String booking = s.parameter("booking");
        String position = s.parameter("position");
        String back = at.path(StaffScreens.CHECK_IN);
        OptionalLong booked = RecordIds.parse(booking);
        if (booked.isEmpty() || !position.matches("\\d{1,3}")) {
            return s.done(back, "events.staff.checkIn.unknown");
        }
        long bookingId = booked.getAsLong();
        int person = Integer.parseInt(position);
        String to = back + "#person-" + bookingId + "-" + person;
        try {
            if (UNDO.equals(s.parameter("do"))) {
                return s.done(to, checkIns.undo(at.id(), bookingId, person, s.actor())
                        ? "events.staff.checkIn.undone" : "events.staff.checkIn.notIn");
            }
            return s.done(to, checkIns.arrived(at.id(), bookingId, person, s.actor())
                    ? "events.staff.checkIn.done" : "events.staff.checkIn.already");
        } catch (EventProblem e) {
            return s.done(to, "events.staff.checkIn.noPlace");
        } catch (NoSuchElementException e) {
            return s.done(back, "events.staff.checkIn.unknown");
        }
    }

    private static String time(Screen s, Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm", s.messages().locale()).format(at.atZone(s.zone()));
    }

    /** The view model of {@code check-in.ftlh}. */
    public record CheckInView(String title, String when, List<Arrival> people, long arrived, int expected,
            String back) {
    }

    /** One person with a place, and whether (and when) they arrived. */
    public record Arrival(String anchor, String name, int age, String accessNeeds, long bookingId, int position,
            boolean arrived, String arrivedAt) {
    }
}
