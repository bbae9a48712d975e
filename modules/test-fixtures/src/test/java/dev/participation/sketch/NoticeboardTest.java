package dev.participation.sketch;

import static dev.participation.testing.Rendered.invalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.participation.api.account.Accounts;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.testing.FakeStaffRequest;
import dev.participation.testing.FakeWidgetRequest;
import dev.participation.testing.People;
import dev.participation.testing.StaffPosts;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;

/**
 * The sketch widget end to end on its real store, each test on H2 and on PostgreSQL: what a
 * visitor sees, what staff type and save, and what other sites read. Every clock starts on
 * Monday 2 March 2026 at 09:00 UTC ({@link TestStorage#START}).
 */
@OwnSchema(NoticeStore.SCHEMA)
class NoticeboardTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private TestStorage db;
    private AuditLogStore audit;
    private NoticeStore notices;
    private NoticeboardWidget widget;
    private NoticeboardStaffPage page;
    private StaffPosts posts;

    @BeforeEach
    void open(TestStorage db) {
        this.db = db;
        audit = new AuditLogStore(db.platform(), db.clock());
        notices = new NoticeStore(db.storage(), audit, db.clock());
        widget = new NoticeboardWidget(notices, db.clock());
        page = new NoticeboardStaffPage(notices, db.clock(), mock(Accounts.class));
        posts = StaffPosts.of(page, List.of(new NoticeboardStaffPage.Save(page)));
    }

    /** Posts a notice a minute after the last one, so "newest first" has an order to show. */
    private Notice post(String title, LocalDate until) {
        db.clock().advance(Duration.ofMinutes(1));
        return notices.add(new NoticeText(title, "About " + title + ".", until), "sam");
    }

    private List<String> board(FakeWidgetRequest request) {
        return Jsoup.parseBodyFragment(widget.render(request).html()).select("h2").eachText();
    }

    private static FakeStaffRequest form(String path, String title, String text, String day, String month,
            String year) {
        return FakeStaffRequest.to(NoticeboardStaffPage.KEY, path).with("title", title).with("text", text)
                .with("until-day", day).with("until-month", month).with("until-year", year);
    }


    private Document staffPage(String path) {
        return Jsoup.parseBodyFragment(page.render(FakeStaffRequest.to(NoticeboardStaffPage.KEY, path)).html());
    }

    @StoreTest
    void theBoardShowsOnlyCurrentNoticesNewestFirst() {
        post("Ended yesterday", TODAY.minusDays(1));
        post("No end", null);
        post("Ends today", TODAY);
        post("Ends tomorrow", TODAY.plusDays(1));

        assertThat(board(FakeWidgetRequest.on("young-people").preference(NoticeboardWidget.COUNT, "5")))
                .containsExactly("Ends tomorrow", "Ends today", "No end");
        assertThat(board(FakeWidgetRequest.on("young-people").preference(NoticeboardWidget.COUNT, "2")))
                .containsExactly("Ends tomorrow", "Ends today");
        assertThat(widget.render(FakeWidgetRequest.on("young-people").preference(NoticeboardWidget.COUNT, "5"))
                .html()).contains("Until 2 March 2026");
        // 10:00 UTC is already Tuesday on Kiritimati (UTC+14): a visitor there no longer sees today's.
        db.clock().advance(Duration.ofMinutes(56));
        assertThat(board(FakeWidgetRequest.on("young-people").preference(NoticeboardWidget.COUNT, "5")
                .at(ZoneId.of("Pacific/Kiritimati")))).containsExactly("Ends tomorrow", "No end");
    }

    @StoreTest
    void anEmptyBoardSaysSo() {
        post("Long gone", TODAY.minusDays(30));

        assertThat(widget.render(FakeWidgetRequest.on("young-people")).html())
                .contains("There are no notices just now.");
    }

    @StoreTest
    void aFormWithMistakesKeepsWhatWasTypedAndSaysWhatToFix() {
        String tooLong = "x".repeat(NoticeText.TEXT_MAX + 1);

        Document again = invalid(posts.post(form("new", "  ", tooLong, "31", "2", "2026")));

        assertThat(again.select(".govuk-error-summary a").eachAttr("href"))
                .containsExactly("#title", "#text", "#until-day");
        assertThat(again.select(".govuk-error-summary a").eachText()).containsExactly("Enter a title",
                "Notice must be 500 characters or fewer (it has 501)", "The date must be a real date, like 27 3 2025");
        assertThat(again.select("textarea#text").text()).isEqualTo(tooLong);
        assertThat(again.select("#until-day").val()).isEqualTo("31");
        assertThat(again.select("#until-month").val()).isEqualTo("2");
        assertThat(notices.all()).isEmpty();
    }

    @StoreTest
    void aSavedNoticeIsListedAndCanBeChanged() {
        PostOutcome added = posts.post(form("new", "Youth forum", "Come along on Friday.", "6", "3", "2026"));

        assertThat(added).isEqualTo(PostOutcome.done("/intranet/noticeboard/",
                Message.of("sketch.staff.saved", "Youth forum")));
        Notice saved = notices.all().get(0);
        Document list = staffPage("");
        assertThat(list.select("tbody th a").text()).isEqualTo("Youth forum");
        assertThat(list.select("tbody td").text()).isEqualTo("6 March 2026");
        assertThat(list.select("tbody th a").attr("href")).isEqualTo("/intranet/noticeboard/" + saved.id());

        Document edit = staffPage(Long.toString(saved.id()));
        assertThat(edit.select("#title").val()).isEqualTo("Youth forum");
        assertThat(edit.select("#until-day").val()).isEqualTo("6");
        assertThat(posts.post(form(Long.toString(saved.id()), "Youth forum moved", "Now on Saturday.", "", "", "")
                .with("revision", edit.select("input[name=revision]").val())))
                .isInstanceOf(PostOutcome.Done.class);

        assertThat(board(FakeWidgetRequest.on("young-people"))).containsExactly("Youth forum moved");
        assertThat(notices.find(saved.id()).orElseThrow().content().until()).isNull();
        assertThat(audit.forRecord("notice", Long.toString(saved.id())))
                .extracting(e -> e.actor() + " " + e.action())
                .containsExactlyInAnyOrder("sam notice.add", "sam notice.change");
    }

    @StoreTest
    void aSaveOnTopOfSomeoneElsesIsRefusedUntilTheyHaveSeenIt() {
        Notice notice = post("Youth forum", null);
        String path = Long.toString(notice.id());
        String revision = staffPage(path).select("input[name=revision]").val();
        notices.change(notice.id(), notice.revision(), new NoticeText("Youth forum, Friday", "Theirs.", null), "edith");

        Document again = invalid(posts.post(form(path, "Youth forum (mine)", "Mine.", "", "", "")
                .with("revision", revision)));

        assertThat(again.select(".govuk-error-summary a").text()).startsWith("Someone else saved this notice");
        assertThat(again.select("#title").val()).isEqualTo("Youth forum (mine)");
        assertThat(notices.find(notice.id()).orElseThrow().content().title()).isEqualTo("Youth forum, Friday");
        assertThat(posts.post(form(path, "Youth forum (mine)", "Mine.", "", "", "")
                .with("revision", again.select("input[name=revision]").val()))).isInstanceOf(PostOutcome.Done.class);
        assertThat(notices.find(notice.id()).orElseThrow().content().title()).isEqualTo("Youth forum (mine)");
    }

    @StoreTest
    void anAddressThatNamesNoNoticeIsNotFound() {
        WidgetView missing = page.render(FakeStaffRequest.to(NoticeboardStaffPage.KEY, "404"));

        assertThat(missing.status()).isEqualTo(WidgetView.NOT_FOUND);
        assertThat(posts.post(form("404", "Lost", "Nowhere.", "", "", ""))).isInstanceOf(PostOutcome.Done.class);
        assertThat(notices.all()).isEmpty();
    }

    @StoreTest
    void onlyStaffMaySave() {
        assertThat(posts.post(form("new", "Editor's notice", "Hello.", "", "", "").as(People.EDITOR)))
                .isInstanceOf(PostOutcome.Forbidden.class);
        assertThat(notices.all()).isEmpty();
    }

    @StoreTest
    void theJsonHoldsTheCurrentNotices() throws Exception {
        post("Ended", TODAY.minusDays(1));
        Notice forum = post("Youth forum", TODAY.plusDays(4));
        post("Drop-in", null);
        // Set up as the portal's JSON API writes answers.
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT).build();

        NoticeJsonResource resource = new NoticeJsonResource(notices, db.clock());
        Object answer = resource.get(new JsonRequest(List.of(), Map.of(), null));
        JsonNode parsed = json.readTree(json.writeValueAsString(answer));

        assertThat(parsed.findValuesAsText("title")).containsExactly("Drop-in", "Youth forum");
        assertThat(parsed.get(1).get("id").asLong()).isEqualTo(forum.id());
        assertThat(parsed.get(1).get("until").asText()).isEqualTo("2026-03-06");
        assertThat(parsed.get(1).get("text").asText()).isEqualTo("About Youth forum.");
        assertThat(parsed.get(0).has("until")).isFalse();
        assertThat(json.readTree(resource.openApi()).at("/paths/~1api~1notices/get/responses/200").isObject()).isTrue();
    }
}
