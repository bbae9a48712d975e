package dev.participation.events.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.participation.api.widget.Message;
import dev.participation.kit.form.TextChecks;

/**
 * What a sign-up must give for a given event: no more than it needs. Dietary needs are refused
 * where no food is provided (they would be kept for nothing), and a child under the event's
 * consent age needs a named parent, carer or worker who agreed. Message keys are
 * {@code events.error.*}.
 */
public final class SignUpRules {

    public static final int NAME_MAX = 60;
    public static final int NEEDS_MAX = 1000;
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 30;
    public static final int ORGANISATION_MAX = 120;
    /** The most people one carer, worker or school books in one go. */
    public static final int PARTY_MAX = 30;

    private static final Pattern FORM_KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    // Deliberately loose: the confirmation mail is the real test of an address.
    private static final Pattern EMAIL = Pattern.compile("[^\\s\\p{Cc}\\p{Cf}\\p{Cs}@<>\"]+@[^\\s\\p{Cc}\\p{Cf}\\p{Cs}@<>\"]+\\.[^\\s\\p{Cc}\\p{Cf}\\p{Cs}@<>\"]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{7,30}");
    private static final TextChecks TEXT = new TextChecks("events.error.required", "events.error.tooLong");

    private SignUpRules() {
    }

    /** Problems that stop this form being accepted for this event. */
    public static Map<String, Message> check(SignUpForm form, EventDetails event) {
        Map<String, Message> errors = new LinkedHashMap<>();
        if (!FORM_KEY.matcher(form.formKey()).matches()) {
            errors.put("", Message.of("events.error.formKey"));
        }
        Booker booker = form.booker();
        if (booker.role() == BookerRole.SELF) {
            if (form.people() != 1) {
                errors.put("attendees", Message.of("events.error.selfIsOne"));
            }
        } else {
            TEXT.required(errors, "booker.name", booker.name(), NAME_MAX);
            if (booker.role() == BookerRole.SCHOOL) {
                TEXT.required(errors, "booker.organisation", booker.organisation(), ORGANISATION_MAX);
            } else {
                TEXT.optional(errors, "booker.organisation", booker.organisation(), ORGANISATION_MAX);
            }
        }
        if (form.attendees().isEmpty()) {
            errors.put("attendees", Message.of("events.error.nobody"));
        } else if (form.people() > PARTY_MAX) {
            errors.put("attendees", Message.of("events.error.partyTooBig", PARTY_MAX));
        }
        PlainText.check(errors, "booker.name", booker.name(), false);
        PlainText.check(errors, "booker.organisation", booker.organisation(), false);
        checkContact(errors, form.contact());
        for (int i = 0; i < form.attendees().size() && i < PARTY_MAX; i++) {
            checkAttendee(errors, "attendees[" + i + "].", form.attendees().get(i), event);
        }
        return errors;
    }

    private static void checkContact(Map<String, Message> errors, Contact contact) {
        TEXT.optional(errors, "contact.trustedAdult", contact.trustedAdult(), NAME_MAX);
        PlainText.check(errors, "contact.trustedAdult", contact.trustedAdult(), false);
        if (contact.email().isBlank() && contact.phone().isBlank()) {
            errors.put("contact.email", Message.of("events.error.emailOrPhone"));
            return;
        }
        if (!contact.email().isBlank()
                && (contact.email().length() > EMAIL_MAX || !EMAIL.matcher(contact.email()).matches())) {
            errors.put("contact.email", Message.of("events.error.email"));
        }
        if (!contact.phone().isBlank() && !PHONE.matcher(contact.phone()).matches()) {
            errors.put("contact.phone", Message.of("events.error.phone"));
        }
    }

    /**
     * A residential event needs, for each young person, an adult to call in an emergency (by name
     * and phone); medical notes are optional. Elsewhere such details would be kept for nothing, so
     * they are refused.
     */
    private static void checkResidential(Map<String, Message> errors, String prefix, Residential details,
            EventDetails event) {
        String at = prefix + "residential.";
        if (event.type() != EventType.RESIDENTIAL) {
            if (details != null) {
                errors.put(prefix + "residential", Message.of("events.error.notResidential"));
            }
            return;
        }
        if (details == null) {
            errors.put(at + "emergencyName", Message.of("events.error.emergencyNeeded"));
            return;
        }
        TEXT.required(errors, at + "emergencyName", details.emergencyName(), NAME_MAX);
        PlainText.check(errors, at + "emergencyName", details.emergencyName(), false);
        if (details.emergencyPhone().isBlank()) {
            errors.put(at + "emergencyPhone", Message.of("events.error.emergencyPhone"));
        } else if (!PHONE.matcher(details.emergencyPhone().strip()).matches()) {
            errors.put(at + "emergencyPhone", Message.of("events.error.phone"));
        }
        TEXT.optional(errors, at + "medicalNotes", details.medicalNotes(), NEEDS_MAX);
        PlainText.check(errors, at + "medicalNotes", details.medicalNotes(), true);
    }

    private static void checkAttendee(Map<String, Message> errors, String prefix, Attendee person,
            EventDetails event) {
        TEXT.required(errors, prefix + "firstName", person.firstName(), NAME_MAX);
        if (person.age() < 0 || person.age() > EventRules.AGE_MAX) {
            errors.put(prefix + "age", Message.of("events.error.age", 0, EventRules.AGE_MAX));
        } else if (!event.fitsAge(person.age())) {
            errors.put(prefix + "age", Message.of("events.error.ageNotForEvent",
                    event.youngest() == null ? 0 : event.youngest(),
                    event.oldest() == null ? EventRules.AGE_MAX : event.oldest()));
        }
        TEXT.optional(errors, prefix + "accessNeeds", person.accessNeeds(), NEEDS_MAX);
        if (!event.food() && !person.dietaryNeeds().isBlank()) {
            errors.put(prefix + "dietaryNeeds", Message.of("events.error.noFood"));
        } else {
            TEXT.optional(errors, prefix + "dietaryNeeds", person.dietaryNeeds(), NEEDS_MAX);
        }
        if (person.age() < event.consentAge()) {
            if (person.consent() == null) {
                errors.put(prefix + "consent.givenBy", Message.of("events.error.consentNeeded", event.consentAge()));
            } else {
                TEXT.required(errors, prefix + "consent.givenBy", person.consent().givenBy(), NAME_MAX);
                PlainText.check(errors, prefix + "consent.givenBy", person.consent().givenBy(), false);
            }
        }
        checkResidential(errors, prefix, person.residential(), event);
        PlainText.check(errors, prefix + "firstName", person.firstName(), false);
        PlainText.check(errors, prefix + "accessNeeds", person.accessNeeds(), true);
        PlainText.check(errors, prefix + "dietaryNeeds", person.dietaryNeeds(), true);
        // A consent given for someone old enough to agree themselves is not an error (a carer may tick it
        // for a whole party); the store simply does not keep it.
    }
}
