package dev.participation.events.internal.staff;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.party;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.EventExamples.session;
import static dev.participation.testing.Rendered.invalid;
import static dev.participation.testing.Rendered.redrawn;
import static dev.participation.testing.Rendered.notice;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.mail.OutboxEntry;
import dev.participation.api.widget.Message;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.EventExamples;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booking;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.Contact;
import dev.participation.events.api.Event;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.events.internal.store.BookingPageStore;
import dev.participation.events.internal.store.CheckInStore;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.events.internal.store.EventStore;
import dev.participation.events.internal.store.SessionMessageStore;
import dev.participation.events.internal.store.SignUpStore;
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

/** The events staff pages on H2 and PostgreSQL, with the real stores, audit log and outbox. */
@OwnSchema(EventSchema.NAME)
class EventsStaffPageTest {

    static final String KEY = EventsStaffPage.KEY;

    TestStorage db;
    AuditLogStore audit;
    OutboxStore outbox;
    EventStore events;
    SignUpStore signUps;
    CheckInStore checkIns;
    EventsStaffPage page;
    BookingPageStore bookingPages;
    StaffPosts posts;

    @BeforeEach
    void open(TestStorage db) {
        this.db = db;
        audit = new AuditLogStore(db.platform(), db.clock());
        outbox = new OutboxStore(db.platform(), db.clock(), audit);
        events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
        checkIns = new CheckInStore(db.storage(), audit, db.clock());
        SessionMessageStore messages = new SessionMessageStore(db.storage(), outbox, audit);
        bookingPages = new BookingPageStore(db.storage(), db.clock());
        page = new EventsStaffPage(new StaffScreens(events, signUps, checkIns, messages, audit,
                new PublicBookingLink("https://www.council.example/", bookingPages)), db.clock(), id -> Optional.empty());
        posts = StaffPosts.of(page, List.of(new EventsStaffPage.CheckIn(page), new EventsStaffPage.Add(page),
                new EventsStaffPage.Cancel(page), new EventsStaffPage.Place(page), new EventsStaffPage.Message(page)));
    }

    long sessionWith(int capacity) {
        Event event = events.create("forum-" + EventExamples.formKey().substring(9), forum("Youth Forum"),
                List.of(session(capacity)), "edith");
        return event.sessions().get(0).id();
    }

    Document staffPage(String path) {
        return Rendered.staffPage(page, path);
    }

    @StoreTest
    void everySessionShowsItsPlacesTakenWaitingAndAMarkerWhenNearlyFullOrFull() {
        long roomy = sessionWith(10);
        long nearly = sessionWith(5);
        long full = sessionWith(2);
        signUps.signUp(roomy, person("Amira"), EventExamples.LINK);
        for (String name : List.of("Bea", "Cal", "Dev", "Eli")) {
            signUps.signUp(nearly, person(name), EventExamples.LINK);
        }
        signUps.signUp(full, party("Jo Baker", 2), EventExamples.LINK);
        signUps.signUp(full, person("Kai"), EventExamples.LINK);

        Document overview = staffPage("");

        assertThat(overview.select("tbody tr").eachText()).containsExactly(
                "11 April 2026, 10:00 1 of 10 taken 0",
                "11 April 2026, 10:00 4 of 5 taken Nearly full 0",
                "11 April 2026, 10:00 2 of 2 taken Full 1");
        assertThat(overview.select("tbody tr").get(2).select(".govuk-tag--red").text()).isEqualTo("Full");
        assertThat(overview.select("tbody a").eachAttr("href")).containsExactly("/intranet/events/" + roomy,
                "/intranet/events/" + nearly, "/intranet/events/" + full);
        // Nobody's name is on the overview, so reading it is not a read of personal data.
        assertThat(overview.text()).doesNotContain("Amira");
    }

