package dev.participation.events.internal.mail;

import static dev.participation.events.EventExamples.SESSION_START;
import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.participation.api.mail.OutboxEntry;
import dev.participation.events.EventExamples;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.events.internal.store.EventStore;
import dev.participation.events.internal.store.Reminders;
import dev.participation.events.internal.store.SignUpStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

/** Reminders before a session: at the configured times, once each, never to someone who just booked; H2 and PostgreSQL. */
@OwnSchema(EventSchema.NAME)
class ReminderJobTest {

    TestStorage db;
    AuditLogStore audit;
    OutboxStore outbox;
    EventStore events;
    SignUpStore signUps;
    ReminderJob job;

    @BeforeEach
    void stores(TestStorage db) {
        this.db = db;
        audit = new AuditLogStore(db.platform(), db.clock());
        outbox = new OutboxStore(db.platform(), db.clock(), audit);
        events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
        job = job(168, 24);
    }

    ReminderJob job(int... hours) {
        ReminderJob.Config config = mock(ReminderJob.Config.class);
        when(config.hoursBefore()).thenReturn(hours);
        return new ReminderJob(reminders(), config);
    }

    Reminders reminders() {
        return new Reminders(db.storage(), audit, outbox, db.clock(), NoticeSettings.defaults());
    }

    long sessionWith(int capacity) {
        return events.create("forum", forum("Youth Forum"), List.of(session(capacity)), "editor").sessions().get(0).id();
    }

    void at(Instant instant) {
        db.clock().advance(Duration.between(db.clock().instant(), instant));
    }

    /** The reminders queued since the last look, as "to: subject". */
    List<String> reminders(List<OutboxEntry> before) {
        List<OutboxEntry> now = outbox.recent(500);
        return now.stream().filter(m -> m.subject().startsWith("Reminder:"))
                .filter(m -> before.stream().noneMatch(b -> b.id() == m.id())).map(OutboxEntry::to).toList();
    }

    List<String> run() {
        List<OutboxEntry> before = outbox.recent(500);
        job.run();
        return reminders(before);
    }

    @StoreTest
    void aWeekAndADayBeforeEachOnceAndNotForWhatWasBookedInsideTheWindow() {
        assertThat(job.name()).isEqualTo("events.reminders");
        long session = sessionWith(3);
        signUps.signUp(session, person("Amara"), EventExamples.LINK);
        signUps.signUp(session, person("Ben"), EventExamples.LINK);

        at(SESSION_START.minus(Duration.ofDays(7)).minus(Duration.ofMinutes(1)));
        assertThat(run()).as("not yet").isEmpty();
        at(SESSION_START.minus(Duration.ofDays(7)));
        assertThat(run()).containsExactlyInAnyOrder("amara@example.org", "ben@example.org");
        assertThat(run()).as("each reminder once").isEmpty();

        // Cai is booked three days before (by staff: public sign-up has closed): no week's reminder, but the day's.
        at(SESSION_START.minus(Duration.ofDays(3)));
        SignUpReceipt cai = signUps.addFor(session, person("Cai"), EventExamples.LINK, "staff-1");
        assertThat(cai.state().holdsPlaces()).isTrue();
        SignUpReceipt dee = signUps.addFor(session, person("Dee"), EventExamples.LINK, "staff-1");
        signUps.addFor(session, person("Eve"), EventExamples.LINK, "staff-1");
        assertThat(run()).isEmpty();

        at(SESSION_START.minus(Duration.ofHours(24)));
        assertThat(run()).containsExactlyInAnyOrder("amara@example.org", "ben@example.org", "cai@example.org");

        // Someone booking an hour before gets no reminder at all; nor do the people waiting.
        at(SESSION_START.minus(Duration.ofHours(1)));
        signUps.cancel(cai.cancelToken());
        assertThat(signUps.placeFromWaitingList(dee.bookingId(), "staff-1")).isTrue();
        assertThat(run()).as("Dee got Cai's place within the day; Eve waits").isEmpty();
        at(SESSION_START.plus(Duration.ofMinutes(1)));
        assertThat(run()).as("nothing once it has started").isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM event_reminder")).isEqualTo(5);
        assertThat(db.count("SELECT COUNT(*) FROM event_reminder WHERE mail_id IS NULL")).isZero();
    }

    @StoreTest
    void aPortalThatWasDownSendsTheNearerReminderOnly() {
        long session = sessionWith(3);
        signUps.signUp(session, person("Amara"), EventExamples.LINK);

        at(SESSION_START.minus(Duration.ofHours(12)));
        assertThat(run()).containsExactly("amara@example.org");
        assertThat(db.count("SELECT hours_before FROM event_reminder")).isEqualTo(24);
        at(SESSION_START.minus(Duration.ofHours(11)));
        assertThat(run()).isEmpty();
    }

