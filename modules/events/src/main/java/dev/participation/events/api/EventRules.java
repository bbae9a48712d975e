package dev.participation.events.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.participation.api.widget.Message;
import dev.participation.kit.form.TextChecks;
import dev.participation.kit.staff.Slugs;

/**
 * What makes an event's details and sessions acceptable, shared by the service (which refuses
 * anything else) and the editing pages to come (which explain it beside each field). Message keys
 * are {@code events.error.*} in the bundle's {@code shared/Language.properties}.
 */
public final class EventRules {

    public static final int TITLE_MAX = 120;
    public static final int DESCRIPTION_MAX = 5000;
    public static final int ACCESS_MAX = 2000;
    public static final int LABEL_MAX = 120;
    public static final int PLACE_MAX = 300;
    public static final int TAG_MAX = 40;
    public static final int TAGS_MAX = 10;
    /** Events are for children and young people and the adults around them. */
    public static final int AGE_MAX = 120;
    public static final int CAPACITY_MAX = 10_000;
    public static final int SESSIONS_MAX = 50;
    public static final int OFFER_HOURS_MAX = 24 * 14;
    public static final int STOP_HOURS_MAX = 24 * 60;
    /** The online link may be held back until at most a week before a session starts. */
    public static final int ONLINE_LINK_MINUTES_MAX = 7 * 24 * 60;

    private static final Pattern TAG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final TextChecks TEXT = new TextChecks("events.error.required", "events.error.tooLong");

    private EventRules() {
    }

    /** Problems that stop an event being saved. */
    public static Map<String, Message> check(EventDetails event) {
        Map<String, Message> errors = new LinkedHashMap<>();
        TEXT.required(errors, "title", event.title(), TITLE_MAX);
        TEXT.optional(errors, "description", event.description(), DESCRIPTION_MAX);
        boolean youngestOk = age(errors, "youngest", event.youngest());
        boolean oldestOk = age(errors, "oldest", event.oldest());
        if (youngestOk && oldestOk && event.youngest() != null && event.oldest() != null
                && event.youngest() > event.oldest()) {
            errors.put("oldest", Message.of("events.error.agesInOrder"));
        }
        if (event.tags().size() > TAGS_MAX) {
            errors.put("tags", Message.of("events.error.tooManyTags", TAGS_MAX));
        } else if (!event.tags().stream().allMatch(EventRules::validTag)) {
            errors.put("tags", Message.of("events.error.tag"));
        }
        TEXT.optional(errors, "access", event.access(), ACCESS_MAX);
        PlainText.check(errors, "title", event.title(), false);
        PlainText.check(errors, "description", event.description(), true);
        PlainText.check(errors, "access", event.access(), true);
        if (!event.signUpOpens().isBefore(event.signUpCloses())) {
            errors.put("signUpCloses", Message.of("events.error.signUpWindow"));
        }
        int minimumConsentAge = EventDetails.DEFAULT_CONSENT_AGE;
        if (event.consentAge() < minimumConsentAge || event.consentAge() > 18) {
            // A council's safeguarding policy sets the floor; an event may only ask for more.
            errors.put("consentAge", Message.of("events.error.consentAge", minimumConsentAge, 18));
        }
        Promotion promotion = event.promotion();
        if (promotion.mode() == PromotionMode.OFFER
                && (promotion.offerHours() < 1 || promotion.offerHours() > OFFER_HOURS_MAX)) {
            errors.put("promotion.offerHours", Message.of("events.error.offerHours", 1, OFFER_HOURS_MAX));
        }
        if (promotion.stopsHoursBefore() < 0 || promotion.stopsHoursBefore() > STOP_HOURS_MAX) {
            errors.put("promotion.stopsHoursBefore", Message.of("events.error.stopHours", 0, STOP_HOURS_MAX));
        }
        if (event.onlineLinkMinutesBefore() < 0 || event.onlineLinkMinutesBefore() > ONLINE_LINK_MINUTES_MAX) {
            // As text, so it reads 10080 as people type it, not 10,080.
            errors.put("onlineLinkMinutesBefore", Message.of("events.error.onlineLinkMinutes",
                    Integer.toString(ONLINE_LINK_MINUTES_MAX)));
        }
        return errors;
    }

    /** Problems with an event's list of sessions, each field named {@code sessions[i].field}. */
    public static Map<String, Message> checkSessions(List<SessionDetails> sessions) {
        Map<String, Message> errors = new LinkedHashMap<>();
        if (sessions.isEmpty()) {
            errors.put("sessions", Message.of("events.error.noSessions"));
        } else if (sessions.size() > SESSIONS_MAX) {
            errors.put("sessions", Message.of("events.error.tooManySessions", SESSIONS_MAX));
        }
        for (int i = 0; i < sessions.size(); i++) {
            errors.putAll(checkSession("sessions[" + i + "].", sessions.get(i)));
        }
        return errors;
    }

    /** Problems with one session, each field named {@code prefix + field}. */
    public static Map<String, Message> checkSession(String prefix, SessionDetails session) {
        Map<String, Message> errors = new LinkedHashMap<>();
        TEXT.optional(errors, prefix + "label", session.label(), LABEL_MAX);
        if (!session.start().isBefore(session.end())) {
            errors.put(prefix + "end", Message.of("events.error.endAfterStart"));
        }
        if (session.capacity() < 1 || session.capacity() > CAPACITY_MAX) {
            errors.put(prefix + "capacity", Message.of("events.error.capacity", 1, CAPACITY_MAX));
        }
        TEXT.optional(errors, prefix + "place", session.place(), PLACE_MAX);
        PlainText.check(errors, prefix + "label", session.label(), false);
        PlainText.check(errors, prefix + "place", session.place(), false);
        if (!session.onlineLink().isBlank() && !TextChecks.isWebLink(session.onlineLink())) {
            errors.put(prefix + "onlineLink", Message.of("events.error.onlineLink"));
        }
        if (session.place().isBlank() && session.onlineLink().isBlank()) {
            errors.put(prefix + "place", Message.of("events.error.placeOrLink"));
        }
        return errors;
    }

    public static boolean validSlug(String slug) {
        return Slugs.isValid(slug);
    }

    /**
     * Whether this could be one of an event's tags: lower-case letters and digits in words joined by
     * single hyphens, at most {@value #TAG_MAX} characters. Filters and settings that name a tag are
     * checked against the same rule as the events that carry them.
     *
     * @since 1.3
     */
    public static boolean validTag(String tag) {
        return tag.length() <= TAG_MAX && TAG.matcher(tag).matches();
    }

    private static boolean age(Map<String, Message> errors, String field, Integer age) {
        if (age != null && (age < 0 || age > AGE_MAX)) {
            errors.put(field, Message.of("events.error.age", 0, AGE_MAX));
            return false;
        }
        return true;
    }
}
