package dev.participation.groups.internal.store;

import static dev.participation.groups.GroupExamples.forum;
import static dev.participation.groups.GroupExamples.withPlace;
import static dev.participation.groups.GroupExamples.withText;
import static dev.participation.groups.GroupExamples.withWho;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.DirectoryPage;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.GroupDetails;
import dev.participation.groups.api.GroupQuery;
import dev.participation.groups.api.PublicGroup;
import dev.participation.groups.api.SchoolYear;
import dev.participation.groups.api.WhoFor;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

@OwnSchema(GroupSchema.NAME)
class DirectorySearchTest {

    GroupStore groups;

    @BeforeEach
    void createStore(TestStorage db) {
        groups = new GroupStore(db.storage(), new AuditLogStore(db.platform(), db.clock()), db.clock());
    }

    void add(String slug, String name, WhoFor who, String area, Attendance attendance) {
        groups.create(slug, withPlace(withWho(withText(forum(name), name, "A group for " + name, ""), who), area,
                attendance), "editor");
    }

    /** Groups shaped like the seeds' (only what the search looks at matters here). */
    void addTheBoroughsGroups() {
        add("youth-cabinet", "Youth Cabinet", WhoFor.ages(16, 19, Eligibility.OPEN_TO_ALL), "Central",
                Attendance.IN_PERSON);
        add("primary-parliament", "Primary Parliament",
                WhoFor.schoolYears(SchoolYear.YEAR_5, SchoolYear.YEAR_6, Eligibility.OPEN_TO_ALL), "Central",
                Attendance.IN_PERSON);
        add("children-in-care-council", "Children in Care Council",
                WhoFor.ages(11, 18, Eligibility.IN_CARE, Eligibility.CARE_LEAVER), "North", Attendance.BOTH);
        add("care-leavers-forum", "Care Leavers Forum", WhoFor.ages(16, 25, Eligibility.CARE_LEAVER), "South",
                Attendance.ONLINE);
        add("young-carers-forum", "Young Carers Forum", WhoFor.ages(5, 19, Eligibility.YOUNG_CARER), "North",
                Attendance.IN_PERSON);
        add("parent-carer-forum", "Parent Carer Forum", WhoFor.anyAge(Eligibility.PARENT_OR_CARER), "",
                Attendance.ONLINE);
        add("send-voices", "SEND Voices", WhoFor.ages(11, 25, Eligibility.SEND), "South", Attendance.BOTH);
        add("youth-council", "Youth Council", WhoFor.ages(11, 19, Eligibility.OPEN_TO_ALL), "South",
                Attendance.BOTH);
    }

    static GroupQuery query(String text, Integer age, Set<Eligibility> whoFor, Set<String> areas,
            Set<Attendance> ways) {
        return new GroupQuery(text, age, whoFor, areas, ways, 0, 20);
    }

    static List<String> slugs(DirectoryPage page) {
        return page.groups().stream().map(PublicGroup::slug).toList();
    }

    @StoreTest
    void aFifteenYearOldCareLeaverFindsTheGroupsThatFitThemWithCountsForEveryOtherChoice() {
        addTheBoroughsGroups();

        DirectoryPage page = groups.search(query("", 15, Set.of(Eligibility.CARE_LEAVER), Set.of(), Set.of()));

        // The Care Leavers Forum starts at 16; the Youth Council is open to all 11 to 19 year olds.
        assertThat(slugs(page)).containsExactly("children-in-care-council", "youth-council");
        assertThat(page.total()).isEqualTo(2);
        // Each situation counts its own groups plus the Youth Council, open to all (and fifteen-year-olds).
        assertThat(page.facets().whoFor()).containsAllEntriesOf(Map.of(Eligibility.IN_CARE, 2,
                Eligibility.CARE_LEAVER, 2, Eligibility.SEND, 2, Eligibility.YOUNG_CARER, 2,
                Eligibility.PARENT_OR_CARER, 2, Eligibility.LGBT_PLUS, 1, Eligibility.OPEN_TO_ALL, 1));
        // Areas and ways count under the care-leaver tick; Central has nothing for fifteen-year-olds.
        assertThat(page.facets().areas()).containsExactly(Map.entry("North", 1), Map.entry("South", 1));
        assertThat(page.facets().ways()).containsAllEntriesOf(Map.of(Attendance.IN_PERSON, 2, Attendance.ONLINE, 2));
    }

