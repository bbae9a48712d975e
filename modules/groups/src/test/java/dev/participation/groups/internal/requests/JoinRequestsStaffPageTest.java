package dev.participation.groups.internal.requests;

import static dev.participation.groups.JoinExamples.byEmail;
import static dev.participation.groups.JoinExamples.throughKeyWorker;
import static dev.participation.testing.Rendered.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import dev.participation.api.account.Accounts;
import dev.participation.api.audit.AuditEntry;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.groups.GroupExamples;
import dev.participation.groups.JoinExamples;
import dev.participation.groups.api.Group;
import dev.participation.groups.api.join.JoinAsk;
import dev.participation.groups.api.join.JoinRequest;
import dev.participation.groups.api.join.JoinStatus;
import dev.participation.groups.api.join.Reach;
import dev.participation.groups.internal.join.JoinRequestStore;
import dev.participation.groups.internal.store.GroupSchema;
import dev.participation.groups.internal.store.GroupStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.CsvDownload;
import dev.participation.testing.FakeStaffRequest;
import dev.participation.testing.People;
import dev.participation.testing.Rendered;
import dev.participation.testing.StaffPosts;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;

/**
 * The staff pages that answer requests to join, on H2 and PostgreSQL. The clock starts on Monday
 * 2 March 2026, 09:00 UTC; a request asked then is due by Monday 9 March.
 */
@OwnSchema(GroupSchema.NAME)
class JoinRequestsStaffPageTest {

    static final String KEY = JoinRequestsStaffPage.KEY;

    TestStorage db;
    AuditLogStore audit;
    JoinRequestStore requests;
    Group forum;
    JoinRequestsStaffPage page;
    StaffPosts posts;
    int submissions;

    @BeforeEach
    void open(TestStorage db) {
        this.db = db;
        audit = new AuditLogStore(db.platform(), db.clock());
        OutboxStore outbox = new OutboxStore(db.platform(), db.clock(), audit);
        GroupStore groups = new GroupStore(db.storage(), audit, db.clock());
        requests = new JoinRequestStore(db.storage(), audit, outbox, db.clock(), JoinExamples.settings());
        forum = groups.create("youth-forum", GroupExamples.forum("Youth Forum"), "edith");
        groups.create("care-council", GroupExamples.forum("Children in Care Council"), "edith");
        page = new JoinRequestsStaffPage(requests, groups, db.clock(), mock(Accounts.class));
        posts = StaffPosts.of(page, List.of(new JoinRequestsStaffPage.Status(page), new JoinRequestsStaffPage.Leave(page)));
    }

    JoinRequest ask(JoinAsk ask) {
        return requests.ask("youth-forum", "submission-000000-" + (++submissions), ask, ZoneOffset.UTC, Locale.UK);
    }

    Document staffPage(String path) {
        return Rendered.staffPage(page, path);
    }

    @StoreTest
    void overdueRequestsAreMarkedInWordsAndColour() {
        ask(byEmail("Amira", "amira@example.org"));
        db.clock().advance(Duration.ofDays(2));
        ask(byEmail("Kai", "kai@example.org"));
        // Tuesday 10 March: Amira's target (Monday 9 March) has passed, Kai's (Wednesday 11 March) has not.
        db.clock().advance(Duration.ofDays(6));

        Document overview = staffPage("");
        assertThat(overview.select("tbody tr").eachText()).containsExactly("Children in Care Council 0 None",
                "Youth Forum 2 1 overdue");

        Document list = staffPage(Long.toString(forum.id()));
        assertThat(list.select("tbody th a").eachText()).containsExactly("Kai", "Amira");
        assertThat(list.select("tbody tr").get(1).select(".govuk-tag--red").text()).isEqualTo("Overdue");
        assertThat(list.select("tbody tr").get(0).select(".govuk-tag")).isEmpty();
        assertThat(list.select("tbody tr").get(1).text()).contains("9 March 2026 Overdue New");
        assertThat(list.select(".govuk-warning-text").text())
                .contains("1 request is past the response target and still new.");
    }

    @StoreTest
    void staffChangeAStatusAndTwoChangesFromOneVersionNeverOverwriteUnseen() {
        JoinRequest r = ask(byEmail("Amira", "amira@example.org"));
        String path = forum.id() + "/" + r.id();
        Document detail = staffPage(path);
        assertThat(detail.select(".govuk-summary-list").text()).contains("amira@example.org")
                .contains("A quiet room helps.");
        String version = detail.select("input[name=version]").val();

        PostOutcome saved = posts.post(FakeStaffRequest.to(KEY, path).with("status", "contacted")
                .with("version", version));
        assertThat(saved).isInstanceOf(PostOutcome.Done.class);
        assertThat(requests.read(r.id(), "test").orElseThrow().status()).isEqualTo(JoinStatus.CONTACTED);

        Document again = invalid(posts.post(FakeStaffRequest.to(KEY, path, People.ADMIN).with("status", "declined")
                .with("reason", "Full this term.").with("version", version)));
        assertThat(again.select(".govuk-error-summary a").text()).startsWith("Someone else changed this request")
                .contains("it is now Contacted");
        assertThat(again.select("textarea[name=reason]").text()).isEqualTo("Full this term.");
        assertThat(again.select("input[name=status][checked]").val()).isEqualTo("declined");
        assertThat(requests.read(r.id(), "test").orElseThrow().status()).isEqualTo(JoinStatus.CONTACTED);

        assertThat(posts.post(FakeStaffRequest.to(KEY, path).with("status", "declined").with("reason", "Full this term.")
                .with("version", again.select("input[name=version]").val()))).isInstanceOf(PostOutcome.Done.class);
        assertThat(requests.read(r.id(), "test").orElseThrow().declineReason()).isEqualTo("Full this term.");
    }

