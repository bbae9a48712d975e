package dev.participation.events.internal.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booker;
import dev.participation.events.api.BookerRole;
import dev.participation.events.api.Booking;
import dev.participation.events.api.Contact;
import dev.participation.events.api.Residential;
import dev.participation.kit.staff.Screen;

/** A booking's people and contact as labelled lines, for the session page's cards. */
final class BookingLines {

    /** The actor the store records for what the public did through the form. */
    static final String PUBLIC = "public";

    private BookingLines() {
    }

    /**
     * One person in a booking.
     *
     * @param lines what staff need to know to look after them; empty needs are left out
     */
    public record Person(String name, int age, boolean arrived, List<Line> lines) {
    }

    public record Line(String label, String value) {
    }

    static List<Person> people(Screen s, Booking b, Set<String> arrived) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < b.attendees().size(); i++) {
            Attendee a = b.attendees().get(i);
            List<Line> lines = new ArrayList<>();
            add(lines, s.text("events.staff.field.access"), a.accessNeeds());
            add(lines, s.text("events.staff.field.dietary"), a.dietaryNeeds());
            if (a.consent() != null) {
                lines.add(new Line(s.text("events.staff.field.consent"), s.text("events.staff.consent",
                        a.consent().givenBy(), s.text("events.consent-role." + a.consent().role().key()))));
            }
            Residential r = a.residential();
            if (r != null) {
                add(lines, s.text("events.staff.field.emergency"), r.emergencyName().isBlank() ? ""
                        : s.text("events.staff.emergency", r.emergencyName(), r.emergencyPhone()));
                add(lines, s.text("events.staff.field.medical"), r.medicalNotes());
                lines.add(new Line(s.text("events.staff.field.photos"),
                        s.text(r.photos() ? "events.staff.photos.yes" : "events.staff.photos.no")));
            }
            people.add(new Person(a.firstName().isBlank() ? s.text("events.staff.erased") : a.firstName(), a.age(),
                    arrived.contains(b.id() + "/" + i), lines));
        }
        return people;
    }

    static List<Line> contact(Screen s, Booking b) {
        List<Line> lines = new ArrayList<>();
        Contact c = b.contact();
        add(lines, s.text("events.staff.field.trustedAdult"), c.trustedAdult());
        add(lines, s.text("events.staff.field.email"), c.email());
        add(lines, s.text("events.staff.field.phone"), c.phone());
        Booker booker = b.booker();
        if (booker.role() != BookerRole.SELF) {
            String who = booker.organisation().isBlank() ? booker.name()
                    : s.text("events.staff.bookerAt", booker.name(), booker.organisation());
            lines.add(new Line(s.text("events.staff.field.booker"),
                    s.text("events.booker-role." + booker.role().key()) + ": " + who));
        }
        if (b.bookedAt() != null) {
            String by = b.bookedBy() == null || PUBLIC.equals(b.bookedBy()) ? s.text("events.staff.bookedOnline")
                    : s.text("events.staff.bookedByStaff", s.who(b.bookedBy()));
            lines.add(new Line(s.text("events.staff.field.booked"), s.dateTime(b.bookedAt()) + ", " + by));
        }
        return lines;
    }

    private static void add(List<Line> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(new Line(label, value));
        }
    }
}
