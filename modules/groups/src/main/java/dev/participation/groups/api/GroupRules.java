package dev.participation.groups.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.participation.api.widget.Message;
import dev.participation.kit.form.TextChecks;
import dev.participation.kit.staff.Slugs;

/**
 * What makes a group's details acceptable, shared by the service (which refuses anything else) and
 * the editing pages to come (which explain it beside each field). Message keys are
 * {@code groups.error.*} in the bundle's {@code shared/Language.properties}.
 */
public final class GroupRules {

    public static final int NAME_MAX = 120;
    public static final int SUMMARY_MAX = 300;
    public static final int TEXT_MAX = 5000;
    public static final int WHEN_MAX = 300;
    public static final int AREA_MAX = 80;
    public static final int VENUE_MAX = 200;
    public static final int ACCESSIBILITY_MAX = 2000;
    public static final int BOARD_MAX = 120;
    public static final int MANAGER_MAX = 200;
    public static final int ALT_MAX = 250;
    public static final int URL_MAX = 2000;
    /** Groups are for children and young people up to 25 (care-experienced young people until then). */
    public static final int AGE_MAX = 25;
    public static final int SEATS_MAX = 50;

    private static final TextChecks TEXT = new TextChecks("groups.error.required", "groups.error.tooLong",
            "groups.error.characters");

    private GroupRules() {
    }

    /** Problems that stop a group being saved, as of {@code today} (a review date cannot be later). */
    public static Map<String, Message> check(GroupDetails group, LocalDate today) {
        Map<String, Message> errors = new LinkedHashMap<>();
        TEXT.required(errors, "name", group.name(), NAME_MAX);
        TEXT.required(errors, "summary", group.summary(), SUMMARY_MAX);
        TEXT.optional(errors, "description", group.description(), TEXT_MAX);
        checkWhoFor(errors, group.whoFor());
        TEXT.optional(errors, "meetings.when", group.meetings().when(), WHEN_MAX);
        TEXT.optional(errors, "place.area", group.place().area(), AREA_MAX);
        TEXT.optional(errors, "place.venue", group.place().venue(), VENUE_MAX);
        if (group.place().attendance() == null) {
            errors.put("place.attendance", Message.of("groups.error.attendance"));
        }
        TEXT.optional(errors, "accessibility", group.accessibility(), ACCESSIBILITY_MAX);
        if (group.membership() == null) {
            errors.put("membership", Message.of("groups.error.membership"));
        }
        checkFeedsInto(errors, group.feedsInto());
        TEXT.required(errors, "manager", group.manager(), MANAGER_MAX);
        if (!group.imageUrl().isBlank()) {
            if (group.imageUrl().length() > URL_MAX || !TextChecks.isPictureAddress(group.imageUrl())) {
                errors.put("imageUrl", Message.of("groups.error.imageUrl"));
            }
            TEXT.required(errors, "imageAlt", group.imageAlt(), ALT_MAX);
        } else {
            TEXT.optional(errors, "imageAlt", group.imageAlt(), ALT_MAX);
        }
        if (group.lastReviewed() != null && group.lastReviewed().isAfter(today)) {
            errors.put("lastReviewed", Message.of("groups.error.reviewedInFuture"));
        }
        return errors;
    }

    public static boolean validSlug(String slug) {
        return Slugs.isValid(slug);
    }

    private static void checkWhoFor(Map<String, Message> errors, WhoFor who) {
        boolean youngestOk = age(errors, "whoFor.youngest", who.youngest());
        boolean oldestOk = age(errors, "whoFor.oldest", who.oldest());
        if (youngestOk && oldestOk && who.youngest() != null && who.oldest() != null
                && who.youngest() > who.oldest()) {
            errors.put("whoFor.oldest", Message.of("groups.error.agesInOrder"));
        }
        if ((who.firstYear() == null) != (who.lastYear() == null)) {
            errors.put(who.firstYear() == null ? "whoFor.firstYear" : "whoFor.lastYear",
                    Message.of("groups.error.schoolYearsBoth"));
        } else if (who.firstYear() != null && who.firstYear().compareTo(who.lastYear()) > 0) {
            errors.put("whoFor.lastYear", Message.of("groups.error.schoolYearsInOrder"));
        } else if (who.firstYear() != null && youngestOk && oldestOk
                && who.youngestFitting() > who.oldestFitting()) {
            // Ages and school years that share no child would hide the group from every search.
            errors.put("whoFor.firstYear", Message.of("groups.error.agesAndYearsApart"));
        }
        if (who.eligibility().isEmpty()) {
            errors.put("whoFor.eligibility", Message.of("groups.error.eligibility"));
        }
    }

    private static boolean age(Map<String, Message> errors, String field, Integer age) {
        if (age != null && (age < 0 || age > AGE_MAX)) {
            errors.put(field, Message.of("groups.error.age", 0, AGE_MAX));
            return false;
        }
        return true;
    }

    private static void checkFeedsInto(Map<String, Message> errors, FeedsInto feeds) {
        if (!feeds.group().isBlank() && !feeds.board().isBlank()) {
            errors.put("feedsInto.board", Message.of("groups.error.groupOrBoard"));
        } else if (!feeds.group().isBlank() && !validSlug(feeds.group())) {
            errors.put("feedsInto.group", Message.of("groups.error.feedsIntoGroup"));
        }
        TEXT.optional(errors, "feedsInto.board", feeds.board(), BOARD_MAX);
        if (feeds.seats() < 0 || feeds.seats() > SEATS_MAX) {
            errors.put("feedsInto.seats", Message.of("groups.error.seats", 0, SEATS_MAX));
        } else if (feeds.seats() > 0 && feeds.isNowhere()) {
            errors.put("feedsInto.seats", Message.of("groups.error.seatsWithoutBoard"));
        }
    }
}
