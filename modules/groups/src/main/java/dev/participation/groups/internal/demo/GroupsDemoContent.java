package dev.participation.groups.internal.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.ResourceBundle;
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
import dev.participation.kit.i18n.LanguageBundles;

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

    private static final LanguageBundles DEMO = new LanguageBundles(GroupsDemoContent.class,
            "dev/participation/groups/demo/Demo");

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
        ResourceBundle words = DEMO.forLocale(Locale.ROOT);
        for (String slug : words.getString("groups").split(",")) {
            // A group an editor already made at this address is theirs: leave it.
            if (groups.find(slug.strip()).isEmpty()) {
                groups.create(slug.strip(), details(words, slug.strip()), actor);
            }
        }
    }

    static GroupDetails details(ResourceBundle words, String slug) {
        String p = slug + ".";
        WhoFor who = new WhoFor(number(words, p + "youngest"), number(words, p + "oldest"),
                year(words, p + "firstYear"), year(words, p + "lastYear"), eligibility(words, p + "eligibility"));
        FeedsInto feedsInto = new FeedsInto(optional(words, p + "group"), optional(words, p + "board"),
                words.containsKey(p + "seats") ? Integer.parseInt(words.getString(p + "seats")) : 0);
        return new GroupDetails(words.getString(p + "name"), words.getString(p + "summary"),
                optional(words, p + "description"), who,
                new Meetings(optional(words, p + "when"), Boolean.parseBoolean(optional(words, p + "termTimeOnly"))),
                new Place(optional(words, p + "area"), optional(words, p + "venue"),
                        known(Attendance.fromKey(words.getString(p + "attendance")).orElse(null), p + "attendance")),
                optional(words, p + "accessibility"),
                known(Membership.fromKey(words.getString(p + "membership")).orElse(null), p + "membership"),
                feedsInto, words.getString("manager"), optional(words, p + "image"), optional(words, p + "alt"),
                words.containsKey(p + "reviewed") ? LocalDate.parse(words.getString(p + "reviewed")) : null);
    }

    private static Set<Eligibility> eligibility(ResourceBundle words, String key) {
        Set<Eligibility> eligibility = EnumSet.noneOf(Eligibility.class);
        for (String name : words.getString(key).split(",")) {
            eligibility.add(known(Eligibility.fromKey(name.strip()).orElse(null), key));
        }
        return eligibility;
    }

    private static Integer number(ResourceBundle words, String key) {
        return words.containsKey(key) ? Integer.valueOf(words.getString(key)) : null;
    }

    private static SchoolYear year(ResourceBundle words, String key) {
        return words.containsKey(key) ? known(SchoolYear.ofNumber(Integer.parseInt(words.getString(key))).orElse(null),
                key) : null;
    }

    private static <T> T known(T value, String key) {
        if (value == null) {
            throw new IllegalStateException("Unknown value in the groups demo: " + key);
        }
        return value;
    }

    private static String optional(ResourceBundle words, String key) {
        return words.containsKey(key) ? words.getString(key) : "";
    }
}
