package dev.participation.groups.internal.editing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.participation.api.widget.Message;
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

    /** The fields that can have a problem, in the order the form shows them. */
    static final List<String> ORDER = List.of("name", SLUG, "summary", "description", "whoFor.youngest",
            "whoFor.oldest", "whoFor.firstYear", "whoFor.lastYear", ELIGIBILITY, "meetings.when",
            "meetings.termTimeOnly", "place.attendance", "place.area", "place.venue", "accessibility", "membership",
            "feedsInto.group", "feedsInto.board", "feedsInto.seats", "manager", "imageUrl", "imageAlt", REVIEWED);

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
     * choice that is not offered, an impossible date) is put in {@code problems} and read as
     * absent; the shared rules then explain the rest.
     */
    static GroupDetails details(Form form, LocalDate today, Map<String, Message> problems) {
        Integer youngest = wholeNumber(form, "whoFor.youngest", "groups.editing.error.ageNumber", problems);
        Integer oldest = wholeNumber(form, "whoFor.oldest", "groups.editing.error.ageNumber", problems);
        SchoolYear firstYear = choice(form, "whoFor.firstYear", SchoolYear::fromKey, problems);
        SchoolYear lastYear = choice(form, "whoFor.lastYear", SchoolYear::fromKey, problems);
        Set<Eligibility> eligibility = EnumSet.noneOf(Eligibility.class);
        for (String key : ticks(form)) {
            Eligibility.fromKey(key).ifPresentOrElse(eligibility::add,
                    () -> problems.putIfAbsent(ELIGIBILITY, Message.of("groups.editing.error.choose")));
        }
        Attendance attendance = choice(form, "place.attendance", Attendance::fromKey, problems);
        Membership membership = choice(form, "membership", Membership::fromKey, problems);
        Integer seats = wholeNumber(form, "feedsInto.seats", "groups.editing.error.seatsNumber", problems);
        LocalDate reviewed = reviewed(form, today, problems);
        return new GroupDetails(form.text("name"), form.text("summary"), form.text("description"),
                new WhoFor(youngest, oldest, firstYear, lastYear, eligibility),
                new Meetings(form.text("meetings.when"), "true".equals(form.text("meetings.termTimeOnly"))),
                new Place(form.text("place.area"), form.text("place.venue"), attendance), form.text("accessibility"),
                membership, new FeedsInto(form.text("feedsInto.group"), form.text("feedsInto.board"),
                        seats == null ? 0 : seats),
                form.text("manager"), form.text("imageUrl"), form.text("imageAlt"), reviewed);
    }

    /**
     * Puts the problems beside their fields in the order the fields appear, so the error summary
     * reads in the form's order; a problem no field shows (from the service) is listed last.
     */
    static void reject(Form form, Map<String, Message> problems) {
        Map<String, Message> left = new LinkedHashMap<>(problems);
        for (String field : ORDER) {
            Message problem = left.remove(field);
            if (problem != null) {
                form.reject(field, problem);
            }
        }
        form.absorb(left, "");
    }

    /** The optional review date: three empty boxes are none; anything typed must be a real date, not later than today. */
    private static LocalDate reviewed(Form form, LocalDate today, Map<String, Message> problems) {
        if (Stream.of(DateInput.fields(REVIEWED)).allMatch(f -> form.text(f).isEmpty())) {
            return null;
        }
        // Read on a copy so the problem joins the others and is ordered with them.
        Form boxes = Form.of(DateInput.fields(REVIEWED));
        for (String f : DateInput.fields(REVIEWED)) {
            boxes.set(f, form.raw(f));
        }
        Optional<LocalDate> date = DateInput.read(boxes, REVIEWED, today);
        Message problem = boxes.errors().get(REVIEWED);
        if (problem != null) {
            problems.putIfAbsent(REVIEWED, problem);
            // As the kit's date input does: the summary links to the first box that is missing, else the day.
            String missing = problem.key().startsWith("staff.error.date.missing.")
                    ? problem.key().substring("staff.error.date.missing.".length()) : "day";
            boolean partly = !form.text(REVIEWED + "-day").isEmpty() || !form.text(REVIEWED + "-month").isEmpty();
            form.anchor(REVIEWED, REVIEWED + "-" + (partly ? missing : "day"));
        }
        return date.orElse(null);
    }

    static List<String> ticks(Form form) {
        String ticked = form.text(ELIGIBILITY);
        return ticked.isEmpty() ? List.of() : List.of(ticked.split(" "));
    }

    /** Empty is absent; otherwise a whole number (a minus sign allowed, so the rules can say "0 to 25"). */
    private static Integer wholeNumber(Form form, String field, String errorKey, Map<String, Message> problems) {
        String text = form.text(field);
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("-?\\d{1,4}")) {
            problems.putIfAbsent(field, Message.of(errorKey));
            return null;
        }
        return Integer.valueOf(text);
    }

    private static <T> T choice(Form form, String field, Function<String, Optional<T>> fromKey,
            Map<String, Message> problems) {
        String key = form.text(field);
        if (key.isEmpty()) {
            return null;
        }
        Optional<T> value = fromKey.apply(key);
        if (value.isEmpty()) {
            problems.putIfAbsent(field, Message.of("groups.editing.error.choose"));
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