    @StoreTest
    void ticksInOneFacetWidenAndTicksInAnotherNarrow() {
        addTheBoroughsGroups();

        DirectoryPage page = groups.search(query("", 15, Set.of(Eligibility.CARE_LEAVER), Set.of("South"),
                Set.of(Attendance.ONLINE)));

        assertThat(slugs(page)).containsExactly("youth-council");
        assertThat(page.facets().areas()).containsExactly(Map.entry("North", 1), Map.entry("South", 1));
        assertThat(page.facets().ways()).containsAllEntriesOf(Map.of(Attendance.IN_PERSON, 1, Attendance.ONLINE, 1));
        assertThat(page.facets().whoFor()).containsAllEntriesOf(Map.of(Eligibility.SEND, 2, Eligibility.IN_CARE, 1));

        DirectoryPage wider = groups.search(query("", 15, Set.of(Eligibility.CARE_LEAVER, Eligibility.SEND),
                Set.of("South", "North"), Set.of(Attendance.ONLINE)));
        assertThat(slugs(wider)).containsExactly("children-in-care-council", "send-voices", "youth-council");
    }

    @StoreTest
    void ageFindsGroupsWhoseRangeOrSchoolYearsIncludeIt() {
        addTheBoroughsGroups();

        assertThat(slugs(groups.search(query("", 10, Set.of(), Set.of(), Set.of())))).containsExactly(
                "parent-carer-forum", "primary-parliament", "young-carers-forum");
        assertThat(slugs(groups.search(query("", 25, Set.of(), Set.of(), Set.of())))).containsExactly(
                "care-leavers-forum", "parent-carer-forum", "send-voices");
        // A parent of forty finds the group with no age limit.
        assertThat(slugs(groups.search(query("", 40, Set.of(), Set.of(), Set.of()))))
                .containsExactly("parent-carer-forum");
        assertThat(groups.search(query("", null, Set.of(), Set.of(), Set.of())).total()).isEqualTo(8);
    }

    @StoreTest
    void wordsAreFoundInTheNameSummaryOrDescriptionWhateverTheirCaseOrPlural() {
        groups.create("young-carers-forum", withText(forum("x"), "Young Carers Forum", "Time out with friends.",
                "Activities for children who look after someone at home."), "editor");
        groups.create("parent-carer-forum", withText(forum("x"), "Parent Carer Forum",
                "For parents and carers of disabled children.", ""), "editor");
        groups.create("youth-council", withText(forum("x"), "Youth Council", "Make the city better.",
                "We run the Café Débat every term."), "editor");

        assertThat(slugs(groups.search(query("CARER", null, Set.of(), Set.of(), Set.of()))))
                .containsExactly("parent-carer-forum", "young-carers-forum");
        assertThat(slugs(groups.search(query("disabled children", null, Set.of(), Set.of(), Set.of()))))
                .containsExactly("parent-carer-forum");
        assertThat(slugs(groups.search(query("children home", null, Set.of(), Set.of(), Set.of()))))
                .containsExactly("young-carers-forum");
        assertThat(slugs(groups.search(query("cafe debat", null, Set.of(), Set.of(), Set.of()))))
                .containsExactly("youth-council");
        assertThat(groups.search(query("skateboarding", null, Set.of(), Set.of(), Set.of())).total()).isZero();
    }