    @StoreTest
    void theLastReminderHasTheTimePlaceAccessAndTheOnlineLink() {
        SessionDetails hybrid = new SessionDetails("", SESSION_START, SESSION_START.plus(Duration.ofHours(2)), 5,
                "Civic Centre", "https://meet.example.org/j/forum-77");
        Event event = events.create("hybrid", forum("Youth Forum"), List.of(hybrid), "editor");
        signUps.signUp(event.sessions().get(0).id(), person("Amara"), EventExamples.LINK);

        at(SESSION_START.minus(Duration.ofDays(7)));
        job.run();
        OutboxEntry weekAhead = outbox.recent(10).stream().filter(m -> m.subject().startsWith("Reminder")).findFirst()
                .orElseThrow();
        assertThat(outbox.read(weekAhead.id(), "test").orElseThrow().body()).as("not a week ahead")
                .doesNotContain("forum-77").contains("in your last reminder before the start");

        at(SESSION_START.minus(Duration.ofHours(24)));
        job.run();

        OutboxEntry sent = outbox.recent(10).stream().filter(m -> m.subject().startsWith("Reminder")).findFirst()
                .orElseThrow();
        assertThat(sent.id()).isNotEqualTo(weekAhead.id());
        assertThat(sent.subject()).isEqualTo("Reminder: Youth Forum");
        String body = outbox.read(sent.id(), "test").orElseThrow().body();
        assertThat(body).contains("Hello Amara,").contains("you have a place at Youth Forum on Saturday 11 April 2026, 09:00")
                .contains("Where: Civic Centre").contains("The link to join: https://meet.example.org/j/forum-77")
                .contains("Step-free entrance and a quiet room.");
    }

    /** The body of the newest reminder in the outbox. */
    String lastReminder() {
        OutboxEntry sent = outbox.recent(10).stream().filter(m -> m.subject().startsWith("Reminder")).findFirst()
                .orElseThrow();
        return outbox.read(sent.id(), "test").orElseThrow().body();
    }

    @StoreTest
    void whereTheEventHoldsTheLinkBackEvenTheLastReminderBeforeThatTimeSaysOnlyWhenItAppears() {
        SessionDetails online = new SessionDetails("", SESSION_START, SESSION_START.plus(Duration.ofHours(1)), 5, "",
                "https://meet.example.org/j/forum-77");
        Event event = events.create("online", forum("Youth Forum").withOnlineLinkMinutesBefore(60), List.of(online),
                "editor");
        signUps.signUp(event.sessions().get(0).id(), person("Amara"), EventExamples.LINK);

        at(SESSION_START.minus(Duration.ofHours(24)));
        assertThat(run()).containsExactly("amara@example.org");

        // The clock's zone is UTC here: the session starts at 09:00, so the link shows from 08:00.
        assertThat(lastReminder()).doesNotContain("forum-77")
                .contains("From Saturday 11 April 2026, 08:00, the link to join is on your booking page");
    }

    @StoreTest
    void aReminderSentOnceTheEventShowsTheLinkCarriesItEvenAWeekAhead() {
        SessionDetails online = new SessionDetails("", SESSION_START, SESSION_START.plus(Duration.ofHours(1)), 5, "",
                "https://meet.example.org/j/forum-77");
        // Shown from a week before: the week's reminder is sent inside that window.
        Event event = events.create("online", forum("Youth Forum").withOnlineLinkMinutesBefore(7 * 24 * 60),
                List.of(online), "editor");
        signUps.signUp(event.sessions().get(0).id(), person("Amara"), EventExamples.LINK);

        at(SESSION_START.minus(Duration.ofDays(7)).minus(Duration.ofMinutes(1)));
        assertThat(run()).as("not yet").isEmpty();
        at(SESSION_START.minus(Duration.ofDays(7)));
        assertThat(run()).containsExactly("amara@example.org");

        assertThat(lastReminder()).contains("The link to join: https://meet.example.org/j/forum-77")
                .doesNotContain("From Saturday");
    }

    @StoreTest
    void aCancelledEventOrBookingIsNotReminded() {
        Event event = events.create("forum", forum("Youth Forum"), List.of(session(5)), "editor");
        long session = event.sessions().get(0).id();
        SignUpReceipt amara = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        signUps.signUp(session, person("Ben"), EventExamples.LINK);
        signUps.cancel(amara.cancelToken());
        events.update(event.id(), event.version(), event.details().withStatus(EventStatus.CANCELLED), "editor");

        at(SESSION_START.minus(Duration.ofHours(24)));
        assertThat(run()).isEmpty();
    }

    @StoreTest
    void twoNodesRunningAtOnceSendEachReminderOnce() throws Exception {
        long session = sessionWith(40);
        for (int i = 0; i < 30; i++) {
            signUps.signUp(session, person("P" + i), EventExamples.LINK);
        }
        at(SESSION_START.minus(Duration.ofHours(24)));
        List<OutboxEntry> before = outbox.recent(500);
        ReminderJob first = job(168, 24);
        ReminderJob second = job(24, 168);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ReminderJob node = i % 2 == 0 ? first : second;
                runs.add(() -> {
                    node.run();
                    return null;
                });
            }
            for (Future<Object> done : pool.invokeAll(runs)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(reminders(before)).hasSize(30).doesNotHaveDuplicates();
        assertThat(db.count("SELECT COUNT(*) FROM event_reminder")).isEqualTo(30);
    }
}
