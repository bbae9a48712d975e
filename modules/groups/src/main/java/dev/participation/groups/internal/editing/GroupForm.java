package dev.participation.groups.internal.editing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.GroupDetails;
import dev.participation.groups.api.Meetings;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.Place;
import dev.participation.groups.api.SchoolYear;
import dev.participation.groups.api.WhoFor;
import dev.participation.kit.staff.DateInput;
import dev.participation.kit.staff.Form;
import dev.participation.kit.staff.Screen;

/**
 * The group form's fields and how they become {@link GroupDetails}. Fields are named by their
 * paths in {@link GroupDetails}, as {@link dev.participation.groups.api.GroupRules#check} and
 * {@link dev.participation.groups.api.GroupProblem} name problems, so each problem lands beside
 * its field. Who it is for is several ticks of one field, kept as space-separated keys.
 */
final class GroupForm {

    static final String SLUG = "slug";
    static final String VERSION = "version";
    static final String ELIGIBILITY = "whoFor.eligibility";
    static final String REVIEWED = "lastReviewed";

    static final String[] FIELDS = Stream.concat(Stream.of(SLUG, "name", "summary", "description", "whoFor.youngest",
            "whoFor.oldest", "whoFor.firstYear", "whoFor.lastYear", ELIGIBILITY, "meetings.when",
            "meetings.termTimeOnly", "place.area", "place.venue", "place.attendance", "accessibility", "membership",
            "feedsInto.group", "feedsInto.board", "feedsInto.seats", "manager", "imageUrl", "imageAlt"),
            Stream.concat(Stream.of(DateInput.fields(REVIEWED)), Stream.of(VERSION))).toArray(String[]::new);

    private GroupForm() {
    }

    /** The form as typed; ticks of who it is for are all kept. */
    static Form typed(Screen s) {
        Form form = Form.read(s.request(), FIELDS);
        List<String> ticked = s.request().parameters().getOrDefault(ELIGIBILITY, List.of());
        form.set(ELIGIBILITY, ticked.stream().map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.joining(" ")));
        // The error summary links to the first tick box, the first radio and the day box.
        form.anchor(ELIGIBILITY, ELIGIBILITY);
        return form;
    }

    /** A saved group's details, drawn into the form. */
    static Form drawn(Group group) {
        GroupDetails d = group.details();
        Form form = Form.of(FIELDS).set(SLUG, group.slug()).set(VERSION, Integer.toString(group.version()))
                .set("name", d.name()).set("summary", d.summary()).set("description", d.description())
                .set("whoFor.youngest", number(d.whoFor().youngest()))
                .set("whoFor.oldest", number(d.whoFor().oldest()))
                .set("whoFor.firstYear", d.whoFor().firstYear() == null ? "" : d.whoFor().firstYear().key())
                .set("whoFor.lastYear", d.whoFor().lastYear() == null ? "" : d.whoFor().lastYear().key())
                .set(ELIGIBILITY, d.whoFor().eligibility().stream().map(Eligibility::key)
                        .collect(Collectors.joining(" ")))
                .set("meetings.when", d.meetings().when())
                .set("meetings.termTimeOnly", d.meetings().termTimeOnly() ? "true" : "")
                .set("place.area", d.place().area()).set("place.venue", d.place().venue())
                .set("place.attendance", d.place().attendance() == null ? "" : d.place().attendance().key())
                .set("accessibility", d.accessibility())
                .set("membership", d.membership() == null ? "" : d.membership().key())
                .set("feedsInto.group", d.feedsInto().group()).set("feedsInto.board", d.feedsInto().board())
                .set("feedsInto.seats", d.feedsInto().seats() == 0 ? "" : Integer.toString(d.feedsInto().seats()))
                .set("manager", d.manager()).set("imageUrl", d.imageUrl()).set("imageAlt", d.imageAlt());
        if (d.lastReviewed() != null) {
            DateInput.fill(form, REVIEWED, d.lastReviewed());
        }
        return form;
    }

    /**
     * The details the form holds. What cannot be read at all (a word where a number goes, a
     * choice that is not offered, an impossible date) is rejected on the form here and read as
     * absent; the shared rules then explain the rest.
     */
    static GroupDetails details(Form form, LocalDate today) {
        Integer youngest = wholeNumber(form, "whoFor.youngest", "groups.editing.error.ageNumber");
        Integer oldest = wholeNumber(form, "whoFor.oldest", "groups.editing.error.ageNumber");
        SchoolYear firstYear = choice(form, "whoFor.firstYear", SchoolYear::fromKey);
        SchoolYear lastYear = choice(form, "whoFor.lastYear", SchoolYear::fromKey);
        Set<Eligibility> eligibility = EnumSet.noneOf(Eligibility.class);
        for (String key : ticks(form)) {
            Eligibility.fromKey(key).ifPresentOrElse(eligibility::add,
                    () -> form.reject(ELIGIBILITY, "groups.editing.error.choose"));
        }
        Attendance attendance = choice(form, "place.attendance", Attendance::fromKey);
        Membership membership = choice(form, "membership", Membership::fromKey);
        Integer seats = wholeNumber(form, "feedsInto.seats", "groups.editing.error.seatsNumber");
        LocalDate reviewed = Stream.of(DateInput.fields(REVIEWED)).allMatch(f -> form.text(f).isEmpty()) ? null
                : DateInput.read(form, REVIEWED, today).orElse(null);
        return new GroupDetails(form.text("name"), form.text("summary"), form.text("description"),
                new WhoFor(youngest, oldest, firstYear, lastYear, eligibility),
                new Meetings(form.text("meetings.when"), "true".equals(form.text("meetings.termTimeOnly"))),
                new Place(form.text("place.area"), form.text("place.venue"), attendance), form.text("accessibility"),
                membership, new FeedsInto(form.text("feedsInto.group"), form.text("feedsInto.board"),
                        seats == null ? 0 : seats),
                form.text("manager"), form.text("imageUrl"), form.text("imageAlt"), reviewed);
    }

    static List<String> ticks(Form form) {
        String ticked = form.text(ELIGIBILITY);
        return ticked.isEmpty() ? List.of() : List.of(ticked.split(" "));
    }

    /** Empty is absent; otherwise a whole number (a minus sign allowed, so the rules can say "0 to 25"). */
    private static Integer wholeNumber(Form form, String field, String errorKey) {
        String text = form.text(field);
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("-?\\d{1,4}")) {
            form.reject(field, errorKey);
            return null;
        }
        return Integer.valueOf(text);
    }

    private static <T> T choice(Form form, String field, java.util.function.Function<String, Optional<T>> fromKey) {
        String key = form.text(field);
        if (key.isEmpty()) {
            return null;
        }
        Optional<T> value = fromKey.apply(key);
        if (value.isEmpty()) {
            form.reject(field, "groups.editing.error.choose");
        }
        return value.orElse(null);
    }

    private static String number(Integer n) {
        return n == null ? "" : n.toString();
    }

    /** The fields compared on the conflict screen, with the label of each. */
    static List<String[]> compared() {
        List<String[]> rows = new ArrayList<>();
        for (String field : new String[] {"name", "summary", "description", "whoFor.youngest", "whoFor.oldest",
            "whoFor.firstYear", "whoFor.lastYear", ELIGIBILITY, "meetings.when", "meetings.termTimeOnly", "place.area",
            "place.venue", "place.attendance", "accessibility", "membership", "feedsInto.group", "feedsInto.board",
            "feedsInto.seats", "manager", "imageUrl", "imageAlt", REVIEWED}) {
            rows.add(new String[] {field, "groups.editing.field." + field});
        }
        return rows;
    }
}
