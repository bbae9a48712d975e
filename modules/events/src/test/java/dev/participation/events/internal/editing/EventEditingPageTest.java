package dev.participation.events.internal.editing;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.party;
import static dev.participation.events.EventExamples.session;
import static dev.participation.testing.Rendered.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.events.EventExamples;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.EventType;
import dev.participation.events.api.PromotionMode;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.events.internal.store.EventStore;
import dev.participation.events.internal.store.SignUpStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.FakeStaffRequest;
import dev.participation.testing.People;
import dev.participation.testing.Rendered;
import dev.participation.testing.StaffPosts;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;

/** The events editing pages on H2 and PostgreSQL; times are typed and shown in Europe/London. */
@OwnSchema(EventSchema.NAME)
class EventEditingPageTest {

    static final String KEY = EventEditingPage.KEY;

    TestStorage db;
    AuditLogStore audit;
    EventStore events;
    SignUpStore signUps;
    EventEditingPage page;
    StaffPosts posts;

    @BeforeEach
    void open(TestStorage db) {
        this.db = db;
        audit = new AuditLogStore(db.platform(), db.clock());
        OutboxStore outbox = new OutboxStore(db.platform(), db.clock(), audit);
        events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
        page = new EventEditingPage(events, db.clock(), null);
        posts = StaffPosts.of(page, List.of(new EventEditingPage.Save(page), new EventEditingPage.Session(page),
                new EventEditingPage.Status(page)));
    }

    Document editorsPage(String path) {
        return Rendered.staffPage(page, FakeStaffRequest.to(KEY, path, People.EDITOR));
    }


    /** A new event's form as an editor fills it in: a summer week, sign-up in May, the session in August. */
    static FakeStaffRequest filledIn(String path) {
        return FakeStaffRequest.to(KEY, path, People.EDITOR).with("title", "Summer Activity Week")
                .with("description", "Five days of sport, art and trips.").with("type", "residential")
                .with("youngest", "8").with("oldest", "14").with("tags", "in-care, SEND").with("access", "Step-free.")
                .with("food", "true").with("consentAge", "18").with("promotion.mode", "automatic")
                .with("promotion.stopsHoursBefore", "24")
                .with("signUpOpens-day", "1").with("signUpOpens-month", "3").with("signUpOpens-year", "2026")
                .with("signUpOpens-time", "09:00")
                .with("signUpCloses-day", "31").with("signUpCloses-month", "7").with("signUpCloses-year", "2026")
                .with("signUpCloses-time", "17:00")
                .with("label", "Riverside Centre").with("start-day", "3").with("start-month", "8")
                .with("start-year", "2026").with("start-time", "9:30").with("end-day", "7").with("end-month", "8")
                .with("end-year", "2026").with("end-time", "16:00").with("capacity", "20")
                .with("place", "Riverside Centre, Mill Lane");
    }

