package dev.participation.events.internal.store;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.party;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.participation.api.retention.RetentionRule;
import dev.participation.events.EventExamples;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booking;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

@OwnSchema(EventSchema.NAME)
class BookingRetentionTest {

    TestStorage db;
    EventStore events;
    SignUpStore signUps;
    BookingRetention retention;

    @BeforeEach
    void createStores(TestStorage db) {
        this.db = db;
        AuditLogStore audit = new AuditLogStore(db.platform(), db.clock());
        OutboxStore outbox = new OutboxStore(db.platform(), db.clock(), audit);
        events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
        retention = new BookingRetention(db.storage(), db.clock(), keptDays(90));
    }

    static BookingRetention.Config keptDays(int days) {
        return keptDays(days, 7);
    }

    static BookingRetention.Config keptDays(int days, int residentialDays) {
        return new BookingRetention.Config() {
            @Override
            public int keptDays() {
                return days;
            }

            @Override
            public int residentialKeptDays() {
                return residentialDays;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return BookingRetention.Config.class;
            }
        };
    }

    @StoreTest
    void personalDataIsBlankedAfterTheSessionEndsAndTheCountsStay() {
        long session = events.create("forum", forum("Forum"), List.of(session(10)), "editor").sessions().get(0).id();
        SignUpReceipt one = signUps.signUp(session, person("Amara"), EventExamples.LINK);
        SignUpReceipt carers = signUps.signUp(session, party("Pat Jones", 2), EventExamples.LINK);
        Instant ended = EventExamples.SESSION_START.plus(Duration.ofHours(2));

        assertThat(retention.treatment()).isEqualTo(RetentionRule.Treatment.ANONYMISE);
        assertThat(retention.keptFor()).isEqualTo(Duration.ofDays(90));
        assertThat(retention.apply(ended.minusSeconds(1))).as("not yet ended at the cut-off").isZero();
        assertThat(signUps.byToken(one.cancelToken()).orElseThrow().attendees()).extracting(Attendee::firstName)
                .containsExactly("Amara");

        assertThat(retention.apply(ended)).isEqualTo(2);

        Booking party = signUps.byToken(carers.cancelToken()).orElseThrow();
        assertThat(party.people()).isEqualTo(2);
        assertThat(party.attendees()).allSatisfy(a -> {
            assertThat(a.firstName()).isEmpty();
            assertThat(a.consent()).isNull();
            assertThat(a.age()).isEqualTo(12);
        });
        assertThat(party.contact().email()).isEmpty();
        assertThat(party.contact().trustedAdult()).isEmpty();
        assertThat(party.booker().name()).isEmpty();
        assertThat(db.count("SELECT places_taken FROM event_session")).isEqualTo(3);
        assertThat(db.count("SELECT COUNT(*) FROM event_booking WHERE contact_email <> ''")).isZero();
        assertThat(retention.apply(ended.plus(Duration.ofDays(1)))).as("each booking once").isZero();
    }

    @StoreTest
    void residentialDetailsAreErasedAWeekAfterTheSessionEndsAndTheRestStaysUntilItsTime() {
        long session = events.create("camp", ResidentialSignUpTest.residential(), List.of(session(10)), "editor")
                .sessions().get(0).id();
        SignUpReceipt camp = signUps.signUp(session, ResidentialSignUpTest.twoForCamp(), EventExamples.LINK);
        Instant ended = EventExamples.SESSION_START.plus(Duration.ofHours(2));
        // The retention job counts its cut-off back from "now" by the booking's period.
        Instant sixDaysLater = ended.plus(Duration.ofDays(6)).minus(retention.keptFor());
        Instant sevenDaysLater = ended.plus(Duration.ofDays(7)).minus(retention.keptFor());

        assertThat(retention.apply(sixDaysLater)).isZero();
        assertThat(signUps.byToken(camp.cancelToken()).orElseThrow().attendees())
                .allSatisfy(a -> assertThat(a.residential()).isNotNull());

        assertThat(retention.apply(sevenDaysLater)).as("two young people's details").isEqualTo(2);

        Booking kept = signUps.byToken(camp.cancelToken()).orElseThrow();
        assertThat(kept.attendees()).extracting(Attendee::residential).containsOnlyNulls();
        assertThat(kept.attendees()).extracting(Attendee::firstName).containsExactly("Noor", "Sam");
        assertThat(kept.contact().email()).isNotEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM event_attendee WHERE medical_notes IS NOT NULL"
                + " OR emergency_phone IS NOT NULL OR photos IS NOT NULL")).isZero();
        assertThat(retention.apply(sevenDaysLater)).as("erased once").isZero();
    }

    @StoreTest
    void residentialDetailsAreNeverKeptLongerThanTheBooking() {
        BookingRetention shortRule = new BookingRetention(db.storage(), db.clock(), keptDays(3, 30));

        assertThat(shortRule.residentialKeptFor()).isEqualTo(Duration.ofDays(3));
        assertThat(retention.residentialKeptFor()).isEqualTo(Duration.ofDays(7));
    }
}