    @StoreTest
    void aDeclineWithoutAReasonIsExplained() {
        JoinRequest r = ask(byEmail("Amira", "amira@example.org"));
        String path = forum.id() + "/" + r.id();

        Document again = invalid(posts.post(FakeStaffRequest.to(KEY, path).with("status", "declined")
                .with("version", Integer.toString(r.version()))));

        assertThat(again.select("#reason-error").text()).contains("Enter why the request was declined");
        assertThat(again.select(".govuk-error-summary a").attr("href")).isEqualTo("#reason");
    }

    @StoreTest
    void editorsMayNotAnswerRequests() {
        JoinRequest r = ask(byEmail("Amira", "amira@example.org"));

        assertThat(posts.post(FakeStaffRequest.to(KEY, forum.id() + "/" + r.id(), People.EDITOR)
                .with("status", "joined").with("version", "1"))).isInstanceOf(PostOutcome.Forbidden.class);
        assertThat(page.requiredRole()).isEqualTo("staff");
    }

    @StoreTest
    void everyReadOfARequestIsAudited() {
        JoinRequest r = ask(byEmail("Amira", "amira@example.org"));

        staffPage(Long.toString(forum.id()));
        staffPage(forum.id() + "/" + r.id());
        staffPage(forum.id() + "/export");

        assertThat(audit.forRecord(JoinRequestStore.RECORD_TYPE, Long.toString(r.id())))
                .extracting(e -> e.actor() + " " + e.action()).containsExactly("anonymous join-request.ask",
                        "sam join-request.read", "sam join-request.read", "sam join-request.export");
    }

    @StoreTest
    void theExportIsACsvThatAParserReadsBackAndThatNoSpreadsheetRunsAsAFormula() throws Exception {
        ask(new JoinAsk("=HYPERLINK(\"http://x.io\",\"y\")", 15, Reach.PHONE, "", "+44 7700 900982", "",
                null, "", "@SUM(1+1), \"quoted\"\nand a new line", "", null, true));
        ask(throughKeyWorker("Sam", "Jo Baker", "jo.baker@example.org"));

        Document export = staffPage(forum.id() + "/export");
        assertThat(export.select("a#download").attr("download")).isEqualTo("youth-forum-join-requests-2026-03-02.csv");
        List<CSVRecord> rows = CsvDownload.rows(export);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("First name")).isEqualTo("'=HYPERLINK(\"http://x.io\",\"y\")");
        assertThat(rows.get(0).get("Phone")).isEqualTo("'+44 7700 900982");
        assertThat(rows.get(0).get("What would help")).isEqualTo("'@SUM(1+1), \"quoted\"\nand a new line");
        assertThat(rows.get(0).get("How to reach them")).isEqualTo("Their own phone");
        assertThat(rows.get(1).get("First name")).isEqualTo("Sam");
        assertThat(rows.get(1).get("Age")).isEqualTo("10");
        assertThat(rows.get(1).get("Trusted adult")).isEqualTo("Jo Baker");
        assertThat(rows.get(1).get("Trusted adult is their")).isEqualTo("Key worker");
        assertThat(rows.get(1).get("Agreed with")).isEqualTo("delegated authority");
        assertThat(rows.get(1).get("Status")).isEqualTo("New");
        assertThat(rows.get(1).get("Answer by")).isEqualTo("2026-03-09");
        CsvDownload.assertNoCellStartsAFormula(rows);
    }

    @StoreTest
    void aMemberWhoLeavesIsErasedFromThePages() {
        JoinRequest r = ask(throughKeyWorker("Sam", "Jo Baker", "jo.baker@example.org"));
        JoinRequest joined = requests.changeStatus(r.id(), r.version(), JoinStatus.JOINED, "", "sam");
        String path = forum.id() + "/" + r.id();
        assertThat(staffPage(path).select("a[href$=/leave]")).hasSize(1);

        Document confirm = staffPage(path + "/leave");
        assertThat(confirm.text()).contains("Sam leaves Youth Forum");
        assertThat(posts.post(FakeStaffRequest.to(KEY, path + "/leave").with("basis",
                confirm.select("input[name=basis]").val()))).isInstanceOf(PostOutcome.Done.class);

        Document list = staffPage(Long.toString(forum.id()));
        assertThat(list.select("tbody th a").eachText()).containsExactly("(details erased)");
        assertThat(staffPage(path).text()).doesNotContain("Jo Baker").doesNotContain("jo.baker@example.org")
                .contains("Left the group");
        assertThat(joined.version()).isLessThan(requests.read(r.id(), "t").orElseThrow().version());
    }

    @StoreTest
    void anAddressThatNamesNoRequestIsNotFound() {
        JoinRequest r = ask(byEmail("Amira", "amira@example.org"));
        long otherGroup = forum.id() + 1;

        assertThat(page.render(FakeStaffRequest.to(KEY, otherGroup + "/" + r.id())).status())
                .isEqualTo(WidgetView.NOT_FOUND);
        assertThat(page.render(FakeStaffRequest.to(KEY, "999")).status()).isEqualTo(WidgetView.NOT_FOUND);
        assertThat(page.render(FakeStaffRequest.to(KEY, forum.id() + "/nonsense")).status())
                .isEqualTo(WidgetView.NOT_FOUND);
        assertThat(audit.forRecord(JoinRequestStore.RECORD_TYPE, Long.toString(r.id())))
                .extracting(AuditEntry::action).as("a read that shows nothing").contains("join-request.read");
    }
}