    @StoreTest
    void anEditorAddsAnEventWithItsFirstSessionAsADraft() {
        PostOutcome saved = posts.post(filledIn("new"));

        assertThat(saved).isInstanceOf(PostOutcome.Done.class);
        Event event = events.all().get(0);
        assertThat(event.slug()).isEqualTo("summer-activity-week");
        assertThat(event.details().status()).isEqualTo(EventStatus.DRAFT);
        assertThat(event.details().type()).isEqualTo(EventType.RESIDENTIAL);
        assertThat(event.details().tags()).containsExactlyInAnyOrder("in-care", "send");
        assertThat(event.details().signUpOpens()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(event.sessions().get(0).details().start()).isEqualTo(Instant.parse("2026-08-03T08:30:00Z"));
        assertThat(event.sessions().get(0).details().capacity()).isEqualTo(20);
        assertThat(((PostOutcome.Done) saved).location()).isEqualTo("/intranet/events-editing/" + event.id());
        assertThat(audit.forRecord("event", Long.toString(event.id()))).extracting(e -> e.actor() + " " + e.action())
                .containsExactly("edith event.create");

        Document list = editorsPage("");
        assertThat(list.select("tbody tr").text()).contains("Summer Activity Week").contains("Draft")
                .contains("3 August 2026, 09:30");
    }

    @StoreTest
    void everyProblemIsBesideItsFieldAndInTheSummaryInTheFormsOrderAndNothingTypedIsLost() {
        Document refused = invalid(posts.post(filledIn("new").with("title", "").with("type", "party")
                .with("oldest", "seven").with("signUpCloses-day", "31").with("signUpCloses-month", "2")
                .with("start-time", "half nine").with("capacity", "0").with("onlineLink", "http://insecure.example")));

        assertThat(refused.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#title", "#type",
                "#oldest", "#signUpCloses-day", "#start-time", "#capacity", "#onlineLink");
        assertThat(refused.select("#title-error").text()).contains("Enter this");
        assertThat(refused.select("#oldest-error").text()).contains("Enter a whole number");
        assertThat(refused.select("#signUpCloses-error").text()).contains("real date");
        assertThat(refused.select("#start-error").text()).contains("Enter a time in 24 hours");
        assertThat(refused.select("#capacity-error").text()).contains("Enter a number of places from 1 to 10,000");
        assertThat(refused.select("#onlineLink-error").text()).contains("https://");
        assertThat(refused.select("input[name=oldest]").val()).isEqualTo("seven");
        assertThat(refused.select("input[name=start-time]").val()).isEqualTo("half nine");
        assertThat(refused.select("textarea[name=description]").text()).isEqualTo("Five days of sport, art and trips.");
        assertThat(refused.select("input[name=food]").hasAttr("checked")).isTrue();
        assertThat(events.all()).isEmpty();

        Document clash = invalid(posts.post(filledIn("new").with("slug", "taken-address")
                .with("signUpOpens-day", "1").with("signUpOpens-month", "9")));
        assertThat(clash.select("#signUpCloses-error").text()).contains("Sign-up must close after it opens");
        events.create("taken-address", forum("Youth Forum"), List.of(session(5)), "edith");
        Document taken = invalid(posts.post(filledIn("new").with("slug", "taken-address")));
        assertThat(taken.select("#slug-error").text()).contains("Another event already has this address");
    }

    @StoreTest
    void twoEditorsFromOneVersionNeverOverwriteEachOtherUnseen() {
        Event event = events.create("youth-forum", forum("Youth Forum"), List.of(session(5)), "ada");
        String path = Long.toString(event.id());
        Document mine = editorsPage(path);
        String version = mine.select("input[name=version]").val();
        assertThat(mine.select("input[name=title]").val()).isEqualTo("Youth Forum");
        assertThat(mine.select("input[name=signUpOpens-time]").val()).isEqualTo("09:00");

        events.update(event.id(), event.version(), forum("Youth Forum: spring"), "ada");

        Document refused = invalid(posts.post(asTyped(mine, path).with("title", "Youth Forum (Town Hall)")
                .with("version", version)));
        assertThat(refused.select(".govuk-error-summary__title").text())
                .contains("Someone else changed this event after you opened it");
        assertThat(refused.select("#conflict tbody tr").eachText())
                .containsExactly("Title Youth Forum: spring Youth Forum (Town Hall)");
        assertThat(refused.select("input[name=title]").val()).isEqualTo("Youth Forum (Town Hall)");
        assertThat(events.event(event.id()).orElseThrow().details().title()).isEqualTo("Youth Forum: spring");

        String newer = refused.select("input[name=version]").val();
        assertThat(posts.post(asTyped(refused, path).with("version", newer))).isInstanceOf(PostOutcome.Done.class);
        assertThat(events.event(event.id()).orElseThrow().details().title()).isEqualTo("Youth Forum (Town Hall)");
    }

    @StoreTest
    void anEditorHoldsTheOnlineLinkBackUntilShortlyBeforeTheStartOrShowsItAtOnce() {
        assertThat(posts.post(filledIn("new").with("onlineLinkMinutesBefore", "30")))
                .isInstanceOf(PostOutcome.Done.class);
        Event event = events.all().get(0);
        assertThat(event.details().onlineLinkMinutesBefore()).isEqualTo(30);
        String path = Long.toString(event.id());
        Document form = editorsPage(path);
        assertThat(form.select("input[name=onlineLinkMinutesBefore]").val()).isEqualTo("30");
        assertThat(form.select("label[for=onlineLinkMinutesBefore]").text())
                .isEqualTo("Show the link to join online only from this many minutes before each session starts"
                        + " (optional)");
        assertThat(form.select("#onlineLinkMinutesBefore-hint").text()).contains("At most 10080 (a week)");

        for (String typed : new String[] {"10081", "-5"}) {
            Document refused = invalid(posts.post(asTyped(form, path).with("onlineLinkMinutesBefore", typed)));
            assertThat(refused.select("#onlineLinkMinutesBefore-error").text()).as(typed)
                    .contains("Enter from 0 to 10080 minutes (a week) before the start, or leave it empty");
            assertThat(refused.select(".govuk-error-summary a").eachAttr("href"))
                    .containsExactly("#onlineLinkMinutesBefore");
            assertThat(refused.select("input[name=onlineLinkMinutesBefore]").val()).isEqualTo(typed);
        }
        Document words = invalid(posts.post(asTyped(form, path).with("onlineLinkMinutesBefore", "half an hour")));
        assertThat(words.select("#onlineLinkMinutesBefore-error").text()).contains("Enter a whole number");
        assertThat(events.event(event.id()).orElseThrow().details().onlineLinkMinutesBefore()).isEqualTo(30);

        // Left empty, the link is shown as soon as someone has a place.
        assertThat(posts.post(asTyped(form, path).with("onlineLinkMinutesBefore", "")))
                .isInstanceOf(PostOutcome.Done.class);
        assertThat(events.event(event.id()).orElseThrow().details().onlineLinkMinutesBefore()).isZero();
        assertThat(editorsPage(path).select("input[name=onlineLinkMinutesBefore]").val()).isEmpty();
    }

    /** Posts back every field of a drawn form as it stands, as a browser does. */
    static FakeStaffRequest asTyped(Document form, String path) {
        FakeStaffRequest request = FakeStaffRequest.to(KEY, path, People.EDITOR);
        form.select("form input[name], form textarea[name], form select[name]").forEach(field -> {
            String name = field.attr("name");
            if (field.is("input[type=checkbox], input[type=radio]")) {
                if (field.hasAttr("checked")) {
                    request.with(name, field.val());
                }
            } else if (field.is("select")) {
                request.with(name, field.select("option[selected]").val());
            } else if (field.is("textarea")) {
                request.with(name, field.text());
            } else if (!name.startsWith("_csrf")) {
                request.with(name, field.val());
            }
        });
        return request;
    }

    @StoreTest
    void aSessionIsAddedAndItsCapacityIsNeverLoweredBelowThePlacesGiven() {
        Event event = events.create("youth-forum", forum("Youth Forum"), List.of(session(5)), "ada");
        long sessionId = event.sessions().get(0).id();
        signUps.signUp(sessionId, party("Jo Baker", 3), EventExamples.LINK);
        String path = event.id() + "/sessions/" + sessionId;

        Document form = editorsPage(path);
        assertThat(form.text()).contains("3 places are already given");
        Document refused = invalid(posts.post(asTyped(form, path).with("capacity", "2")));
        assertThat(refused.select("#capacity-error").text())
                .contains("3 places are already given, so the session cannot have fewer than 3 places");
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#capacity");
        assertThat(refused.select("input[name=capacity]").val()).isEqualTo("2");
        assertThat(events.event(event.id()).orElseThrow().sessions().get(0).details().capacity()).isEqualTo(5);

        assertThat(posts.post(asTyped(form, path).with("capacity", "3"))).isInstanceOf(PostOutcome.Done.class);
        assertThat(events.event(event.id()).orElseThrow().sessions().get(0).details().capacity()).isEqualTo(3);

        // The form drawn before that save now names an old version: refused, with what was typed kept.
        Document stale = invalid(posts.post(asTyped(form, path).with("capacity", "8")));
        assertThat(stale.select(".govuk-error-summary").text()).contains("Someone else changed this event");
        assertThat(stale.select("input[name=capacity]").val()).isEqualTo("8");

        Document fresh = editorsPage(event.id() + "/sessions/new");
        PostOutcome added = posts.post(asTyped(fresh, event.id() + "/sessions/new").with("label", "Evening")
                .with("start-day", "20").with("start-month", "4").with("start-year", "2026").with("start-time", "18:00")
                .with("end-day", "20").with("end-month", "4").with("end-year", "2026").with("end-time", "20:00")
                .with("capacity", "12").with("place", "Town Hall"));
        assertThat(added).isInstanceOf(PostOutcome.Done.class);
        assertThat(events.event(event.id()).orElseThrow().sessions()).extracting(s -> s.details().label())
                .containsExactly("", "Evening");
    }

    @StoreTest
    void anEditorPublishesAndCancelsAfterBeingAsked() {
        Event event = events.create("youth-forum", forum("Youth Forum").withStatus(EventStatus.DRAFT),
                List.of(session(5)), "ada");
        Document edit = editorsPage(Long.toString(event.id()));
        assertThat(edit.select(".govuk-button-group a").eachText()).containsExactly("Publish", "Cancel the event");

        Document confirm = editorsPage(event.id() + "/publish");
        assertThat(confirm.select("button").text()).isEqualTo("Yes, publish it");
        assertThat(events.event(event.id()).orElseThrow().details().status()).isEqualTo(EventStatus.DRAFT);
        PostOutcome published = posts.post(FakeStaffRequest.to(KEY, event.id() + "/publish", People.EDITOR)
                .with("basis", confirm.select("input[name=basis]").val()));
        assertThat(((PostOutcome.Done) published).notice()).contains(Message.of("events.editing.published",
                "Youth Forum"));
        assertThat(events.event(event.id()).orElseThrow().details().status()).isEqualTo(EventStatus.PUBLISHED);

        // A second click on the same publish button names a version that has gone: nothing changes.
        PostOutcome again = posts.post(FakeStaffRequest.to(KEY, event.id() + "/publish", People.EDITOR)
                .with("basis", confirm.select("input[name=basis]").val()));
        assertThat(((PostOutcome.Done) again).notice()).contains(Message.of("events.editing.status.changedMeanwhile"));

        Document cancel = editorsPage(event.id() + "/cancel");
        assertThat(cancel.select(".govuk-warning-text").text()).contains("Tell the people booked");
        posts.post(FakeStaffRequest.to(KEY, event.id() + "/cancel", People.EDITOR)
                .with("basis", cancel.select("input[name=basis]").val()));
        assertThat(events.event(event.id()).orElseThrow().details().status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(editorsPage(Long.toString(event.id())).select(".govuk-button-group a")).isEmpty();
    }

    @StoreTest
    void staffWhoAreNotEditorsCannotChangeEvents() {
        Event event = events.create("youth-forum", forum("Youth Forum"), List.of(session(5)), "ada");

        assertThat(page.requiredRole()).isEqualTo("editor");
        assertThat(posts.post(filledIn("new").as(People.STAFF))).isInstanceOf(PostOutcome.Forbidden.class);
        assertThat(posts.post(FakeStaffRequest.to(KEY, event.id() + "/cancel", People.STAFF)
                .with("basis", Integer.toString(event.version())))).isInstanceOf(PostOutcome.Forbidden.class);
        assertThat(events.all()).hasSize(1);
        assertThat(events.all().get(0).details().status()).isEqualTo(EventStatus.PUBLISHED);
        assertThat(events.all().get(0).details().promotion().mode()).isEqualTo(PromotionMode.AUTOMATIC);
    }
}
