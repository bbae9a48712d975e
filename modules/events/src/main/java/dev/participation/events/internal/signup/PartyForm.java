package dev.participation.events.internal.signup;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.participation.api.widget.HostRequest;
import dev.participation.api.widget.Message;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booker;
import dev.participation.events.api.BookerRole;
import dev.participation.events.api.Consent;
import dev.participation.events.api.ConsentRole;
import dev.participation.events.api.Contact;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Residential;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.api.SignUpRules;
import dev.participation.kit.staff.Form;

/**
 * The sign-up form's fields for one person or a party, as typed: the booker, how to reach them,
 * and for each young person {@code p<i>-<field>}. It reads them into a {@link SignUpForm} and puts
 * every problem, whether the value could not be read at all (an age that is not a number) or
 * {@link SignUpRules} refused it (a path like {@code attendees[1].consent.givenBy}), beside its
 * field, in the order the fields appear on the page. The public sign-up form and the staff's
 * "book someone" form both draw these fields, each in its own words.
 *
 * <p>Adding or removing a young person is a submit button ({@value #DO} = {@value #ADD} or
 * {@code remove-<i>}) that draws the form again with what was typed, so it works without
 * JavaScript; {@link #redrawnFor} says what such a press makes of the form.
 */
public final class PartyForm {

    /** The button pressed: {@link #SEND}, {@link #ADD} or {@link #REMOVE}{@code <i>}. */
    public static final String DO = "do";
    public static final String SEND = "send";
    public static final String ADD = "add";
    public static final String REMOVE = "remove-";
    /** The id (after the namespace) of the form's heading, which problems with the whole sign-up lead to. */
    public static final String TOP = "signup-title";

    static final String FORM_KEY = "formKey";
    static final String PEOPLE = "people";
    static final String BOOKER = "booker";
    static final String BOOKER_NAME = "bookerName";
    static final String ORGANISATION = "organisation";
    static final String CONTACT_ADULT = "contactAdult";
    static final String EMAIL = "email";
    static final String PHONE = "phone";
    /** Not a field: where problems with the whole sign-up (not open any more) are listed. */
    static final String GENERAL = "general";

    static final List<String> PERSON_FIELDS = List.of("firstName", "age", "accessNeeds", "dietaryNeeds", "consentBy",
            "consentRole", "emergencyName", "emergencyPhone", "medicalNotes", "photos");
    private static final List<String> TOP_FIELDS = List.of(FORM_KEY, PEOPLE, BOOKER, BOOKER_NAME, ORGANISATION,
            CONTACT_ADULT, EMAIL, PHONE);
    /** After the people in the page: how to reach them. The booker is asked first. */
    private static final List<String> BEFORE_PEOPLE = List.of(GENERAL, BOOKER, BOOKER_NAME, ORGANISATION);
    private static final List<String> AFTER_PEOPLE = List.of(CONTACT_ADULT, EMAIL, PHONE);

    // Compiled once: each sign-up checks its form against them, some once per person.
    private static final Pattern PARTY_SIZE = Pattern.compile("\\d{1,2}");
    private static final Pattern FORM_KEY_SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern AGE = Pattern.compile("\\d{1,3}");
    private static final Pattern PERSON_PATH = Pattern.compile("attendees\\[(\\d{1,2})\\]\\.(.+)");
    private static final Map<String, String> PERSON_PATHS = Map.of("firstName", "firstName", "age", "age",
            "accessNeeds", "accessNeeds", "dietaryNeeds", "dietaryNeeds", "consent.givenBy", "consentBy",
            "residential", "emergencyName", "residential.emergencyName", "emergencyName",
            "residential.emergencyPhone", "emergencyPhone", "residential.medicalNotes", "medicalNotes");
    private static final Map<String, String> TOP_PATHS = Map.of("", GENERAL, "attendees", BOOKER, "booker.name",
            BOOKER_NAME, "booker.organisation", ORGANISATION, "contact.trustedAdult", CONTACT_ADULT, "contact.email",
            EMAIL, "contact.phone", PHONE);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Form form;
    private final int people;

    private PartyForm(Form form, int people) {
        this.form = form;
        this.people = people;
    }

