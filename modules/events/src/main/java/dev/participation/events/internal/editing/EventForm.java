package dev.participation.events.internal.editing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.participation.api.widget.Message;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Promotion;
import dev.participation.events.api.PromotionMode;
import dev.participation.kit.staff.Form;

/**
 * The event form's fields and how they become {@link EventDetails}. Fields are named as
 * {@link dev.participation.events.api.EventRules} names its problems, so each lands beside its
 * field; the two moments of the sign-up window are date and time boxes ({@link DateTimeInput}).
 */
final class EventForm {

    static final String SLUG = "slug";
    static final String VERSION = "version";
    static final String OPENS = "signUpOpens";
    static final String CLOSES = "signUpCloses";
    static final String FOOD = "food";
    static final String MODE = "promotion.mode";
    /** Named as {@link dev.participation.events.api.EventRules} names its problem; blank means 0, at once. */
    static final String LINK_MINUTES = "onlineLinkMinutesBefore";

    static final String[] FIELDS = Stream.of(Stream.of(SLUG, "title", "description", "type", "youngest", "oldest",
            "tags", "access", FOOD, LINK_MINUTES), Stream.of(DateTimeInput.fields(OPENS)),
            Stream.of(DateTimeInput.fields(CLOSES)),
            Stream.of("consentAge", MODE, "promotion.offerHours", "promotion.stopsHoursBefore", VERSION))
            .flatMap(s -> s).toArray(String[]::new);

    /** The fields that can have a problem, in the order the form shows them. */
    static final List<String> ORDER = List.of("title", SLUG, "description", "type", "youngest", "oldest", "tags",
            "access", FOOD, LINK_MINUTES, OPENS, CLOSES, "consentAge", MODE, "promotion.offerHours",
            "promotion.stopsHoursBefore");

    private EventForm() {
    }

    /** An empty form for a new event, with the usual choices made. */
    static Form fresh() {
        return Form.of(FIELDS).set("consentAge", Integer.toString(EventDetails.DEFAULT_CONSENT_AGE))
                .set(MODE, PromotionMode.AUTOMATIC.key()).set("promotion.offerHours", "48")
                .set("promotion.stopsHoursBefore", Integer.toString(Promotion.AUTOMATIC.stopsHoursBefore()));
    }

    static Form drawn(Event event, ZoneId zone) {
        EventDetails d = event.details();
        Form form = Form.of(FIELDS).set(SLUG, event.slug()).set(VERSION, Integer.toString(event.version()))
                .set("title", d.title()).set("description", d.description()).set("type", d.type().key())
                .set("youngest", number(d.youngest())).set("oldest", number(d.oldest()))
                .set("tags", String.join(" ", d.tags().stream().sorted().toList())).set("access", d.access())
                .set(FOOD, d.food() ? "true" : "").set("consentAge", Integer.toString(d.consentAge()))
                .set(LINK_MINUTES, d.onlineLinkMinutesBefore() == 0 ? ""
                        : Integer.toString(d.onlineLinkMinutesBefore()))
                .set(MODE, d.promotion().mode().key())
                .set("promotion.offerHours", Integer.toString(d.promotion().offerHours()))
                .set("promotion.stopsHoursBefore", Integer.toString(d.promotion().stopsHoursBefore()));
        DateTimeInput.fill(form, OPENS, d.signUpOpens(), zone);
        DateTimeInput.fill(form, CLOSES, d.signUpCloses(), zone);
        return form;
    }

    /**
     * The details the form holds. What cannot be read at all (a word where a number goes, a
     * choice not offered, an impossible date) is put in {@code problems} and a harmless stand-in
     * takes its place, so the shared rules can still explain every other field at once; such
     * details are never saved.
     */
    static EventDetails details(Form form, EventStatus status, ZoneId zone, Map<String, Message> problems) {
        EventType type = EventType.fromKey(form.text("type")).orElse(null);
        if (type == null) {
            problems.put("type", Message.of("events.editing.error.type"));
        }
        Integer youngest = wholeNumber(form, "youngest", problems, false);
        Integer oldest = wholeNumber(form, "oldest", problems, false);
        Integer consentAge = wholeNumber(form, "consentAge", problems, true);
        PromotionMode mode = PromotionMode.fromKey(form.text(MODE)).orElse(null);
        if (mode == null) {
            problems.put(MODE, Message.of("events.editing.error.choose"));
        }
        Integer offerHours = mode == PromotionMode.OFFER ? wholeNumber(form, "promotion.offerHours", problems, true) : 0;
        Integer stopHours = wholeNumber(form, "promotion.stopsHoursBefore", problems, true);
        Integer linkMinutes = wholeNumber(form, LINK_MINUTES, problems, false);
        Instant opens = DateTimeInput.read(form, OPENS, zone, problems).orElse(null);
        Instant closes = DateTimeInput.read(form, CLOSES, zone, problems).orElse(null);
        if (opens == null || closes == null) {
            opens = Instant.EPOCH;
            closes = Instant.EPOCH.plusSeconds(1);
        }
        return new EventDetails(form.text("title"), form.raw("description").strip(),
                type == null ? EventType.FORUM : type, youngest, oldest, tags(form.text("tags")),
                form.raw("access").strip(), "true".equals(form.text(FOOD)), opens, closes, status,
                consentAge == null ? EventDetails.DEFAULT_CONSENT_AGE : consentAge,
                new Promotion(mode == null ? PromotionMode.AUTOMATIC : mode, offerHours == null ? 1 : offerHours,
                        stopHours == null ? 0 : stopHours),
                linkMinutes == null ? 0 : linkMinutes);
    }

    /** Tags as typed, separated by spaces or commas, in lower case. */
    static Set<String> tags(String typed) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : typed.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** The fields compared when someone else saved the event meanwhile: the field and its label key. */
    static List<String[]> compared() {
        List<String[]> rows = new ArrayList<>();
        for (String field : Arrays.asList("title", "description", "type", "youngest", "oldest", "tags", "access",
                FOOD, LINK_MINUTES, OPENS, CLOSES, "consentAge", MODE, "promotion.offerHours",
                "promotion.stopsHoursBefore")) {
            rows.add(new String[] {field, "events.editing.field." + field});
        }
        return rows;
    }

    private static Integer wholeNumber(Form form, String field, Map<String, Message> problems, boolean required) {
        String text = form.text(field);
        if (text.isEmpty()) {
            if (required) {
                problems.put(field, Message.of("events.error.required"));
            }
            return null;
        }
        if (!text.matches("-?\\d{1,5}")) {
            problems.put(field, Message.of("events.editing.error.number"));
            return null;
        }
        return Integer.valueOf(text);
    }

    private static String number(Integer n) {
        return n == null ? "" : n.toString();
    }
}