    @StoreTest
    void aSessionListsPlacesThenTheWaitingListInNumberOrderWithWhatStaffNeedAndTheReadIsAudited() {
        long id = sessionWith(3);
        signUps.signUp(id, SignUpForm.self(EventExamples.formKey(), new Contact("", "", "01632 960 001"),
                new Attendee("Amira", 15, "A quiet room to take breaks.", "", null)), EventExamples.LINK);
        signUps.signUp(id, party("Jo Baker", 2), EventExamples.LINK);
        signUps.signUp(id, person("Kai"), EventExamples.LINK);
        signUps.signUp(id, person("Lee"), EventExamples.LINK);

        Document session = staffPage(Long.toString(id));

        assertThat(session.select("#places").text()).startsWith("3 of 3 taken, 0 left").contains("Full");
        assertThat(session.select(".govuk-summary-card__title").eachText()).containsExactly("Amira", "Child1, Child2",
                "Kai", "Lee");
        String amira = session.select(".govuk-summary-card").get(0).text();
        assertThat(amira).contains("Age 15").contains("What would help (Amira) A quiet room to take breaks.")
                .contains("Phone 01632 960 001").contains("Phone only: call them");
        String party = session.select(".govuk-summary-card").get(1).text();
        assertThat(party).contains("Permission (Child1) Jo Baker (Carer with delegated authority)")
                .contains("jo.baker@example.org").contains("A carer booking for young people: Jo Baker");
        assertThat(session.select(".govuk-summary-card").get(2).text()).contains("Waiting list, number 1");
        assertThat(session.select(".govuk-summary-card").get(3).text()).contains("Waiting list, number 2");
        assertThat(session.select(".govuk-summary-card").get(2).select("a").eachAttr("href"))
                .anyMatch(href -> href.endsWith("/place"));
        assertThat(audit.forRecord("event-session", Long.toString(id))).extracting(e -> e.actor() + " " + e.action())
                .containsExactly("sam event.session.read-bookings");
    }

    @StoreTest
    void aRepeatedArrivedTapCountsOnceAndAMistakeCanBeUndone() {
        long id = sessionWith(5);
        SignUpReceipt amira = signUps.signUp(id, person("Amira"), EventExamples.LINK);
        signUps.signUp(id, person("Kai"), EventExamples.LINK);
        String path = id + "/check-in";
        Document before = staffPage(path);
        assertThat(before.select("#arrived-count").text()).isEqualTo("0 of 2 arrived");
        assertThat(before.select("button[value=arrived]")).hasSize(2);
        FakeStaffRequest tap = FakeStaffRequest.to(KEY, path).with("booking", Long.toString(amira.bookingId()))
                .with("position", "0").with("do", "arrived");

        PostOutcome first = posts.post(tap);
        // The answer to the first tap was lost: the same form is posted again.
        PostOutcome again = posts.post(tap);

        assertThat(notice(first)).isEqualTo("events.staff.checkIn.done");
        assertThat(((PostOutcome.Done) first).location())
                .isEqualTo("/intranet/events/" + path + "#person-" + amira.bookingId() + "-0");
        assertThat(notice(again)).isEqualTo("events.staff.checkIn.already");
        assertThat(db.count("SELECT COUNT(*) FROM event_check_in")).isEqualTo(1);
        Document after = staffPage(path);
        assertThat(after.select("#arrived-count").text()).isEqualTo("1 of 2 arrived");
        assertThat(after.select("#person-" + amira.bookingId() + "-0").text()).contains("Arrived at 09:00")
                .contains("Undo check-in for Amira");
        assertThat(staffPage(Long.toString(id)).select(".govuk-tag--green").eachText()).containsExactly("Arrived");

        FakeStaffRequest undo = FakeStaffRequest.to(KEY, path).with("booking", Long.toString(amira.bookingId()))
                .with("position", "0").with("do", "undo");
        assertThat(notice(posts.post(undo))).isEqualTo("events.staff.checkIn.undone");
        assertThat(notice(posts.post(undo))).isEqualTo("events.staff.checkIn.notIn");
        assertThat(db.count("SELECT COUNT(*) FROM event_check_in")).isZero();
        assertThat(audit.forRecord("event-booking", Long.toString(amira.bookingId())))
                .extracting(e -> e.actor() + " " + e.action())
                .containsExactly("public event.booking.sign-up", "sam event.check-in", "sam event.check-in.undo");
    }

