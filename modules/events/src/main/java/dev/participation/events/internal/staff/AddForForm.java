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
     * What the form asks for. What cannot be read at all (an age that is not a number, a role not
     * offered) is put in {@code unreadable}, and a stand-in takes its place so the rules can still
     * explain every other field at once; such a form is never sent.
     */
    static SignUpForm read(Form form, EventDetails event, Map<String, Message> unreadable) {
        String age = form.text("age");
        if (age.isEmpty()) {
            unreadable.put("age", Message.of("events.error.required"));
        } else if (!age.matches("\\d{1,3}")) {
            unreadable.put("age", Message.of("events.staff.error.ageNumber"));
        }
        Optional<ConsentRole> role = ConsentRole.fromKey(form.text("consent.role"));
        if (!form.text("consent.givenBy").isEmpty() && role.isEmpty()) {
            unreadable.put("consent.role", Message.of("events.staff.error.choose"));
        }
        Consent consent = form.text("consent.givenBy").isEmpty() ? null
                : new Consent(form.text("consent.givenBy"), role.orElse(ConsentRole.PARENT));
        // Stand-in: an age the event takes and old enough to need nobody's permission.
        int standIn = Math.max(event.consentAge(), event.youngest() == null ? 0 : event.youngest());
        Attendee person = new Attendee(form.text("firstName"), unreadable.containsKey("age") ? standIn
                : Integer.parseInt(age), form.text("accessNeeds"), event.food() ? form.text("dietaryNeeds") : "",
                consent);
        if (event.type() == EventType.RESIDENTIAL) {
            person = person.withResidential(new Residential(form.text("residential.emergencyName"),
                    form.text("residential.emergencyPhone"), form.text("residential.medicalNotes"),
                    "true".equals(form.text(PHOTOS))));
        }
        Contact contact = new Contact(form.text("contact.trustedAdult"), form.text("contact.email"),
                form.text("contact.phone"));
        return SignUpForm.self(form.text(FORM_KEY), contact, person);
    }

    /**
     * The problems, as the service names them or by the form's own fields, beside the fields they
     * are about, in the form's order so the error summary reads top to bottom.
     */
    static void reject(Form form, Map<String, Message> problems) {
        Map<String, Message> all = new LinkedHashMap<>();
        problems.forEach((path, message) -> {
            if (path.isEmpty()) {
                // About the whole booking (the event stopped taking sign-ups, say): in the summary,
                // leading to the first field.
                form.anchor(FORM_KEY, "firstName");
                all.putIfAbsent(FORM_KEY, message);
            } else {
                all.putIfAbsent(path.startsWith(PERSON) ? path.substring(PERSON.length())
                        : path.equals("attendees") ? "firstName" : path, message);
            }
        });
        Map<String, Message> left = new LinkedHashMap<>(all);
        for (String field : FIELDS) {
            Message problem = left.remove(field);
            if (problem != null) {
                form.reject(field, problem);
            }
        }
        form.absorb(left, "");
    }
}
