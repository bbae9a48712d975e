package dev.participation.groups.internal.store;

import static dev.participation.groups.GroupExamples.MANAGER;
import static dev.participation.groups.GroupExamples.forum;
import static dev.participation.groups.GroupExamples.withChoices;
import static dev.participation.groups.GroupExamples.withFeedsInto;
import static dev.participation.groups.GroupExamples.withText;
import static dev.participation.groups.GroupExamples.withWho;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.participation.api.audit.AuditEntry;
import dev.participation.api.widget.Message;
import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.GroupChanged;
import dev.participation.groups.api.GroupDetails;
import dev.participation.groups.api.GroupProblem;
import dev.participation.groups.api.Meetings;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.Place;
import dev.participation.groups.api.PublicGroup;
import dev.participation.groups.api.SchoolYear;
import dev.participation.groups.api.WhoFor;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

@OwnSchema(GroupSchema.NAME)
class GroupStoreTest {

    TestStorage db;
    AuditLogStore audit;
    GroupStore groups;

    @BeforeEach
    void createStore(TestStorage db) {
        this.db = db;
        audit = new AuditLogStore(db.platform(), db.clock());
        groups = new GroupStore(db.storage(), audit, db.clock());
    }

    List<String> auditActions(long id) {
        return audit.forRecord("group", String.valueOf(id)).stream().map(AuditEntry::action).toList();
    }