    @StoreTest
    void onlyPeopleWithAPlaceOnThisSessionCanBeCheckedIn() {
        long id = sessionWith(1);
        long other = sessionWith(5);
        signUps.signUp(id, person("Amira"), EventExamples.LINK);
        SignUpReceipt waiting = signUps.signUp(id, person("Kai"), EventExamples.LINK);
        SignUpReceipt elsewhere = signUps.signUp(other, person("Lee"), EventExamples.LINK);

        assertThat(notice(posts.post(FakeStaffRequest.to(KEY, id + "/check-in")
                .with("booking", Long.toString(waiting.bookingId())).with("position", "0").with("do", "arrived"))))
                .isEqualTo("events.staff.checkIn.noPlace");
        assertThat(notice(posts.post(FakeStaffRequest.to(KEY, id + "/check-in")
                .with("booking", Long.toString(elsewhere.bookingId())).with("position", "0").with("do", "arrived"))))
                .isEqualTo("events.staff.checkIn.unknown");
        assertThat(notice(posts.post(FakeStaffRequest.to(KEY, id + "/check-in")
                .with("booking", "not-a-number").with("position", "0")))).isEqualTo("events.staff.checkIn.unknown");
        assertThat(db.count("SELECT COUNT(*) FROM event_check_in")).isZero();
    }