    static String person(int index, String field) {
        return "p" + index + "-" + field;
    }

    private static String[] fields(int people) {
        List<String> all = new ArrayList<>(TOP_FIELDS);
        for (int i = 0; i < people; i++) {
            for (String f : PERSON_FIELDS) {
                all.add(person(i, f));
            }
        }
        return all.toArray(String[]::new);
    }

    /** An empty form for one person, drawn with a fresh form key. */
    public static PartyForm blank() {
        Form form = Form.of(fields(1));
        form.set(FORM_KEY, newFormKey()).set(PEOPLE, "1");
        form.anchor(GENERAL, TOP);
        return new PartyForm(form, 1);
    }

    /** The form as posted, with {@code people} young people (1 to the most one booking may hold). */
    public static PartyForm read(HostRequest request, int people) {
        int n = Math.max(1, Math.min(SignUpRules.PARTY_MAX, people));
        Form form = Form.read(request, fields(n));
        form.set(PEOPLE, Integer.toString(n));
        form.anchor(GENERAL, TOP);
        return new PartyForm(form, n);
    }

    /** How many young people the post says it holds, or 1 if that is unreadable. */
    public static int peopleIn(HostRequest request) {
        String typed = request.parameter(PEOPLE).orElse("1").strip();
        return PARTY_SIZE.matcher(typed).matches() ? Integer.parseInt(typed) : 1;
    }

    /** The same answers with one more (empty) young person, or one fewer: the "add another" without JavaScript. */
    PartyForm resized(int newPeople) {
        int n = Math.max(1, Math.min(SignUpRules.PARTY_MAX, newPeople));
        Form grown = Form.of(fields(n));
        form.values().forEach((field, value) -> {
            if (grown.values().containsKey(field)) {
                grown.set(field, value);
            }
        });
        grown.set(PEOPLE, Integer.toString(n));
        grown.anchor(GENERAL, TOP);
        return new PartyForm(grown, n);
    }

    /**
     * What pressing {@code pressed} makes of the form: the same answers with one more empty young
     * person ({@link #ADD}), or without one ({@link #REMOVE}{@code <i>}); empty for any other button,
     * which sends the form.
     */
    public Optional<PartyForm> redrawnFor(String pressed) {
        if (pressed.equals(ADD)) {
            return Optional.of(resized(people + 1));
        }
        if (pressed.startsWith(REMOVE)) {
            String typed = pressed.substring(REMOVE.length());
            return Optional.of(without(PARTY_SIZE.matcher(typed).matches() ? Integer.parseInt(typed) : -1));
        }
        return Optional.empty();
    }

    /** This form without young person {@code index}; those after move up one. */
    PartyForm without(int index) {
        if (people <= 1 || index < 0 || index >= people) {
            return this;
        }
        PartyForm smaller = resized(people - 1);
        for (int i = index; i < people - 1; i++) {
            for (String f : PERSON_FIELDS) {
                smaller.form.set(person(i, f), form.raw(person(i + 1, f)));
            }
        }
        return smaller;
    }

    public Form form() {
        return form;
    }

    public int people() {
        return people;
    }

    /** Whether another young person may be added: one booking holds at most {@link SignUpRules#PARTY_MAX}. */
    public boolean mayAdd() {
        return people < SignUpRules.PARTY_MAX;
    }

    public String formKey() {
        return form.text(FORM_KEY);
    }

    /**
     * Replaces a form key this form could not have been drawn with (one from before a restart, or
     * a forged post) by a fresh one; what was typed stays.
     */
    public void keepOwnKey() {
        if (!FORM_KEY_SHAPE.matcher(formKey()).matches()) {
            form.set(FORM_KEY, newFormKey());
        }
    }

