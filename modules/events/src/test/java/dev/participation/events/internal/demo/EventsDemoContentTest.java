package dev.participation.events.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.participation.api.audit.AuditEntry;
import dev.participation.events.EventExamples;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.Consent;
import dev.participation.events.api.Residential;
import dev.participation.events.api.ConsentRole;
import dev.participation.events.api.Contact;
import dev.participation.events.api.Event;
import dev.participation.events.api.EventType;
import dev.participation.events.api.PublicEvent;
import dev.participation.events.api.Residential;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.events.internal.store.EventStore;
import dev.participation.events.internal.store.SignUpStore;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

@OwnSchema(EventSchema.NAME)
class EventsDemoContentTest {

    AuditLogStore audit;
    EventStore events;
    SignUpStore signUps;
    EventsDemoContent demo;

    @BeforeEach
    void createStores(TestStorage db) {
        audit = new AuditLogStore(db.platform(), db.clock());
        OutboxStore outbox = new OutboxStore(db.platform(), db.clock(), audit);
        events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
        demo = new EventsDemoContent(events, db.clock());
    }

    @StoreTest
    void theDemoHasAResidentialWeekAtFourCentresAForumAndAnOnlineSession() {
        demo.install("system");

        List<Event> all = events.all();
        assertThat(all).extracting(e -> e.details().type()).containsExactly(EventType.ONLINE_SESSION,
                EventType.CONSULTATION, EventType.RESIDENTIAL);
        PublicEvent week = events.find("activity-week").orElseThrow();
        assertThat(week.youngest()).isEqualTo(8);
        assertThat(week.oldest()).isEqualTo(14);
        assertThat(week.consentAge()).isEqualTo(18);
        assertThat(week.sessions()).hasSize(4).allSatisfy(s -> assertThat(s.placesLeft()).isPositive());
        assertThat(week.sessions().stream().mapToInt(s -> s.capacity()).sum()).isEqualTo(72);
        PublicEvent online = events.find("online-budget-session").orElseThrow();
        assertThat(online.sessions()).singleElement().satisfies(s -> assertThat(s.online()).isTrue());
        assertThat(online.toString()).doesNotContain("meet.example.org");
        assertThat(all.get(0).details().onlineLinkMinutesBefore()).as("its link shows from an hour before")
                .isEqualTo(60);
        assertThat(audit.recent(10)).extracting(AuditEntry::action).containsOnly("event.create").hasSize(3);
    }

    @StoreTest
    void aChildCanSignUpForTheWeekWithACarersPermission() {
        demo.install("system");
        long riverside = events.all().stream().filter(e -> e.slug().equals("activity-week")).findFirst()
                .orElseThrow().sessions().get(0).id();

        var receipt = signUps.signUp(riverside, SignUpForm.self(EventExamples.formKey(),
                new Contact("Morgan Ellis", "morgan@example.org", ""),
                new Attendee("Riley", 9, "Needs a quiet space at bedtime", "No pork",
                        new Consent("Morgan Ellis", ConsentRole.CARER),
                        new Residential("Morgan Ellis", "07700 900123", "Carries an inhaler", true))),
                EventExamples.LINK);

        assertThat(receipt.state()).isEqualTo(BookingState.PLACE);
    }

    @StoreTest
    void installingAgainAddsNothing() {
        demo.install("system");
        demo.install("system");
        assertThat(events.all()).hasSize(3);
    }
}