    @StoreTest
    void theCsvExportIsReadBackByAParserAndNoCellRunsAsAFormula() throws Exception {
        long id = sessionWith(5);
        signUps.signUp(id, SignUpForm.self(EventExamples.formKey(), new Contact("", "", "+44 7700 900982"),
                new Attendee("=HYPERLINK(\"http://x.io\",\"y\")", 15, "@SUM(1+1), \"quoted\"\nand a new line", "",
                        null)), EventExamples.LINK);
        signUps.signUp(id, party("Jo Baker", 2), EventExamples.LINK);

        Document export = staffPage(id + "/export");
        assertThat(export.select("a#download").attr("download")).endsWith("-2026-03-02.csv");
        List<CSVRecord> rows = CsvDownload.rows(export);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("First name")).isEqualTo("'=HYPERLINK(\"http://x.io\",\"y\")");
        assertThat(rows.get(0).get("Phone")).isEqualTo("'+44 7700 900982");
        assertThat(rows.get(0).get("What would help")).isEqualTo("'@SUM(1+1), \"quoted\"\nand a new line");
        assertThat(rows.get(0).get("State")).isEqualTo("Has a place");
        assertThat(rows.get(1).get("First name")).isEqualTo("Child1");
        assertThat(rows.get(2).get("Permission given by")).isEqualTo("Jo Baker");
        assertThat(rows.get(2).get("Email")).isEqualTo("jo.baker@example.org");
        CsvDownload.assertNoCellStartsAFormula(rows);
        assertThat(audit.forRecord("event-session", Long.toString(id))).extracting(e -> e.actor() + " " + e.action())
                .containsExactly("sam event.session.read-bookings", "sam event.session.export");
    }

    @StoreTest
    void staffBookSomeoneOnTheSameRulesAndARetriedFormBooksOnce() {
        long id = sessionWith(1);
        Document form = staffPage(id + "/add");
        String formKey = form.select("input[name=formKey]").val();
        assertThat(formKey).hasSizeGreaterThanOrEqualTo(16);
        assertThat(form.select("input[name=p0-firstName]")).hasSize(1);
        assertThat(form.select("input[name=p1-firstName]")).isEmpty();

        Document refused = invalid(posts.post(FakeStaffRequest.to(KEY, id + "/add").with("formKey", formKey)
                .with("booker", "self").with("p0-firstName", "Amira").with("p0-age", "ten")
                .with("p0-accessNeeds", "Large print")));
        assertThat(refused.select("[id=p0-age-error]").text()).contains("Enter the age as a whole number");
        assertThat(refused.select("textarea[name=p0-accessNeeds]").text()).isEqualTo("Large print");
        // Every problem at once, in the form's order, even while the age cannot be read.
        Document all = invalid(posts.post(FakeStaffRequest.to(KEY, id + "/add").with("formKey", formKey)
                .with("p0-firstName", "").with("p0-age", "ten")));
        assertThat(all.select(".govuk-error-summary a").eachAttr("href"))
                .containsExactly("#booker", "#p0-firstName", "#p0-age", "#email");

        Document noContact = invalid(posts.post(FakeStaffRequest.to(KEY, id + "/add").with("formKey", formKey)
                .with("booker", "self").with("p0-firstName", "Amira").with("p0-age", "12")));
        assertThat(noContact.select("[id=email-error]").text()).contains("Enter an email address or a phone");
        assertThat(noContact.select("[id=p0-consentBy-error]").text()).contains("Anyone under 13 needs permission");
        assertThat(noContact.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#p0-consentBy",
                "#email");

        FakeStaffRequest add = FakeStaffRequest.to(KEY, id + "/add").with("formKey", formKey).with("booker", "self")
                .with("p0-firstName", "Amira").with("p0-age", "12").with("p0-consentBy", "Nadia Khan")
                .with("p0-consentRole", "parent").with("email", "nadia@example.org").with("do", "send");
        assertThat(((PostOutcome.Done) posts.post(add)).notice().orElseThrow())
                .isEqualTo(Message.of("events.staff.added", "Amira", 1));
        assertThat(notice(posts.post(add))).isEqualTo("events.staff.added");

        List<Booking> booked = signUps.bookings(id, "test");
        assertThat(booked).hasSize(1);
        assertThat(booked.get(0).bookedBy()).isEqualTo("sam");
        assertThat(booked.get(0).attendees().get(0).consent().givenBy()).isEqualTo("Nadia Khan");

        // The same capacity: the next person staff add joins the waiting list.
        Document second = staffPage(id + "/add");
        assertThat(second.text()).contains("No places are left");
        PostOutcome waiting = posts.post(FakeStaffRequest.to(KEY, id + "/add")
                .with("formKey", second.select("input[name=formKey]").val()).with("booker", "self")
                .with("p0-firstName", "Kai").with("p0-age", "15").with("phone", "01632 960 002"));
        assertThat(((PostOutcome.Done) waiting).notice().orElseThrow())
                .isEqualTo(Message.of("events.staff.added.waiting", "Kai", 1, 1));
    }

    /** The staff's add form for a session, as a carer phoning in starts it. */
    FakeStaffRequest carerBooking(long session, String formKey) {
        return FakeStaffRequest.to(KEY, session + "/add").with("formKey", formKey).with("booker", "carer")
                .with("bookerName", "Jo Baker").with("p0-firstName", "Ada").with("p0-age", "12")
                .with("p0-consentBy", "Jo Baker").with("p0-consentRole", "carer").with("email", "jo@example.org");
    }

    @StoreTest
    void staffAddAPartyOfThreeAsOneBookingWithEachChildsOwnPermission() {
        long id = sessionWith(5);
        String formKey = staffPage(id + "/add").select("input[name=formKey]").val();

        // "Add another person" draws the form again with one more, keeping everything typed.
        Document two = redrawn(posts.post(carerBooking(id, formKey).with("people", "1").with("do", "add")));
        assertThat(two.select("fieldset[id^=person-]")).hasSize(2);
        assertThat(two.select("input[name=p0-firstName]").val()).isEqualTo("Ada");
        assertThat(two.select("input[name=bookerName]").val()).isEqualTo("Jo Baker");
        assertThat(two.select("input[name=booker][value=carer]").hasAttr("checked")).isTrue();
        assertThat(two.select("input[name=people]").val()).isEqualTo("2");
        assertThat(two.select("input[name=formKey]").val()).isEqualTo(formKey);
        assertThat(two.select(".govuk-error-summary")).as("adding a person is not a refusal").isEmpty();
        assertThat(two.select("button[value=remove-1]").text()).isEqualTo("Remove Young person 2");

        Document three = redrawn(posts.post(carerBooking(id, formKey).with("people", "2").with("p1-firstName", "Ben")
                .with("p1-age", "11").with("do", "add")));
        assertThat(three.select("fieldset[id^=person-]")).hasSize(3);
        assertThat(three.select("input[name=p1-firstName]").val()).isEqualTo("Ben");
        assertThat(three.select("input[name=p2-firstName]").val()).isEmpty();

        // Ben's permission is missing: nothing is booked, for anyone.
        FakeStaffRequest party = carerBooking(id, formKey).with("people", "3").with("p1-firstName", "Ben")
                .with("p1-age", "11").with("p2-firstName", "Cal").with("p2-age", "14").with("do", "send");
        Document refused = invalid(posts.post(party));
        assertThat(refused.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#p1-consentBy");
        assertThat(refused.select("input[name=p2-firstName]").val()).isEqualTo("Cal");
        assertThat(signUps.bookings(id, "test")).isEmpty();

        PostOutcome booked = posts.post(party.with("p1-consentBy", "Jo Baker").with("p1-consentRole", "carer"));

        assertThat(((PostOutcome.Done) booked).notice().orElseThrow())
                .isEqualTo(Message.of("events.staff.added", "Ada, Ben, Cal", 3));
        assertThat(((PostOutcome.Done) booked).location()).isEqualTo("/intranet/events/" + id);
        List<Booking> bookings = signUps.bookings(id, "test");
        assertThat(bookings).singleElement().satisfies(b -> {
            assertThat(b.state()).isEqualTo(BookingState.PLACE);
            assertThat(b.attendees()).extracting(Attendee::firstName).containsExactly("Ada", "Ben", "Cal");
            assertThat(b.attendees().get(0).consent().givenBy()).isEqualTo("Jo Baker");
            assertThat(b.attendees().get(1).consent().givenBy()).isEqualTo("Jo Baker");
            assertThat(b.attendees().get(2).consent()).as("14: old enough to agree").isNull();
            assertThat(b.booker().name()).isEqualTo("Jo Baker");
            assertThat(b.bookedBy()).isEqualTo("sam");
        });
        assertThat(audit.forRecord("event-booking", Long.toString(bookings.get(0).id())))
                .extracting(e -> e.actor() + " " + e.action() + " " + e.detail())
                .containsExactly("sam event.booking.add-for Added a booking for 3 to session " + id + ": place");
        assertThat(staffPage(Long.toString(id)).select("#places").text()).startsWith("3 of 5 taken");
    }

    @StoreTest
    void removingAPersonMovesThoseAfterUpAndKeepsWhatWasTyped() {
        long id = sessionWith(5);
        String formKey = staffPage(id + "/add").select("input[name=formKey]").val();

        Document two = redrawn(posts.post(carerBooking(id, formKey).with("people", "3").with("p1-firstName", "Ben")
                .with("p1-age", "11").with("p2-firstName", "Cal").with("p2-age", "14").with("do", "remove-1")));

        assertThat(two.select("fieldset[id^=person-]")).hasSize(2);
        assertThat(two.select("input[name=p0-firstName]").val()).isEqualTo("Ada");
        assertThat(two.select("input[name=p1-firstName]").val()).isEqualTo("Cal");
        assertThat(two.select("input[name=p1-age]").val()).isEqualTo("14");
        assertThat(signUps.bookings(id, "test")).isEmpty();
    }

    @StoreTest
    void theManageLinkIsTheBookingPageTheWidgetLearnedFromItsHostWithTheBookingsSecret() {
        PublicBookingLink link = new PublicBookingLink("https://www.council.example/", bookingPages);
        assertThat(link.to("abc_DEF-123")).as("before the widget was ever shown").isEqualTo(
                "https://www.council.example/events");
        assertThat(new PublicBookingLink("", bookingPages).to("t")).isEqualTo("http://localhost:8080/events");

        bookingPages.learn("https://www.council.example/events?w12_booking=" + BookingPageStore.TOKEN);
        assertThat(link.to("abc_DEF-123")).isEqualTo("https://www.council.example/events?w12_booking=abc_DEF-123");
        // Another node, or this one after a restart, reads it from the database.
        assertThat(new PublicBookingLink("", new BookingPageStore(db.storage(), db.clock())).to("t"))
                .isEqualTo("https://www.council.example/events?w12_booking=t");
    }

    @StoreTest
    void cancellingOnSomeonesBehalfAsksFirstThenGivesThePlaceToTheNextOnTheList() {
        long id = sessionWith(1);
        SignUpReceipt amira = signUps.signUp(id, person("Amira"), EventExamples.LINK);
        SignUpReceipt kai = signUps.signUp(id, person("Kai"), EventExamples.LINK);
        String path = id + "/" + amira.bookingId() + "/cancel";

        Document confirm = staffPage(path);
        assertThat(confirm.select(".govuk-inset-text").text()).startsWith("Amira (1 person)");
        assertThat(confirm.select("button").text()).isEqualTo("Yes, cancel the booking");
        assertThat(stateOf(id, amira.bookingId())).isEqualTo(BookingState.PLACE);

        assertThat(notice(posts.post(FakeStaffRequest.to(KEY, path)))).isEqualTo("events.staff.cancelled");
        assertThat(notice(posts.post(FakeStaffRequest.to(KEY, path)))).isEqualTo("events.staff.cancelled.already");

        assertThat(stateOf(id, amira.bookingId())).isEqualTo(BookingState.CANCELLED);
        assertThat(stateOf(id, kai.bookingId())).isEqualTo(BookingState.PLACE);
    }

    @StoreTest
    void aBookingIsPlacedFromTheWaitingListByHandOnlyWhenItsPartyFits() {
        long id = sessionWith(2);
        SignUpReceipt amira = signUps.signUp(id, person("Amira"), EventExamples.LINK);
        SignUpReceipt bea = signUps.signUp(id, person("Bea"), EventExamples.LINK);
        SignUpReceipt carers = signUps.signUp(id, party("Jo Baker", 2), EventExamples.LINK);
        signUps.cancelFor(amira.bookingId(), "sam");
        // One place is free; the party of two on the list does not fit it.
        String path = id + "/" + carers.bookingId() + "/place";
        assertThat(staffPage(path).text()).contains("number 1 on the waiting list").contains("1 place is free");

        Document refused = invalid(posts.post(FakeStaffRequest.to(KEY, path)));
        assertThat(refused.select(".govuk-error-summary").text()).contains("This booking is for 2 and only 1 places");
        assertThat(stateOf(id, carers.bookingId())).isEqualTo(BookingState.WAITING);

        // A day before the start automatic promotion has stopped, so a place that comes free stays free ...
        db.clock().advance(Duration.ofDays(39).plusHours(12));
        signUps.cancelFor(bea.bookingId(), "sam");
        assertThat(stateOf(id, carers.bookingId())).isEqualTo(BookingState.WAITING);
        // ... until staff give it by hand.
        assertThat(notice(posts.post(FakeStaffRequest.to(KEY, path)))).isEqualTo("events.staff.placed");
        assertThat(stateOf(id, carers.bookingId())).isEqualTo(BookingState.PLACE);

        signUps.cancelFor(carers.bookingId(), "sam");
        assertThat(notice(posts.post(FakeStaffRequest.to(KEY, path)))).isEqualTo("events.staff.placed.notWaiting");
        assertThat(audit.forRecord("event-booking", Long.toString(carers.bookingId())))
                .extracting(e -> e.actor() + " " + e.action()).contains("sam event.booking.place-by-hand");
    }

    @StoreTest
    void messagingEveryoneQueuesOneMailPerAddressAndCountsThoseWithAPhoneOnly() {
        long id = sessionWith(3);
        signUps.signUp(id, person("Amira"), EventExamples.LINK);
        signUps.signUp(id, SignUpForm.self(EventExamples.formKey(), new Contact("", "", "01632 960 001"),
                Attendee.of("Bea", 15)), EventExamples.LINK);
        signUps.signUp(id, SignUpForm.self(EventExamples.formKey(), Contact.email("AMIRA@example.org"),
                Attendee.of("Cal", 15)), EventExamples.LINK);
        signUps.signUp(id, person("Kai"), EventExamples.LINK);
        int before = outbox.recent(100).size();

        Document refused = invalid(posts.post(FakeStaffRequest.to(KEY, id + "/message").with("body", "Bring a coat.")));
        assertThat(refused.select("#subject-error").text()).contains("Enter this");
        assertThat(refused.select("textarea[name=body]").text()).isEqualTo("Bring a coat.");
        assertThat(outbox.recent(100)).hasSize(before);

        PostOutcome sent = posts.post(FakeStaffRequest.to(KEY, id + "/message").with("subject", "Room change")
                .with("body", "We meet in Room 2.\nBring a coat."));
        assertThat(((PostOutcome.Done) sent).notice().orElseThrow())
                .isEqualTo(Message.of("events.staff.message.sentCallOthers", 1, 1));
        List<OutboxEntry> mails = outbox.recent(100).subList(0, outbox.recent(100).size() - before);
        assertThat(mails).extracting(OutboxEntry::to).containsExactly("amira@example.org");
        assertThat(mails).extracting(OutboxEntry::subject).containsOnly("Room change");

        PostOutcome withWaiting = posts.post(FakeStaffRequest.to(KEY, id + "/message").with("subject", "Room change")
                .with("body", "We meet in Room 2.").with("waiting", "true"));
        assertThat(((PostOutcome.Done) withWaiting).notice().orElseThrow())
                .isEqualTo(Message.of("events.staff.message.sentCallOthers", 2, 1));
        assertThat(audit.forRecord("event-session", Long.toString(id))).extracting(e -> e.actor() + " " + e.action())
                .containsExactly("sam event.session.message", "sam event.session.message");
    }

    @StoreTest
    void onlyStaffAndAdministratorsSeeOrChangeBookings() {
        long id = sessionWith(2);
        SignUpReceipt amira = signUps.signUp(id, person("Amira"), EventExamples.LINK);
        Person guest = new Person("guest", "Someone", Set.of());

        assertThat(page.requiredRole()).isEqualTo("staff");
        for (Person nobody : List.of(People.EDITOR, guest)) {
            assertThat(posts.post(FakeStaffRequest.to(KEY, id + "/check-in", nobody)
                    .with("booking", Long.toString(amira.bookingId())).with("position", "0").with("do", "arrived")))
                    .isInstanceOf(PostOutcome.Forbidden.class);
            assertThat(posts.post(FakeStaffRequest.to(KEY, id + "/" + amira.bookingId() + "/cancel", nobody)))
                    .isInstanceOf(PostOutcome.Forbidden.class);
            assertThat(posts.post(FakeStaffRequest.to(KEY, id + "/message", nobody).with("subject", "x")
                    .with("body", "y"))).isInstanceOf(PostOutcome.Forbidden.class);
        }
        assertThat(stateOf(id, amira.bookingId())).isEqualTo(BookingState.PLACE);
        assertThat(db.count("SELECT COUNT(*) FROM event_check_in")).isZero();
        assertThat(notice(posts.post(FakeStaffRequest.to(KEY, id + "/check-in", People.ADMIN)
                .with("booking", Long.toString(amira.bookingId())).with("position", "0").with("do", "arrived"))))
                .isEqualTo("events.staff.checkIn.done");
    }

    @StoreTest
    void anAddressThatNamesNothingIsNotFound() {
        long id = sessionWith(2);
        for (String path : List.of("999999", id + "/nothing", id + "/999999/cancel", "x/check-in")) {
            assertThat(page.render(FakeStaffRequest.to(KEY, path)).status()).as(path).isEqualTo(WidgetView.NOT_FOUND);
        }
    }

    BookingState stateOf(long sessionId, long bookingId) {
        return signUps.bookings(sessionId, "test").stream().filter(b -> b.id() == bookingId).findFirst().orElseThrow()
                .state();
    }
}
