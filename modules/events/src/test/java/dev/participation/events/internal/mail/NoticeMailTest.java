package dev.participation.events.internal.mail;

import static dev.participation.events.EventExamples.SESSION_START;
import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import dev.participation.events.EventExamples;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Contact;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.Promotion;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.events.internal.store.EventStore;
import dev.participation.events.internal.store.SignUpStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The mail people booked on an event receive, sent by the outbox's real sender to an SMTP server
 * and read as their mail program would, calendar files parsed by ical4j; on H2 and PostgreSQL.
 */
@OwnSchema(EventSchema.NAME)
class NoticeMailTest {

    static final NoticeSettings SETTINGS = new NoticeSettings("www.riverside.gov.uk", "events@riverside.gov.uk");
    static final String SECRET_LINK = "https://meet.example.org/j/secret-4471";

    TestStorage db;
    Inbox inbox;
    OutboxStore outbox;
    EventStore events;
    SignUpStore signUps;

    @BeforeEach
    void stores(TestStorage db) throws Exception {
        this.db = db;
        inbox = new Inbox();
        AuditLogStore audit = new AuditLogStore(db.platform(), db.clock());
        outbox = new OutboxStore(db.platform(), db.clock(), audit);
        // The council's zone is the participation clock's: sessions in April are in British Summer Time.
        Clock london = db.clock().withZone(ZoneId.of("Europe/London"));
        events = new EventStore(db.storage(), audit, outbox, london, SETTINGS);
        signUps = new SignUpStore(db.storage(), audit, outbox, london, SETTINGS);
    }

    @AfterEach
    void stop() {
        inbox.close();
    }

    Event forumWith(int capacity) {
        return events.create("youth-forum", forum("Youth Forum"), List.of(session(capacity)), "editor");
    }

    @StoreTest
    void aPlaceIsConfirmedWithTheManageLinkAndACalendarFile() throws Exception {
        Event event = forumWith(5);
        long session = event.sessions().get(0).id();

        SignUpReceipt amara = signUps.signUp(session, person("Amara"), EventExamples.LINK);

        Inbox.Mail mail = Inbox.to(inbox.deliver(outbox), "amara@example.org");
        assertThat(mail.subject()).isEqualTo("Booking confirmed: Youth Forum");
        assertThat(mail.text()).startsWith("Hello Amara,")
                .contains("You have a place at Youth Forum on Saturday 11 April 2026, 10:00.")
                .contains("Where: Civic Centre, Committee Room 1")
                .contains(EventExamples.LINK.to(amara.cancelToken()));
        assertThat(mail.calendarName()).contains("event.ics");
        assertThat(mail.calendarType()).startsWith("text/calendar").contains("method=REQUEST");
        Ical file = mail.ical();
        assertThat(file.method()).isEqualTo("REQUEST");
        assertThat(file.only()).containsEntry("UID", "event-session-" + session + "@www.riverside.gov.uk")
                .containsEntry("SEQUENCE", "0").containsEntry("SUMMARY", "Youth Forum")
                .containsEntry("LOCATION", "Civic Centre, Committee Room 1").containsEntry("STATUS", "CONFIRMED")
                .containsEntry("ATTENDEE", "mailto:amara@example.org");
        assertThat(file.instant(0, "DTSTART")).isEqualTo(SESSION_START);
        file.isValid();
    }

    @StoreTest
    void theWaitingListGetsItsNumberAndNoCalendarFile() throws Exception {
        long session = forumWith(1).sessions().get(0).id();
        signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt ben = signUps.signUp(session, person("Ben"), EventExamples.LINK);

        Inbox.Mail mail = Inbox.to(inbox.deliver(outbox), "ben@example.org");
        assertThat(mail.subject()).isEqualTo("You are on the waiting list: Youth Forum");
        assertThat(mail.text()).contains("You are number 1 on the waiting list")
                .contains(EventExamples.LINK.to(ben.cancelToken()));
        assertThat(mail.calendar()).isEmpty();
    }

