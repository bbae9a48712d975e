package dev.participation.events.api;

import java.util.Objects;

/**
 * One person coming, with the least the organisers need: a first name to greet them by, an age to
 * know whether the event fits and whether permission is needed, what would help them take part, and
 * dietary needs only where food is provided. Text not given is empty; {@code consent} is null for
 * someone old enough to agree themselves; {@code residential} is given for a residential event only
 * (and is null elsewhere, or once retention has erased it).
 */
public record Attendee(String firstName, int age, String accessNeeds, String dietaryNeeds, Consent consent,
        Residential residential) {

    public Attendee {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(accessNeeds, "accessNeeds");
        Objects.requireNonNull(dietaryNeeds, "dietaryNeeds");
    }

    /** Someone coming to an event that is not residential. */
    public Attendee(String firstName, int age, String accessNeeds, String dietaryNeeds, Consent consent) {
        this(firstName, age, accessNeeds, dietaryNeeds, consent, null);
    }

    public static Attendee of(String firstName, int age) {
        return new Attendee(firstName, age, "", "", null, null);
    }

    public Attendee withConsent(Consent given) {
        return new Attendee(firstName, age, accessNeeds, dietaryNeeds, given, residential);
    }

    public Attendee withResidential(Residential details) {
        return new Attendee(firstName, age, accessNeeds, dietaryNeeds, consent, details);
    }
}
