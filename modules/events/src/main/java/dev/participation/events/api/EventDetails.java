package dev.participation.events.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an editor writes about an event except its sessions. Text not given is empty, never
 * null; {@code youngest} and {@code oldest} are null where the event has no such limit.
 * {@link EventRules#check} says what is acceptable.
 *
 * @param tags          who it is especially for (for example {@code in-care}, {@code send}), lower-case words
 * @param access        how to get there and in, in the organiser's words
 * @param food          whether food is provided, and so whether dietary needs are asked
 * @param signUpOpens   from when people may sign up
 * @param signUpCloses  until when people may sign up
 * @param consentAge    under this age a parent's or carer's permission is needed; 13 unless the event
 *                      raises it (to 18 for a residential)
 * @param onlineLinkMinutesBefore how long before a session starts its online link is shown to people
 *                      with a place; 0 shows it as soon as they have one
 */
public record EventDetails(String title, String description, EventType type, Integer youngest, Integer oldest,
        Set<String> tags, String access, boolean food, Instant signUpOpens, Instant signUpCloses,
        EventStatus status, int consentAge, Promotion promotion, int onlineLinkMinutesBefore) {

    /** Under this age a sign-up needs someone's permission unless an event asks for more. */
    public static final int DEFAULT_CONSENT_AGE = 13;

    public EventDetails {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        tags = Set.copyOf(Objects.requireNonNull(tags, "tags"));
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(signUpOpens, "signUpOpens");
        Objects.requireNonNull(signUpCloses, "signUpCloses");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(promotion, "promotion");
    }

    /** An event whose online link is shown to people as soon as they have a place. */
    public EventDetails(String title, String description, EventType type, Integer youngest, Integer oldest,
            Set<String> tags, String access, boolean food, Instant signUpOpens, Instant signUpCloses,
            EventStatus status, int consentAge, Promotion promotion) {
        this(title, description, type, youngest, oldest, tags, access, food, signUpOpens, signUpCloses, status,
                consentAge, promotion, 0);
    }

    /** Whether someone of this age may come. */
    public boolean fitsAge(int age) {
        return (youngest == null || age >= youngest) && (oldest == null || age <= oldest);
    }

    /** Whether a sign-up may be made at {@code now} by the public. */
    public boolean takesSignUpsAt(Instant now) {
        return status.isPublic() && !now.isBefore(signUpOpens) && now.isBefore(signUpCloses);
    }

    /**
     * From when people with a place are shown the online link of a session starting at
     * {@code sessionStart}; empty where they are shown it as soon as they have a place.
     */
    public Optional<Instant> onlineLinkShownFrom(Instant sessionStart) {
        return onlineLinkMinutesBefore <= 0 ? Optional.empty()
                : Optional.of(sessionStart.minus(Duration.ofMinutes(onlineLinkMinutesBefore)));
    }

    /** Whether at {@code now} people with a place see the online link of a session starting at {@code sessionStart}. */
    public boolean showsOnlineLinkAt(Instant sessionStart, Instant now) {
        return onlineLinkShownFrom(sessionStart).map(from -> !now.isBefore(from)).orElse(true);
    }

    public EventDetails withStatus(EventStatus newStatus) {
        return new EventDetails(title, description, type, youngest, oldest, tags, access, food, signUpOpens,
                signUpCloses, newStatus, consentAge, promotion, onlineLinkMinutesBefore);
    }

    public EventDetails withPromotion(Promotion newPromotion) {
        return new EventDetails(title, description, type, youngest, oldest, tags, access, food, signUpOpens,
                signUpCloses, status, consentAge, newPromotion, onlineLinkMinutesBefore);
    }

    /** The same event with its online link shown from this many minutes before each session (0: at once). */
    public EventDetails withOnlineLinkMinutesBefore(int minutes) {
        return new EventDetails(title, description, type, youngest, oldest, tags, access, food, signUpOpens,
                signUpCloses, status, consentAge, promotion, minutes);
    }
}
