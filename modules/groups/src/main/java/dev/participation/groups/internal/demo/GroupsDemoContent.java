package dev.participation.groups.internal.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import dev.participation.api.demo.DemoContent;
import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.GroupDetails;
import dev.participation.groups.api.Groups;
import dev.participation.groups.api.Meetings;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.Place;
import dev.participation.groups.api.SchoolYear;
import dev.participation.groups.api.WhoFor;
import dev.participation.kit.demo.DemoWords;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The demo's participation groups: ten groups like those councils run (a Youth Cabinet that most
 * groups feed into, a Youth Council, a Primary Parliament for years 5 and 6, groups for children in
 * care, care leavers, young carers, SEND, LGBT+ young people, parents and carers). Only the
 * groups: the directory widget that shows them comes with its own placement. The words are in
 * {@code demo/Demo.properties}, so they can be translated.
 */
@Component(service = DemoContent.class)
public final class GroupsDemoContent implements DemoContent {

    public static final String KEY = "groups.demo";

    private static final String DEMO = "dev/participation/groups/demo/Demo";

    private final Groups groups;

    @Activate
    public GroupsDemoContent(@Reference Groups groups) {
        this.groups = groups;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public void install(String actor) {
        DemoWords words = DemoWords.of(GroupsDemoContent.class, DEMO);
        for (String slug : words.list("groups")) {
            // A group an editor already made at this address is theirs: leave it.
            if (groups.find(slug).isEmpty()) {
                groups.create(slug, details(words, slug), actor);
            }
        }
    }

    static GroupDetails details(DemoWords words, String slug) {
        String p = slug + ".";
        WhoFor who = new WhoFor(number(words, p + "youngest"), number(words, p + "oldest"),
                year(words, p + "firstYear"), year(words, p + "lastYear"), eligibility(words, p + "eligibility"));
        FeedsInto feedsInto = new FeedsInto(words.optional(p + "group"), words.optional(p + "board"),
                words.has(p + "seats") ? words.number(p + "seats") : 0);
        return new GroupDetails(words.text(p + "name"), words.text(p + "summary"), words.optional(p + "description"),
                who, new Meetings(words.optional(p + "when"), Boolean.parseBoolean(words.optional(p + "termTimeOnly"))),
                new Place(words.optional(p + "area"), words.optional(p + "venue"),
                        known(Attendance.fromKey(words.text(p + "attendance")).orElse(null), p + "attendance")),
                words.optional(p + "accessibility"),
                known(Membership.fromKey(words.text(p + "membership")).orElse(null), p + "membership"),
                feedsInto, words.text("manager"), words.optional(p + "image"), words.optional(p + "alt"),
                words.has(p + "reviewed") ? LocalDate.parse(words.text(p + "reviewed")) : null);
    }

    private static Set<Eligibility> eligibility(DemoWords words, String key) {
        Set<Eligibility> eligibility = EnumSet.noneOf(Eligibility.class);
        for (String name : words.list(key)) {
            eligibility.add(known(Eligibility.fromKey(name).orElse(null), key));
        }
        return eligibility;
    }

    /** An age the group is for, or none when it has no limit that way. */
    private static Integer number(DemoWords words, String key) {
        return words.has(key) ? words.number(key) : null;
    }

    private static SchoolYear year(DemoWords words, String key) {
        return words.has(key) ? known(SchoolYear.ofNumber(words.number(key)).orElse(null), key) : null;
    }

    private static <T> T known(T value, String key) {
        if (value == null) {
            throw new IllegalStateException("Unknown value in the groups demo: " + key);
        }
        return value;
    }
}