    @StoreTest
    void aGroupIsKeptWithEveryDetailAndThePublicSeesAllButItsManager() {
        GroupDetails details = new GroupDetails("Children in Care Council", "Have your say on care.",
                "Members talk with senior managers about what living in care is like.\nWe meet with food.",
                new WhoFor(11, 18, SchoolYear.YEAR_7, SchoolYear.YEAR_13, Set.of(Eligibility.IN_CARE,
                        Eligibility.CARE_LEAVER)),
                new Meetings("Monthly, on a Thursday after school", false),
                new Place("Central", "Youth Centre, High Street", Attendance.BOTH), "A lift and a hearing loop.",
                Membership.WAITING_LIST, FeedsInto.board("Corporate Parenting Board", 3), MANAGER,
                "https://images.example.org/cicc.jpg", "Members of the council at a meeting",
                LocalDate.of(2026, 2, 1));

        Group created = groups.create("children-in-care-council", details, "editor");

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.details()).isEqualTo(details);
        assertThat(created.updatedBy()).isEqualTo("editor");
        assertThat(groups.group(created.id())).contains(created);
        assertThat(groups.all()).containsExactly(created);
        PublicGroup seen = groups.find("children-in-care-council").orElseThrow();
        assertThat(seen).isEqualTo(created.publicView());
        assertThat(seen.toString()).doesNotContain(MANAGER);
        assertThat(groups.find("no-such-group")).isEmpty();
        assertThat(groups.find("youth\u0000forum")).as("a forged address PostgreSQL would refuse finds nothing").isEmpty();
        assertThat(groups.find(null)).isEmpty();
        assertThat(auditActions(created.id())).containsExactly("group.create");
    }

    @StoreTest
    void aGroupWithNoLimitsKeepsItsEmptyFields() {
        GroupDetails online = new GroupDetails("Parent Carer Forum", "Parents and carers of children with SEND.", "",
                WhoFor.anyAge(Eligibility.PARENT_OR_CARER), new Meetings("", false),
                new Place("", "", Attendance.ONLINE), "", Membership.OPEN, FeedsInto.NOWHERE, MANAGER, "", "", null);
        Group created = groups.create("parent-carer-forum", online, "editor");
        assertThat(groups.group(created.id()).orElseThrow().details()).isEqualTo(online);
    }

    @StoreTest
    void aMalformedOrTakenAddressIsRefusedBesideTheAddress() {
        groups.create("youth-council", forum("Youth Council"), "editor");

        GroupProblem taken = catchThrowableOfType(GroupProblem.class,
                () -> groups.create("youth-council", forum("Another council"), "editor"));
        assertThat(taken.errors()).containsExactly(Map.entry("slug", Message.of("groups.error.slugTaken")));
        GroupProblem malformed = catchThrowableOfType(GroupProblem.class,
                () -> groups.create("Youth Council!", forum("Youth Council"), "editor"));
        assertThat(malformed.errors()).containsOnlyKeys("slug");
        assertThat(groups.all()).hasSize(1);
    }

    @StoreTest
    void invalidDetailsAreRefusedWithEveryProblemAndNothingIsStored() {
        GroupProblem problem = catchThrowableOfType(GroupProblem.class, () -> groups.create("forum",
                withWho(withText(forum("x"), "", "s", ""), WhoFor.ages(18, 11, Eligibility.OPEN_TO_ALL)), "editor"));
        assertThat(problem.errors()).containsOnlyKeys("name", "whoFor.oldest");
        assertThat(groups.all()).isEmpty();
        assertThat(audit.recent(10)).isEmpty();
    }

    @StoreTest
    void aReviewDateIsJudgedByTheStoresClock() {
        LocalDate tomorrow = LocalDate.now(db.clock()).plusDays(1);
        GroupDetails reviewedTomorrow = withChoices(forum("Forum"),
                Membership.OPEN, tomorrow, MANAGER);
        assertThatThrownBy(() -> groups.create("forum", reviewedTomorrow, "editor")).isInstanceOf(GroupProblem.class);
        db.clock().advance(Duration.ofDays(1));
        assertThat(groups.create("forum", reviewedTomorrow, "editor").details().lastReviewed()).isEqualTo(tomorrow);
    }

    @StoreTest
    void anEditorsSaveIsKeptAndAudited() {
        Group created = groups.create("youth-forum", forum("Youth Forum"), "editor");
        db.clock().advance(Duration.ofMinutes(5));

        Group saved = groups.update(created.id(), 1, withText(forum("Youth Forum"), "Youth Forum North",
                "Now in the north too.", ""), "second.editor");

        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.details().name()).isEqualTo("Youth Forum North");
        assertThat(saved.updatedBy()).isEqualTo("second.editor");
        assertThat(saved.updatedAt()).isEqualTo(created.updatedAt().plus(Duration.ofMinutes(5)));
        assertThat(groups.find("youth-forum").orElseThrow().summary()).isEqualTo("Now in the north too.");
        assertThat(audit.forRecord("group", String.valueOf(created.id()))).last().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("second.editor");
            assertThat(entry.action()).isEqualTo("group.update");
            assertThat(entry.detail()).contains("Youth Forum North").contains("version 2");
        });
    }

    @StoreTest
    void aSaveFromAStaleVersionIsRefusedWithWhatTheOtherEditorSaved() {
        Group created = groups.create("youth-forum", forum("Youth Forum"), "editor");
        groups.update(created.id(), 1, withText(forum("x"), "First editor's name", "First summary", ""), "first");

        GroupChanged changed = catchThrowableOfType(GroupChanged.class, () -> groups.update(created.id(), 1,
                withText(forum("x"), "Second editor's name", "Second summary", ""), "second"));

        assertThat(changed.current().version()).isEqualTo(2);
        assertThat(changed.current().details().name()).isEqualTo("First editor's name");
        assertThat(changed.current().updatedBy()).isEqualTo("first");
        assertThat(groups.group(created.id()).orElseThrow().details().name()).isEqualTo("First editor's name");
        assertThat(auditActions(created.id())).containsExactly("group.create", "group.update");
    }

    @StoreTest
    void ofTwoSavesFromOneVersionAtTheSameMomentExactlyOneLands() throws Exception {
        Group created = groups.create("youth-forum", forum("Youth Forum"), "editor");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService editors = Executors.newFixedThreadPool(2);
        try {
            List<Future<Group>> saves = new ArrayList<>();
            for (String editor : List.of("first", "second")) {
                Callable<Group> save = () -> {
                    together.await(5, TimeUnit.SECONDS);
                    return groups.update(created.id(), 1, withText(forum("x"), editor + "'s name", "s", ""), editor);
                };
                saves.add(editors.submit(save));
            }
            int landed = 0;
            int refused = 0;
            for (Future<Group> save : saves) {
                try {
                    save.get(30, TimeUnit.SECONDS);
                    landed++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(GroupChanged.class);
                    refused++;
                }
            }
            assertThat(landed).isEqualTo(1);
            assertThat(refused).isEqualTo(1);
        } finally {
            editors.shutdownNow();
        }
        Group now = groups.group(created.id()).orElseThrow();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.details().name()).isEqualTo(now.updatedBy() + "'s name");
    }

    @StoreTest
    void savingAGroupThatDoesNotExistSaysSo() {
        assertThatThrownBy(() -> groups.update(404, 1, forum("x"), "editor")).isInstanceOf(NoSuchElementException.class);
    }

    @StoreTest
    void aGroupFeedsOnlyIntoAGroupThatExistsAndNotIntoItself() {
        groups.create("youth-cabinet", forum("Youth Cabinet"), "editor");
        Group council = groups.create("youth-council", withFeedsInto(forum("Youth Council"),
                FeedsInto.group("youth-cabinet", 2)), "editor");
        assertThat(groups.find("youth-council").orElseThrow().feedsInto()).isEqualTo(FeedsInto.group("youth-cabinet", 2));

        GroupProblem unknown = catchThrowableOfType(GroupProblem.class, () -> groups.create("primary-parliament",
                withFeedsInto(forum("Primary Parliament"), FeedsInto.group("no-such-group", 1)), "editor"));
        assertThat(unknown.errors()).containsExactly(
                Map.entry("feedsInto.group", Message.of("groups.error.feedsIntoUnknown")));
        GroupProblem itself = catchThrowableOfType(GroupProblem.class, () -> groups.update(council.id(), 1,
                withFeedsInto(forum("Youth Council"), FeedsInto.group("youth-council", 1)), "editor"));
        assertThat(itself.errors()).containsExactly(
                Map.entry("feedsInto.group", Message.of("groups.error.feedsIntoItself")));
    }
}