    @StoreTest
    void aPhoneNumberOnlyGetsNoMailAndTheRestStillDo() throws Exception {
        long session = forumWith(5).sessions().get(0).id();
        signUps.signUp(session, SignUpForm.self(EventExamples.formKey(), new Contact("", "", "01632 960 001"),
                Attendee.of("Dev", 15)), EventExamples.LINK);
        signUps.signUp(session, person("Amara"), EventExamples.LINK);

        assertThat(inbox.deliver(outbox)).extracting(Inbox.Mail::to).containsExactly("amara@example.org");
    }

    @StoreTest
    void cancellingTakesTheEntryOutAndTheNextPersonGetsThePlaceWithTheirFile() throws Exception {
        long session = forumWith(1).sessions().get(0).id();
        SignUpReceipt amara = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        signUps.signUp(session, person("Ben"), EventExamples.LINK);
        inbox.deliver(outbox);

        signUps.cancel(amara.cancelToken());

        List<Inbox.Mail> mail = inbox.deliver(outbox);
        assertThat(mail).hasSize(2);
        Inbox.Mail cancelled = Inbox.to(mail, "amara@example.org");
        assertThat(cancelled.subject()).isEqualTo("Your booking is cancelled: Youth Forum");
        assertThat(cancelled.text()).contains("is cancelled, as you asked");
        Ical out = cancelled.ical();
        assertThat(out.method()).isEqualTo("CANCEL");
        assertThat(out.only()).containsEntry("UID", "event-session-" + session + "@www.riverside.gov.uk")
                .containsEntry("STATUS", "CANCELLED");
        out.isValid();
        Inbox.Mail promoted = Inbox.to(mail, "ben@example.org");
        assertThat(promoted.subject()).isEqualTo("You have a place: Youth Forum");
        assertThat(promoted.text()).startsWith("Hello Ben,").contains("Saturday 11 April 2026, 10:00");
        assertThat(promoted.ical().method()).isEqualTo("REQUEST");
    }

    @StoreTest
    void staffCancellingOnSomeonesBehalfSaysWhoCancelled() throws Exception {
        long session = forumWith(1).sessions().get(0).id();
        SignUpReceipt amara = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt ben = signUps.signUp(session, person("Ben"), EventExamples.LINK);
        inbox.deliver(outbox);

        signUps.cancelFor(ben.bookingId(), "staff-1");

        Inbox.Mail mail = Inbox.to(inbox.deliver(outbox), "ben@example.org");
        assertThat(mail.text()).contains("The organisers have cancelled your booking");
        assertThat(mail.calendar()).as("someone waiting had no entry to take out").isEmpty();
        signUps.cancelFor(amara.bookingId(), "staff-1");
        assertThat(Inbox.to(inbox.deliver(outbox), "amara@example.org").ical().method()).isEqualTo("CANCEL");
    }

    @StoreTest
    void anOfferIsNotAPlaceUntilItIsTakenUp() throws Exception {
        Event event = events.create("offers", forum("Youth Forum").withPromotion(Promotion.offers(48, 24)),
                List.of(session(1)), "editor");
        long session = event.sessions().get(0).id();
        SignUpReceipt amara = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt ben = signUps.signUp(session, person("Ben"), EventExamples.LINK);
        inbox.deliver(outbox);

        signUps.cancel(amara.cancelToken());
        Inbox.Mail offered = Inbox.to(inbox.deliver(outbox), "ben@example.org");
        assertThat(offered.subject()).isEqualTo("A place is offered to you: Youth Forum");
        // 48 hours from Monday 2 March, 09:00 UTC, which is Greenwich Mean Time in London.
        assertThat(offered.text()).contains("It is held for you until Wednesday 4 March 2026, 09:00.");
        assertThat(offered.calendar()).isEmpty();

        assertThat(signUps.acceptOffer(ben.cancelToken())).isTrue();
        Inbox.Mail taken = Inbox.to(inbox.deliver(outbox), "ben@example.org");
        assertThat(taken.subject()).isEqualTo("Your place is confirmed: Youth Forum");
        assertThat(taken.ical().method()).isEqualTo("REQUEST");
    }

