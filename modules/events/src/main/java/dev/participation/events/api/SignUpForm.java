package dev.participation.events.api;

import java.util.List;
import java.util.Objects;

/**
 * What a sign-up form sends: one person, or several booked together by a carer, worker or school.
 *
 * @param formKey a random key the form was served with; submitting the same form again (a double
 *                click, a retry after a lost answer) finds the first sign-up instead of making another
 */
public record SignUpForm(String formKey, Booker booker, Contact contact, List<Attendee> attendees) {

    public SignUpForm {
        Objects.requireNonNull(formKey, "formKey");
        Objects.requireNonNull(booker, "booker");
        Objects.requireNonNull(contact, "contact");
        attendees = List.copyOf(attendees);
    }

    public static SignUpForm self(String formKey, Contact contact, Attendee attendee) {
        return new SignUpForm(formKey, Booker.SELF, contact, List.of(attendee));
    }

    public int people() {
        return attendees.size();
    }
}
