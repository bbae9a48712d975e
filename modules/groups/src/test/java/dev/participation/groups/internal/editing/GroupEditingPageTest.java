package dev.participation.groups.internal.editing;

import static dev.participation.groups.GroupExamples.forum;
import static dev.participation.testing.Rendered.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;

import dev.participation.api.account.Account;
import dev.participation.api.account.Accounts;
import dev.participation.api.audit.AuditEntry;
import dev.participation.api.widget.CsrfField;
import dev.participation.api.widget.Links;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffRequest;
import dev.participation.groups.api.Attendance;
import dev.participation.groups.api.Eligibility;
import dev.participation.groups.api.FeedsInto;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.GroupDetails;
import dev.participation.groups.api.Membership;
import dev.participation.groups.api.SchoolYear;
import dev.participation.groups.internal.store.GroupStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.testing.FakeStaffRequest;
import dev.participation.testing.People;
import dev.participation.testing.StaffPosts;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

/**
 * The editors' group pages on the real store, each test on H2 and PostgreSQL: the list with its
 * review hints, adding and changing every detail, every field's bad input explained beside it and
 * in the summary with everything typed kept, and two editors saving the same group. The clock
 * starts on Monday 2 March 2026 ({@link TestStorage#START}).
 */
@OwnSchema("groups") // GroupSchema.NAME, which the store keeps to itself
class GroupEditingPageTest {

    static final Person WORKER = new Person("pat.worker", "Pat Worker", Set.of(Roles.STAFF));
    static final Person FORMER = new Person("gone.worker", "Gone Worker", Set.of(Roles.STAFF));
    static final Person VISITOR = new Person("vic", "Vic Visitor", Set.of());

    TestStorage db;
    AuditLogStore audit;
    GroupStore groups;
    GroupEditingPage page;
    StaffPosts posts;

    @BeforeEach
    void open(TestStorage db) {
        this.db = db;
        audit = new AuditLogStore(db.platform(), db.clock());
        groups = new GroupStore(db.storage(), audit, db.clock());
        Accounts accounts = mock(Accounts.class);
        when(accounts.all()).thenReturn(List.of(new Account(WORKER, true, false, 1),
                new Account(FORMER, false, false, 1), new Account(VISITOR, true, false, 1),
                new Account(People.EDITOR, true, false, 1), new Account(People.ADMIN, true, false, 1)));
        when(accounts.find("pat.worker")).thenReturn(Optional.of(WORKER));
        when(accounts.find("edith")).thenReturn(Optional.of(People.EDITOR));
        page = new GroupEditingPage(groups, db.clock(), accounts);
        posts = StaffPosts.of(page, List.of(new GroupEditingPage.Save(page)));
    }