    @StoreTest
    void aChangeOfTimeOrPlaceTellsEveryoneBookedAndWaitingWithAHigherSequence() throws Exception {
        Event event = forumWith(1);
        long session = event.sessions().get(0).id();
        signUps.signUp(session, person("Amara"), EventExamples.LINK);
        signUps.signUp(session, person("Ben"), EventExamples.LINK);
        signUps.signUp(session, SignUpForm.self(EventExamples.formKey(), new Contact("", "", "01632 960 001"),
                Attendee.of("Dev", 15)), EventExamples.LINK);
        inbox.deliver(outbox);

        SessionDetails moved = new SessionDetails("", SESSION_START.plus(Duration.ofDays(1)),
                SESSION_START.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)), 1, "Riverside Library, Hall", "");
        event = events.changeSession(event.id(), event.version(), session, moved, "editor");

        List<Inbox.Mail> mail = inbox.deliver(outbox);
        assertThat(mail).extracting(Inbox.Mail::to).containsExactlyInAnyOrder("amara@example.org", "ben@example.org");
        Inbox.Mail amara = Inbox.to(mail, "amara@example.org");
        assertThat(amara.subject()).isEqualTo("A change to Youth Forum");
        assertThat(amara.text()).contains("It is now on Sunday 12 April 2026, 10:00.")
                .contains("Where: Riverside Library, Hall").contains("Your place is kept");
        Ical updated = amara.ical();
        assertThat(updated.method()).isEqualTo("REQUEST");
        assertThat(updated.only()).containsEntry("UID", "event-session-" + session + "@www.riverside.gov.uk")
                .containsEntry("SEQUENCE", "1").containsEntry("LOCATION", "Riverside Library, Hall");
        assertThat(updated.instant(0, "DTSTART")).isEqualTo(moved.start());
        Inbox.Mail ben = Inbox.to(mail, "ben@example.org");
        assertThat(ben.text()).contains("You are still number 1 on the waiting list");
        assertThat(ben.calendar()).isEmpty();

        // More places are the organisers' business: nobody is told, and the sequence stays.
        event = events.changeSession(event.id(), event.version(), session, moved.withCapacity(3), "editor");
        mail = inbox.deliver(outbox);
        assertThat(mail).extracting(Inbox.Mail::subject).containsExactly("You have a place: Youth Forum");
        assertThat(Inbox.to(mail, "ben@example.org").ical().only()).containsEntry("SEQUENCE", "1");

        SessionDetails movedAgain = new SessionDetails("", moved.start(), moved.end(), 3, "Civic Centre", "");
        events.changeSession(event.id(), event.version(), session, movedAgain, "editor");
        mail = inbox.deliver(outbox);
        assertThat(mail).hasSize(2).allSatisfy(m -> assertThat(m.ical().only()).containsEntry("SEQUENCE", "2"));
    }

    @StoreTest
    void cancellingTheEventTellsEveryoneAndTakesTheEntriesOut() throws Exception {
        Event event = forumWith(1);
        long session = event.sessions().get(0).id();
        signUps.signUp(session, person("Amara"), EventExamples.LINK);
        signUps.signUp(session, person("Ben"), EventExamples.LINK);
        inbox.deliver(outbox);

        EventDetails cancelled = event.details().withStatus(EventStatus.CANCELLED);
        event = events.update(event.id(), event.version(), cancelled, "editor");

        List<Inbox.Mail> mail = inbox.deliver(outbox);
        assertThat(mail).hasSize(2).allSatisfy(m -> assertThat(m.subject()).isEqualTo("Cancelled: Youth Forum"));
        Ical out = Inbox.to(mail, "amara@example.org").ical();
        assertThat(out.method()).isEqualTo("CANCEL");
        assertThat(out.only()).containsEntry("SEQUENCE", "1").containsEntry("STATUS", "CANCELLED");
        out.isValid();
        assertThat(Inbox.to(mail, "ben@example.org").calendar()).isEmpty();

        // Saving the cancelled event again tells nobody twice.
        events.update(event.id(), event.version(), cancelled, "editor");
        assertThat(inbox.deliver(outbox)).isEmpty();
    }

    @StoreTest
    void whereTheEventHoldsTheLinkBackMailBeforeThenSaysWhenAndWhereItAppears() throws Exception {
        SessionDetails online = new SessionDetails("", SESSION_START, SESSION_START.plus(Duration.ofHours(1)), 1, "",
                SECRET_LINK);
        Event event = events.create("online", forum("Online Forum").withOnlineLinkMinutesBefore(30),
                List.of(online), "editor");
        long session = event.sessions().get(0).id();
        SignUpReceipt amara = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        signUps.signUp(session, person("Ben"), EventExamples.LINK);

        // 10:00 in London, so from 09:30; the confirmation's own link leads to the booking page.
        Inbox.Mail confirmed = Inbox.to(inbox.deliver(outbox), "amara@example.org");
        assertThat(confirmed.text()).doesNotContain("secret-4471")
                .contains("From Saturday 11 April 2026, 09:30, the link to join is on your booking page, at the link"
                        + " below")
                .contains(EventExamples.LINK.to(amara.cancelToken()));

        SessionDetails later = new SessionDetails("", SESSION_START.plus(Duration.ofDays(1)),
                SESSION_START.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)), 1, "", SECRET_LINK);
        event = events.changeSession(event.id(), event.version(), session, later, "editor");
        Inbox.Mail changed = Inbox.to(inbox.deliver(outbox), "amara@example.org");
        assertThat(changed.text()).doesNotContain("secret-4471")
                .contains("From Sunday 12 April 2026, 09:30, the link to join is on your booking page");

        signUps.cancel(amara.cancelToken());
        Inbox.Mail promoted = Inbox.to(inbox.deliver(outbox), "ben@example.org");
        assertThat(promoted.subject()).isEqualTo("You have a place: Online Forum");
        assertThat(promoted.text()).doesNotContain("secret-4471")
                .contains("From Sunday 12 April 2026, 09:30, the link to join is on your booking page");

        // Inside the window nothing is held back any more, so a new booking's mail points to the page.
        db.clock().advance(Duration.between(db.clock().instant(), later.start().minus(Duration.ofMinutes(10))));
        events.changeSession(event.id(), event.version(), session, new SessionDetails("", later.start(), later.end(),
                2, "", SECRET_LINK), "editor");
        inbox.deliver(outbox);
        signUps.addFor(session, person("Cai"), EventExamples.LINK, "staff-1");
        Inbox.Mail inside = Inbox.to(inbox.deliver(outbox), "cai@example.org");
        assertThat(inside.text()).contains("It takes place online. The link to join is on the page")
                .doesNotContain("From Sunday").doesNotContain("secret-4471");
    }

    @StoreTest
    void theOnlineLinkIsInNoConfirmationNoticeOrCalendarFile() throws Exception {
        SessionDetails online = new SessionDetails("", SESSION_START, SESSION_START.plus(Duration.ofHours(1)), 1, "",
                SECRET_LINK);
        Event event = events.create("online", forum("Online Forum"), List.of(online), "editor");
        long session = event.sessions().get(0).id();
        SignUpReceipt amara = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        signUps.signUp(session, person("Ben"), EventExamples.LINK);
        signUps.cancel(amara.cancelToken());
        events.changeSession(event.id(), event.version(), session,
                new SessionDetails("", SESSION_START.plus(Duration.ofHours(1)), SESSION_START.plus(Duration.ofHours(2)),
                        1, "", SECRET_LINK), "editor");

        List<Inbox.Mail> mail = inbox.deliver(outbox);
        assertThat(mail).hasSize(5);
        for (Inbox.Mail m : mail) {
            assertThat(m.text()).doesNotContain("secret-4471");
            m.calendar().ifPresent(file -> {
                assertThat(new String(file, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("secret-4471");
                assertThat(Ical.parse(file).only()).containsEntry("LOCATION", "Online");
            });
        }
        assertThat(Inbox.to(mail.subList(0, 1), "amara@example.org").text()).contains("It takes place online");
    }
}