    /**
     * A fresh key for a form being drawn: 24 random bytes, URL-safe, as {@link SignUpRules} expects.
     * A form sent twice (a double click, a retry after a lost answer) carries the same key, and the
     * service finds the booking it made instead of making another.
     */
    static String newFormKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The sign-up as typed. Problems reading a value (nothing chosen, an age that is not a number)
     * are recorded here; {@link #refuse} adds the rules' problems.
     */
    public SignUpForm signUp(EventType type) {
        Map<String, Message> errors = new LinkedHashMap<>();
        BookerRole role = BookerRole.fromKey(form.text(BOOKER)).orElse(null);
        if (role == null) {
            errors.put(BOOKER, Message.of("events.error.booker"));
        }
        Booker booker = role == null || role == BookerRole.SELF ? Booker.SELF
                : new Booker(role, form.text(BOOKER_NAME), form.text(ORGANISATION));
        Contact contact = new Contact(form.text(CONTACT_ADULT), form.text(EMAIL), form.text(PHONE));
        boolean residential = type == EventType.RESIDENTIAL;
        List<Attendee> attendees = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            attendees.add(attendee(i, residential, errors));
        }
        errors.forEach(form::reject);
        return new SignUpForm(formKey(), booker, contact, attendees);
    }

    private Attendee attendee(int i, boolean residential, Map<String, Message> errors) {
        String typedAge = form.text(person(i, "age"));
        int age = -1;
        if (typedAge.isEmpty()) {
            errors.put(person(i, "age"), Message.of("events.error.ageRequired"));
        } else if (!AGE.matcher(typedAge).matches()) {
            errors.put(person(i, "age"), Message.of("events.error.ageNumber"));
        } else {
            age = Integer.parseInt(typedAge);
        }
        String consentBy = form.text(person(i, "consentBy"));
        String consentRole = form.text(person(i, "consentRole"));
        Consent consent = null;
        if (!consentBy.isEmpty() || !consentRole.isEmpty()) {
            ConsentRole as = ConsentRole.fromKey(consentRole).orElse(null);
            if (as == null) {
                errors.put(person(i, "consentRole"), Message.of("events.error.consentRole"));
            }
            consent = new Consent(consentBy, as == null ? ConsentRole.PARENT : as);
        }
        Residential away = null;
        if (residential) {
            String photos = form.text(person(i, "photos"));
            if (!photos.equals("yes") && !photos.equals("no")) {
                errors.put(person(i, "photos"), Message.of("events.error.photos"));
            }
            away = new Residential(form.text(person(i, "emergencyName")), form.text(person(i, "emergencyPhone")),
                    form.text(person(i, "medicalNotes")), photos.equals("yes"));
        }
        return new Attendee(form.text(person(i, "firstName")), age, form.text(person(i, "accessNeeds")),
                form.text(person(i, "dietaryNeeds")), consent, away);
    }

    /**
     * Puts the rules' problems beside their fields. Where an age could not be read, the rules'
     * guesses about it (its range, whether permission is needed) would only confuse, so they are left out.
     */
    public void refuse(Map<String, Message> problems) {
        problems.forEach((path, message) -> {
            String field = fieldOf(path);
            if (field.endsWith("-consentBy") && form.errors().containsKey(field.replace("-consentBy", "-age"))) {
                return;
            }
            form.reject(field, message);
        });
    }

    /** The form's field for a problem's path; a path this form has no field for is listed at the top. */
    static String fieldOf(String path) {
        String top = TOP_PATHS.get(path);
        if (top != null) {
            return top;
        }
        Matcher m = PERSON_PATH.matcher(path);
        if (m.matches() && PERSON_PATHS.containsKey(m.group(2))) {
            return person(Integer.parseInt(m.group(1)), PERSON_PATHS.get(m.group(2)));
        }
        return GENERAL;
    }

    /** The errors in the order their fields appear, for the summary and the fields. */
    public Form inPageOrder() {
        Map<String, Message> errors = new LinkedHashMap<>(form.errors());
        if (errors.isEmpty()) {
            return form;
        }
        Form ordered = Form.of(fields(people));
        form.values().forEach(ordered::set);
        ordered.anchor(GENERAL, TOP);
        List<String> order = new ArrayList<>(BEFORE_PEOPLE);
        for (int i = 0; i < people; i++) {
            for (String f : PERSON_FIELDS) {
                order.add(person(i, f));
            }
        }
        order.addAll(AFTER_PEOPLE);
        for (String field : order) {
            if (errors.containsKey(field)) {
                ordered.reject(field, errors.get(field));
            }
        }
        errors.forEach(ordered::reject);
        return ordered;
    }
}