    @StoreTest
    void aChangedDescriptionIsFoundByItsNewWordsOnly() {
        Group group = groups.create("youth-council", withText(forum("x"), "Youth Council", "s", "We plant trees."),
                "editor");
        groups.update(group.id(), group.version(), withText(forum("x"), "Youth Council", "s", "We paint murals."),
                "editor");

        assertThat(groups.search(query("trees", null, Set.of(), Set.of(), Set.of())).total()).isZero();
        assertThat(groups.search(query("murals", null, Set.of(), Set.of(), Set.of())).total()).isEqualTo(1);
    }

    @StoreTest
    void aNodeSearchesWhatAnotherNodeSharingTheDatabaseHasJustSaved(TestStorage db) {
        GroupStore otherNode = new GroupStore(db.storage(), new AuditLogStore(db.platform(), db.clock()), db.clock());
        Group council = groups.create("youth-council", withText(forum("x"), "Youth Council", "s", "We plant trees."),
                "editor");
        assertThat(groups.search(query("trees", 15, Set.of(), Set.of(), Set.of())).total()).isEqualTo(1);

        otherNode.update(council.id(), council.version(), withWho(withText(forum("x"), "Youth Council", "s",
                "We paint murals."), WhoFor.ages(16, 19, Eligibility.OPEN_TO_ALL)), "editor");
        otherNode.create("care-leavers-forum", withText(forum("x"), "Care Leavers Forum", "s", "We paint too."),
                "editor");

        assertThat(groups.search(query("trees", null, Set.of(), Set.of(), Set.of())).total()).isZero();
        assertThat(slugs(groups.search(query("paint", 15, Set.of(), Set.of(), Set.of()))))
                .containsExactly("care-leavers-forum");
        assertThat(slugs(groups.search(query("paint", 17, Set.of(), Set.of(), Set.of()))))
                .containsExactly("care-leavers-forum", "youth-council");
    }

