package dev.participation.groups;

import java.time.LocalDate;
import java.util.Set;

import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.GroupDetails;
import dev.participation.groups.api.Meetings;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.Place;
import dev.participation.groups.api.WhoFor;

/**
 * Valid group details for tests, in our own words, with one thing changed at a time. Each method
 * returns a copy: the records have no setters.
 */
public final class GroupExamples {

    public static final String MANAGER = "participation.worker";

    private GroupExamples() {
    }

    /** A youth forum for 11 to 18 year olds, open to all, meeting in person in the north of the borough. */
    public static GroupDetails forum(String name) {
        return new GroupDetails(name, "Young people who meet to change things in their area.",
                "We plan projects, meet councillors and give our views on services.",
                WhoFor.ages(11, 18, Eligibility.OPEN_TO_ALL),
                new Meetings("Every other Wednesday, 5pm to 7pm", true),
                new Place("North", "The Hub, Station Road", Attendance.IN_PERSON),
                "Step-free entrance and a quiet room.", Membership.OPEN, FeedsInto.NOWHERE, MANAGER,
                "/images/forum.jpg", "Young people around a table with sticky notes", LocalDate.of(2026, 1, 15));
    }

    public static GroupDetails withWho(GroupDetails d, WhoFor who) {
        return new GroupDetails(d.name(), d.summary(), d.description(), who, d.meetings(), d.place(),
                d.accessibility(), d.membership(), d.feedsInto(), d.manager(), d.imageUrl(), d.imageAlt(),
                d.lastReviewed());
    }

    public static GroupDetails withPlace(GroupDetails d, String area, Attendance attendance) {
        return new GroupDetails(d.name(), d.summary(), d.description(), d.whoFor(), d.meetings(),
                new Place(area, area.isEmpty() ? "" : d.place().venue(), attendance), d.accessibility(),
                d.membership(), d.feedsInto(), d.manager(), d.imageUrl(), d.imageAlt(), d.lastReviewed());
    }

    public static GroupDetails withText(GroupDetails d, String name, String summary, String description) {
        return new GroupDetails(name, summary, description, d.whoFor(), d.meetings(), d.place(), d.accessibility(),
                d.membership(), d.feedsInto(), d.manager(), d.imageUrl(), d.imageAlt(), d.lastReviewed());
    }

    public static GroupDetails withFeedsInto(GroupDetails d, FeedsInto feedsInto) {
        return new GroupDetails(d.name(), d.summary(), d.description(), d.whoFor(), d.meetings(), d.place(),
                d.accessibility(), d.membership(), feedsInto, d.manager(), d.imageUrl(), d.imageAlt(),
                d.lastReviewed());
    }

    public static GroupDetails withImage(GroupDetails d, String url, String alt) {
        return new GroupDetails(d.name(), d.summary(), d.description(), d.whoFor(), d.meetings(), d.place(),
                d.accessibility(), d.membership(), d.feedsInto(), d.manager(), url, alt, d.lastReviewed());
    }

    public static GroupDetails withChoices(GroupDetails d, Membership membership, LocalDate lastReviewed,
            String manager) {
        return new GroupDetails(d.name(), d.summary(), d.description(), d.whoFor(), d.meetings(), d.place(),
                d.accessibility(), membership, d.feedsInto(), manager, d.imageUrl(), d.imageAlt(), lastReviewed);
    }

    public static Set<Eligibility> tags(Eligibility... eligibility) {
        return Set.of(eligibility);
    }
}
