package dev.participation.events.internal.staff;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.widget.Message;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Consent;
import dev.participation.events.api.ConsentRole;
import dev.participation.events.api.Contact;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Residential;
import dev.participation.events.api.SignUpForm;
import dev.participation.kit.staff.Form;

/**
 * The form staff fill in to book one person on their behalf, and how it becomes a
 * {@link SignUpForm}. Fields are named as the service names its problems, without the
 * {@code attendees[0].} in front, so each problem lands beside its field. The form key is made
 * when the form is first shown and sent back with it: a double click or a retry books once.
 */
final class AddForForm {

    static final String FORM_KEY = "formKey";
    static final String PHOTOS = "residential.photos";
    static final String[] FIELDS = {FORM_KEY, "firstName", "age", "accessNeeds", "dietaryNeeds", "consent.givenBy",
        "consent.role", "contact.trustedAdult", "contact.email", "contact.phone", "residential.emergencyName",
        "residential.emergencyPhone", "residential.medicalNotes", PHOTOS};
    private static final String PERSON = "attendees[0].";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AddForForm() {
    }

    static Form fresh() {
        byte[] key = new byte[18];
        RANDOM.nextBytes(key);
        return Form.of(FIELDS).set(FORM_KEY, Base64.getUrlEncoder().withoutPadding().encodeToString(key))
                .set("consent.role", ConsentRole.PARENT.key());
    }

    /**
     * What the form asks for, or empty with the problems on the form: an age that is not a number
     * and a role not offered cannot be handed to the service at all.
     */
    static Optional<SignUpForm> read(Form form, EventDetails event) {
        String age = form.text("age");
        if (age.isEmpty()) {
            form.reject("age", "events.error.required");
        } else if (!age.matches("\\d{1,3}")) {
            form.reject("age", "events.staff.error.ageNumber");
        }
        Optional<ConsentRole> role = ConsentRole.fromKey(form.text("consent.role"));
        if (!form.text("consent.givenBy").isEmpty() && role.isEmpty()) {
            form.reject("consent.role", "events.staff.error.choose");
        }
        if (!form.valid()) {
            return Optional.empty();
        }
        Consent consent = form.text("consent.givenBy").isEmpty() ? null
                : new Consent(form.text("consent.givenBy"), role.orElseThrow());
        Attendee person = new Attendee(form.text("firstName"), Integer.parseInt(age), form.text("accessNeeds"),
                event.food() ? form.text("dietaryNeeds") : "", consent);
        if (event.type() == EventType.RESIDENTIAL) {
            person = person.withResidential(new Residential(form.text("residential.emergencyName"),
                    form.text("residential.emergencyPhone"), form.text("residential.medicalNotes"),
                    "true".equals(form.text(PHOTOS))));
        }
        Contact contact = new Contact(form.text("contact.trustedAdult"), form.text("contact.email"),
                form.text("contact.phone"));
        return Optional.of(SignUpForm.self(form.text(FORM_KEY), contact, person));
    }

    /** The service's problems, beside the fields they are about. */
    static void reject(Form form, Map<String, Message> problems) {
        Map<String, Message> local = new LinkedHashMap<>();
        problems.forEach((path, message) -> {
            if (path.isEmpty()) {
                // About the whole booking (the event stopped taking sign-ups, say): in the summary,
                // leading to the first field.
                form.anchor(FORM_KEY, "firstName").reject(FORM_KEY, message);
            } else {
                local.put(path.startsWith(PERSON) ? path.substring(PERSON.length())
                        : path.equals("attendees") ? "firstName" : path, message);
            }
        });
        form.absorb(local, "");
    }
}
