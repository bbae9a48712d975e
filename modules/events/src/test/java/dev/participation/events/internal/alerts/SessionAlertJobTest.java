package dev.participation.events.internal.alerts;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.party;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import dev.participation.api.mail.OutboxEntry;
import dev.participation.events.EventExamples;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventStatus;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.events.internal.store.EventStore;
import dev.participation.events.internal.store.SessionAlertStore;
import dev.participation.events.internal.store.SignUpStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

/** The places alerts on H2 and PostgreSQL: each threshold of each session is mailed once. */
@OwnSchema(EventSchema.NAME)
class SessionAlertJobTest {

    TestStorage db;
    OutboxStore outbox;
    EventStore events;
    SignUpStore signUps;
    SessionAlertStore alerts;
    AuditLogStore audit;

    @BeforeEach
    void open(TestStorage db) {
        this.db = db;
        audit = new AuditLogStore(db.platform(), db.clock());
        outbox = new OutboxStore(db.platform(), db.clock(), audit);
        events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
        alerts = new SessionAlertStore(db.storage(), db.clock());
    }

    SessionAlertJob job(String... organisers) {
        AlertConfiguration config = mock(AlertConfiguration.class);
        when(config.organisers()).thenReturn(organisers);
        when(config.everyMinutes()).thenReturn(5);
        return new SessionAlertJob(events, alerts, outbox, audit, db.clock(), config);
    }

    long sessionWith(String slug, int capacity) {
        Event event = events.create(slug, forum("Youth Forum"), List.of(session(capacity)), "edith");
        return event.sessions().get(0).id();
    }

    /** The alerts to the organisers, leaving out what the people booked are sent (confirmations and notices). */
    List<OutboxEntry> alerts() {
        return outbox.recent(100).stream().filter(m -> m.to().endsWith("@council.example")).toList();
    }

    List<String> mails() {
        return alerts().stream().map(OutboxEntry::subject).toList();
    }

    @StoreTest
    void eachThresholdIsMailedOnceToEachOrganiser() {
        SessionAlertJob job = job("events@council.example", " lead@council.example ", "");
        assertThat(job.schedule().everyMinutes()).isEqualTo(5);
        long id = sessionWith("youth-forum", 10);
        for (int i = 0; i < 7; i++) {
            signUps.signUp(id, person("P" + i), EventExamples.LINK);
        }
        job.run();
        assertThat(mails()).isEmpty();

        signUps.signUp(id, person("Eighth"), EventExamples.LINK);
        job.run();
        job.run();
        assertThat(alerts()).filteredOn(m -> m.subject().startsWith("Nearly full"))
                .extracting(OutboxEntry::to).containsExactlyInAnyOrder("events@council.example", "lead@council.example");

        signUps.signUp(id, party("Jo Baker", 2), EventExamples.LINK);
        job.run();
        job.run();
        assertThat(mails()).containsExactlyInAnyOrder("Nearly full: Youth Forum", "Nearly full: Youth Forum",
                "Full: Youth Forum", "Full: Youth Forum");
        assertThat(db.count("SELECT COUNT(*) FROM event_session_alert WHERE session_id = ?", id)).isEqualTo(2);
    }

    @StoreTest
    void aSessionThatFillsBetweenTwoChecksGetsTheFullAlertOnly() {
        long id = sessionWith("youth-forum", 2);
        signUps.signUp(id, party("Jo Baker", 2), EventExamples.LINK);

        job("events@council.example").run();

        assertThat(mails()).containsExactly("Full: Youth Forum");
        assertThat(db.count("SELECT COUNT(*) FROM event_session_alert WHERE session_id = ?", id)).isEqualTo(2);
        var body = outbox.read(alerts().get(0).id(), "test").orElseThrow().body();
        assertThat(body).contains("all 2 places are taken").contains("Nobody is on the waiting list");
    }

    @StoreTest
    void draftAndCancelledEventsAndPortalsWithoutOrganisersSendNothing() {
        long id = sessionWith("youth-forum", 1);
        signUps.signUp(id, person("Amira"), EventExamples.LINK);

        job().run();
        assertThat(db.count("SELECT COUNT(*) FROM event_session_alert")).isZero();

        Event event = events.all().get(0);
        events.update(event.id(), event.version(), event.details().withStatus(EventStatus.CANCELLED), "edith");
        job("events@council.example").run();
        assertThat(mails()).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM event_session_alert")).isZero();
    }

    @StoreTest
    void thresholdsAreCountedInWholePlaces() {
        assertThat(Fullness.of(7, 10)).isEqualTo(Fullness.OPEN);
        assertThat(Fullness.of(8, 10)).isEqualTo(Fullness.NEARLY_FULL);
        assertThat(Fullness.of(3, 4)).isEqualTo(Fullness.OPEN);
        assertThat(Fullness.of(4, 5)).isEqualTo(Fullness.NEARLY_FULL);
        assertThat(Fullness.of(10, 10)).isEqualTo(Fullness.FULL);
    }
}