    /** A filled-in form for a new group, which a test then changes one field of. */
    static Map<String, List<String>> complete() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("slug", List.of("care-leavers-forum"));
        form.put("name", List.of("Care Leavers Forum"));
        form.put("summary", List.of("Care leavers shaping the council's Local Offer."));
        form.put("description", List.of("We meet over food.\n\nWe check the Local Offer every year."));
        form.put("whoFor.youngest", List.of("16"));
        form.put("whoFor.oldest", List.of("25"));
        form.put("whoFor.firstYear", List.of(""));
        form.put("whoFor.lastYear", List.of(""));
        form.put("whoFor.eligibility", List.of("care-leaver", "lgbt-plus"));
        form.put("meetings.when", List.of("First Monday of the month, 6pm"));
        form.put("meetings.termTimeOnly", List.of("true"));
        form.put("place.area", List.of("Central"));
        form.put("place.venue", List.of("The Base, Market Street"));
        form.put("place.attendance", List.of("both"));
        form.put("accessibility", List.of("Lift to every floor."));
        form.put("membership", List.of("waiting-list"));
        form.put("feedsInto.group", List.of(""));
        form.put("feedsInto.board", List.of("Corporate Parenting Board"));
        form.put("feedsInto.seats", List.of("3"));
        form.put("manager", List.of("pat.worker"));
        form.put("imageUrl", List.of("https://images.example.org/forum.jpg"));
        form.put("imageAlt", List.of("Young people cooking together"));
        form.put("lastReviewed-day", List.of("1"));
        form.put("lastReviewed-month", List.of("3"));
        form.put("lastReviewed-year", List.of("2026"));
        form.put("version", List.of(""));
        return form;
    }

    static Map<String, List<String>> with(Map<String, List<String>> form, String field, String... values) {
        Map<String, List<String>> changed = new LinkedHashMap<>(form);
        changed.put(field, List.of(values));
        return changed;
    }

    private PostOutcome post(String path, Map<String, List<String>> form) {
        return posts.post(new Posted(FakeStaffRequest.to(GroupEditingPage.KEY, path, People.EDITOR), form));
    }


    private Document screen(String path) {
        return Jsoup.parseBodyFragment(page.render(FakeStaffRequest.to(GroupEditingPage.KEY, path, People.EDITOR))
                .html());
    }

    @StoreTest
    void aNewGroupLeftWithoutAnAddressGetsOneMadeFromItsName() {
        PostOutcome added = post("new", with(with(complete(), "slug", ""), "name", "Climate Action Crew!"));

        assertThat(added).isInstanceOf(PostOutcome.Done.class);
        assertThat(groups.all()).extracting(Group::slug).containsExactly("climate-action-crew");
    }

    @StoreTest
    void anEditorAddsAGroupWithEveryDetailAndTheSaveIsAudited() {
        PostOutcome added = post("new", complete());

        assertThat(added).isEqualTo(PostOutcome.done("/intranet/groups/",
                Message.of("groups.editing.saved", "Care Leavers Forum")));
        Group saved = groups.all().get(0);
        GroupDetails d = saved.details();
        assertThat(saved.slug()).isEqualTo("care-leavers-forum");
        assertThat(d.whoFor().youngest()).isEqualTo(16);
        assertThat(d.whoFor().oldest()).isEqualTo(25);
        assertThat(d.whoFor().eligibility()).containsExactlyInAnyOrder(Eligibility.CARE_LEAVER,
                Eligibility.LGBT_PLUS);
        assertThat(d.meetings().termTimeOnly()).isTrue();
        assertThat(d.place().attendance()).isEqualTo(Attendance.BOTH);
        assertThat(d.membership()).isEqualTo(Membership.WAITING_LIST);
        assertThat(d.feedsInto()).isEqualTo(FeedsInto.board("Corporate Parenting Board", 3));
        assertThat(d.manager()).isEqualTo("pat.worker");
        assertThat(d.imageAlt()).isEqualTo("Young people cooking together");
        assertThat(d.lastReviewed()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(audit.forRecord("group", String.valueOf(saved.id()))).extracting(AuditEntry::action,
                AuditEntry::actor).containsExactly(org.assertj.core.groups.Tuple.tuple("group.create", "edith"));
    }

    @StoreTest
    void theFormShowsEveryDetailAsSavedAndTheManagerIsChosenFromStaff() {
        post("new", complete());
        Group saved = groups.all().get(0);

        Document form = screen(Long.toString(saved.id()));

        assertThat(form.select("#name").val()).isEqualTo("Care Leavers Forum");
        assertThat(form.select("#slug")).isEmpty();
        assertThat(form.text()).contains("care-leavers-forum");
        assertThat(form.select("input[name=whoFor.eligibility][checked]").eachAttr("value"))
                .containsExactlyInAnyOrder("care-leaver", "lgbt-plus");
        assertThat(form.select("input[name=place.attendance][checked]").val()).isEqualTo("both");
        assertThat(form.select("input[name=membership][checked]").val()).isEqualTo("waiting-list");
        assertThat(form.select("#meetings\\.termTimeOnly").hasAttr("checked")).isTrue();
        assertThat(form.select("#lastReviewed-day").val()).isEqualTo("1");
        assertThat(form.select("#feedsInto\\.seats").val()).isEqualTo("3");
        // Enabled staff, editors and administrators only; not a disabled account, not a visitor.
        assertThat(form.select("#manager option").eachAttr("value")).containsExactly("", "ada", "edith",
                "pat.worker");
        assertThat(form.select("#manager option[selected]").text()).isEqualTo("Pat Worker (pat.worker)");
    }

    @StoreTest
    void theListShowsMembershipAndWhichGroupsAreDueAReview() {
        post("new", complete());
        post("new", with(with(with(complete(), "slug", "youth-cabinet"), "name", "Youth Cabinet"),
                "lastReviewed-year", "2024"));
        post("new", with(with(with(with(with(complete(), "slug", "young-carers"), "name", "Young Carers"),
                "lastReviewed-day", ""), "lastReviewed-month", ""), "lastReviewed-year", ""));

        Document list = screen("");

        assertThat(list.select("tbody th a").eachText()).containsExactly("Care Leavers Forum", "Young Carers",
                "Youth Cabinet");
        assertThat(list.select("tbody tr").get(0).text()).contains("Waiting list", "1 March 2026")
                .doesNotContain("Review due");
        assertThat(list.select("tbody tr").get(1).text()).contains("Never", "Review due");
        assertThat(list.select("tbody tr").get(2).text()).contains("1 March 2024", "Review due");
        assertThat(list.select("a.govuk-button").attr("href")).isEqualTo("/intranet/groups/new");
    }

    @StoreTest
    void everyFieldsBadInputIsExplainedBesideItAndInTheSummaryAndEverythingTypedIsKept() {
        Map<String, List<String>> bad = complete();
        bad = with(bad, "slug", "Not A Slug");
        bad = with(bad, "name", "");
        bad = with(bad, "summary", "s".repeat(301));
        bad = with(bad, "whoFor.youngest", "-1");
        bad = with(bad, "whoFor.oldest", "200");
        bad = with(bad, "whoFor.firstYear", "year-5");
        bad = with(bad, "whoFor.eligibility");
        bad = with(bad, "meetings.when", "<script>alert(1)</script>" + "w".repeat(300));
        bad = with(bad, "place.attendance", "teleport");
        bad = with(bad, "membership", "");
        bad = with(bad, "feedsInto.group", "youth-cabinet");
        bad = with(bad, "feedsInto.seats", "lots");
        bad = with(bad, "manager", "gone.worker");
        bad = with(bad, "imageUrl", "javascript:alert(1)");
        bad = with(bad, "imageAlt", "");
        bad = with(bad, "lastReviewed-day", "31");
        bad = with(bad, "lastReviewed-month", "2");

        Document again = invalid(post("new", bad));

        // In the order the fields appear on the form.
        assertThat(again.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#name", "#slug",
                "#summary", "#whoFor.youngest", "#whoFor.oldest", "#whoFor.lastYear", "#whoFor.eligibility",
                "#meetings.when", "#place.attendance", "#membership", "#feedsInto.board", "#feedsInto.seats",
                "#manager", "#imageUrl", "#imageAlt", "#lastReviewed-day");
        // Each summary entry's text is also beside its field.
        for (String text : again.select(".govuk-error-summary a").eachText()) {
            assertThat(again.select(".govuk-error-message").eachText()).anyMatch(m -> m.endsWith(text));
        }
        assertThat(again.select("#whoFor\\.youngest-error").text()).contains("Enter an age from 0 to 25");
        assertThat(again.select("#feedsInto\\.seats-error").text()).contains("whole number");
        assertThat(again.select("#lastReviewed-error").text()).contains("real date");
        assertThat(again.select("#slug").val()).isEqualTo("Not A Slug");
        assertThat(again.select("#summary").text()).isEqualTo("s".repeat(301));
        assertThat(again.select("#whoFor\\.oldest").val()).isEqualTo("200");
        assertThat(again.select("#meetings\\.when").val()).startsWith("<script>");
        assertThat(again.select("script")).isEmpty();
        assertThat(again.select("#feedsInto\\.board").val()).isEqualTo("Corporate Parenting Board");
        assertThat(again.select("#feedsInto\\.seats").val()).isEqualTo("lots");
        assertThat(again.select("#imageUrl").val()).isEqualTo("javascript:alert(1)");
        assertThat(again.select("#lastReviewed-day").val()).isEqualTo("31");
        assertThat(again.select("#description").text()).contains("We meet over food.");
        assertThat(groups.all()).isEmpty();
    }

    @StoreTest
    void schoolYearsAgesAndEmptyChoicesAreExplained() {
        Document again = invalid(post("new", with(with(with(with(complete(), "whoFor.firstYear", "year-5"),
                "whoFor.lastYear", "year-6"), "manager", ""), "lastReviewed-year", "2027")));

        // Years 5 and 6 are ages 9 to 11, which no one aged 16 to 25 is.
        assertThat(again.select("#whoFor\\.firstYear-error").text()).contains("No child of these ages");
        assertThat(again.select("#manager-error").text()).contains("Choose a member of staff");
        assertThat(again.select("#lastReviewed-error").text()).contains("today or in the past");
        assertThat(again.select("#whoFor\\.firstYear option[selected]").val()).isEqualTo("year-5");
    }

    @StoreTest
    void aTakenAddressOrAnUnknownGroupToFeedIntoComesBackFromTheStore() {
        post("new", complete());

        Document taken = invalid(post("new", complete()));
        assertThat(taken.select("#slug-error").text()).contains("Another group already uses this address");

        Document unknown = invalid(post("new", with(with(with(complete(), "slug", "another"), "feedsInto.board", ""),
                "feedsInto.group", "no-such-group")));
        assertThat(unknown.select("#feedsInto\\.group-error").text()).contains("no group at this address");
        assertThat(groups.all()).hasSize(1);
    }

    @StoreTest
    void anEditorChangesAGroupAndAnOldFormShowsAConflictThatLosesNothing() {
        post("new", complete());
        Group saved = groups.all().get(0);
        String path = Long.toString(saved.id());
        Map<String, List<String>> first = with(with(complete(), "version", "1"), "name", "Care Leavers' Forum");
        Map<String, List<String>> second = with(with(complete(), "version", "1"), "summary", "A newer summary.");

        db.clock().advance(Duration.ofMinutes(5));
        assertThat(post(path, first)).isInstanceOf(PostOutcome.Done.class);
        Document conflict = invalid(post(path, second));

        assertThat(groups.group(saved.id()).orElseThrow().details().summary())
                .isEqualTo("Care leavers shaping the council's Local Offer.");
        assertThat(conflict.text()).contains("Someone else changed this group", "Edith Editor (edith)");
        assertThat(conflict.select("table tbody th").eachText()).contains("Name", "Summary");
        assertThat(conflict.select("#summary").text()).isEqualTo("A newer summary.");
        assertThat(conflict.select("input[name=version]").val()).isEqualTo("2");
        assertThat(conflict.select("a:contains(Discard)").attr("href")).isEqualTo("/intranet/groups/" + path);

        // Saving again, now knowing, replaces theirs; the audit log has both saves.
        Map<String, List<String>> again = with(second, "version", "2");
        assertThat(post(path, again)).isInstanceOf(PostOutcome.Done.class);
        assertThat(groups.group(saved.id()).orElseThrow().details().summary()).isEqualTo("A newer summary.");
        assertThat(audit.forRecord("group", path)).extracting(AuditEntry::action)
                .containsExactly("group.create", "group.update", "group.update");
    }

    @StoreTest
    void aSecondClickOfAnOldFormSaysNothingDiffers() {
        post("new", complete());
        String path = Long.toString(groups.all().get(0).id());
        Map<String, List<String>> changed = with(with(complete(), "version", "1"), "name", "Care Leavers' Forum");
        post(path, changed);

        Document conflict = invalid(post(path, changed));

        assertThat(conflict.select("table")).isEmpty();
        assertThat(conflict.text()).contains("What you typed is the same as their version.");
    }

    @StoreTest
    void aManagerWhoseAccountIsGoneCanStayButNotBeChosenAnew() {
        GroupDetails d = forum("Youth Forum");
        Group kept = groups.create("youth-forum", new GroupDetails(d.name(), d.summary(), d.description(), d.whoFor(),
                d.meetings(), d.place(), d.accessibility(), d.membership(), d.feedsInto(), "gone.worker", d.imageUrl(),
                d.imageAlt(), d.lastReviewed()), "edith");

        Document form = screen(Long.toString(kept.id()));
        assertThat(form.select("#manager option[selected]").val()).isEqualTo("gone.worker");
        Map<String, List<String>> unchanged = with(with(with(complete(), "slug", "youth-forum"), "version", "1"),
                "manager", "gone.worker");
        assertThat(post(Long.toString(kept.id()), unchanged)).isInstanceOf(PostOutcome.Done.class);
    }

    @StoreTest
    void staffWhoAreNotEditorsCannotSaveAndUnknownGroupsAreNotFound() {
        PostOutcome refused = posts.post(new Posted(FakeStaffRequest.to(GroupEditingPage.KEY, "new", People.STAFF),
                complete()));

        assertThat(refused).isEqualTo(PostOutcome.forbidden());
        assertThat(groups.all()).isEmpty();
        assertThat(page.requiredRole()).isEqualTo(Roles.EDITOR);
        assertThat(page.render(FakeStaffRequest.to(GroupEditingPage.KEY, "999", People.EDITOR)).status())
                .isEqualTo(404);
        assertThat(SchoolYear.YEAR_5.key()).isEqualTo("year-5");
    }

    /** A staff request carrying a whole form, tick boxes with several values included. */
    record Posted(FakeStaffRequest request, Map<String, List<String>> form) implements StaffRequest {
        @Override
        public String path() {
            return request.path();
        }

        @Override
        public Optional<Person> person() {
            return request.person();
        }

        @Override
        public Locale locale() {
            return request.locale();
        }

        @Override
        public ZoneId timeZone() {
            return request.timeZone();
        }

        @Override
        public Map<String, List<String>> parameters() {
            return form;
        }

        @Override
        public String namespace() {
            return request.namespace();
        }

        @Override
        public CsrfField csrf() {
            return request.csrf();
        }

        @Override
        public Links links() {
            return request.links();
        }

        @Override
        public Optional<Message> notice() {
            return request.notice();
        }
    }
}