    @StoreTest
    void resultsComeInAlphabeticalOrderOnEveryDatabaseAndPagesDoNotOverlap() {
        for (String name : List.of("youth Voice", "'Young' Carers", "Zebra Club", "Ábaco Group", "Able Forum",
                "Youth voice", "42nd Scouts")) {
            groups.create(SearchWords.sortKey(name) + "-" + name.length() + (name.startsWith("Youth") ? "a" : "b"),
                    forum(name), "editor");
        }
        List<String> expected = List.of("42nd Scouts", "Ábaco Group", "Able Forum", "'Young' Carers", "youth Voice",
                "Youth voice", "Zebra Club");

        List<String> seen = new ArrayList<>();
        for (int first = 0; first < 8; first += 3) {
            DirectoryPage page = groups.search(new GroupQuery("", null, Set.of(), Set.of(), Set.of(), first, 3));
            assertThat(page.total()).isEqualTo(7);
            page.groups().forEach(g -> seen.add(g.name()));
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(groups.all()).extracting(g -> g.details().name()).containsExactlyElementsOf(expected);
    }

    @StoreTest
    void aQueryTheDirectoryCannotAnswerIsRefusedBeforeReachingTheDatabase() {
        assertThatThrownBy(() -> query("", -1, Set.of(), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query("", 200, Set.of(), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupQuery("", null, Set.of(), Set.of(), Set.of(), 0, 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Many groups and many searches, each checked against counting the same groups by hand. */
    @StoreTest
    void resultsAndCountsMatchFilteringEveryGroupByHand() {
        Random random = new Random(9);
        List<String> vocabulary = List.of("art", "music", "sport", "council", "forum", "voice", "games", "cooking");
        List<String> areas = List.of("North", "South", "Central", "East", "");
        List<Eligibility> tags = List.of(Eligibility.values());
        List<GroupDetails> made = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int youngest = random.nextInt(20);
            WhoFor who = new WhoFor(random.nextInt(4) == 0 ? null : youngest,
                    random.nextInt(4) == 0 ? null : youngest + random.nextInt(6), null, null,
                    EnumSet.of(tags.get(random.nextInt(tags.size())), tags.get(random.nextInt(tags.size()))));
            String area = areas.get(random.nextInt(areas.size()));
            Attendance attendance = area.isEmpty() ? Attendance.ONLINE
                    : Attendance.values()[random.nextInt(Attendance.values().length)];
            String words = vocabulary.get(random.nextInt(vocabulary.size())) + " "
                    + vocabulary.get(random.nextInt(vocabulary.size()));
            GroupDetails details = withPlace(withWho(withText(forum("x"), "Group " + i, words, ""), who), area,
                    attendance);
            groups.create("group-" + i, details, "editor");
            made.add(details);
        }

        for (int q = 0; q < 40; q++) {
            String text = random.nextInt(3) == 0 ? vocabulary.get(random.nextInt(vocabulary.size())) : "";
            Integer age = random.nextInt(3) == 0 ? null : random.nextInt(26);
            Set<Eligibility> ticked = EnumSet.noneOf(Eligibility.class);
            for (int t = random.nextInt(3); t > 0; t--) {
                ticked.add(tags.get(random.nextInt(tags.size())));
            }
            Set<String> inAreas = random.nextBoolean() ? Set.of() : Set.of(areas.get(random.nextInt(4)));
            Set<Attendance> ways = random.nextBoolean() ? Set.of()
                    : Set.of(random.nextBoolean() ? Attendance.ONLINE : Attendance.IN_PERSON);
            GroupQuery query = new GroupQuery(text, age, ticked, inAreas, ways, 0, 100);

            DirectoryPage page = groups.search(query);

            Predicate<GroupDetails> base = g -> (text.isEmpty() || g.summary().contains(text))
                    && (age == null || g.whoFor().fitsAge(age));
            Predicate<GroupDetails> tagOk = g -> ticked.isEmpty() || fits(g, ticked);
            Predicate<GroupDetails> areaOk = g -> inAreas.isEmpty() || inAreas.contains(g.place().area());
            Predicate<GroupDetails> wayOk = g -> ways.isEmpty() || ways.stream().anyMatch(g.place().attendance()::allows);
            List<String> expected = made.stream().filter(base.and(tagOk).and(areaOk).and(wayOk))
                    .map(GroupDetails::name).sorted((a, b) -> SearchWords.sortKey(a).compareTo(SearchWords.sortKey(b)))
                    .toList();
            assertThat(page.groups()).as("query %s", query).extracting(PublicGroup::name)
                    .containsExactlyElementsOf(expected);
            assertThat(page.total()).isEqualTo(expected.size());

            Map<Eligibility, Integer> whoFor = new EnumMap<>(Eligibility.class);
            for (Eligibility tag : Eligibility.values()) {
                whoFor.put(tag, (int) made.stream().filter(base.and(areaOk).and(wayOk))
                        .filter(g -> fits(g, Set.of(tag))).count());
            }
            Map<String, Integer> areaCounts = new TreeMap<>();
            made.stream().filter(base).filter(g -> !g.place().area().isEmpty())
                    .forEach(g -> areaCounts.merge(g.place().area(), tagOk.and(wayOk).test(g) ? 1 : 0, Integer::sum));
            Map<Attendance, Integer> wayCounts = new EnumMap<>(Attendance.class);
            for (Attendance way : List.of(Attendance.IN_PERSON, Attendance.ONLINE)) {
                wayCounts.put(way, (int) made.stream().filter(base.and(tagOk).and(areaOk))
                        .filter(g -> g.place().attendance().allows(way)).count());
            }
            assertThat(page.facets().whoFor()).as("query %s", query).isEqualTo(whoFor);
            assertThat(page.facets().areas()).as("query %s", query).isEqualTo(areaCounts);
            assertThat(page.facets().ways()).as("query %s", query).isEqualTo(wayCounts);
        }
    }

    private static boolean fits(GroupDetails group, Set<Eligibility> ticked) {
        Set<Eligibility> its = group.whoFor().eligibility();
        return its.contains(Eligibility.OPEN_TO_ALL) || ticked.stream().anyMatch(its::contains);
    }
}
