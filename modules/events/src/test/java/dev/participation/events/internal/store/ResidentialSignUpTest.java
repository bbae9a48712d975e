package dev.participation.events.internal.store;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import dev.participation.events.EventExamples;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booker;
import dev.participation.events.api.BookerRole;
import dev.participation.events.api.Booking;
import dev.participation.events.api.Consent;
import dev.participation.events.api.ConsentRole;
import dev.participation.events.api.Contact;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Residential;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

/** A residential week's extras (emergency contact, medical notes, photo permission) kept and read back. */
@OwnSchema(EventSchema.NAME)
class ResidentialSignUpTest {

    TestStorage db;
    EventStore events;
    SignUpStore signUps;

    /** A residential week for 8 to 14 year olds, with food, where everyone under 18 needs permission. */
    static EventDetails residential() {
        EventDetails f = forum("Summer activity week");
        return new EventDetails(f.title(), f.description(), EventType.RESIDENTIAL, 8, 14, f.tags(), f.access(), true,
                f.signUpOpens(), f.signUpCloses(), f.status(), 18, f.promotion());
    }

    /** A foster carer booking two children for the week, each with their details for staying away. */
    static SignUpForm twoForCamp() {
        Consent carer = new Consent("Jo Lee", ConsentRole.CARER);
        Attendee noor = new Attendee("Noor", 10, "", "No nuts", carer,
                new Residential("Jo Lee", "07700 900123", "Asthma: blue inhaler, twice a day.\nCarries it.", true));
        Attendee sam = new Attendee("Sam", 12, "Ear defenders for loud rooms", "", carer,
                new Residential("Chris Lee", "+44 7700 900456", "", false));
        return new SignUpForm(EventExamples.formKey(), new Booker(BookerRole.CARER, "Jo Lee", ""),
                new Contact("Jo Lee", "jo.lee@example.org", ""), List.of(noor, sam));
    }

    @BeforeEach
    void createStores(TestStorage db) {
        this.db = db;
        AuditLogStore audit = new AuditLogStore(db.platform(), db.clock());
        OutboxStore outbox = new OutboxStore(db.platform(), db.clock(), audit);
        events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
    }

    @StoreTest
    void eachYoungPersonsEmergencyContactMedicalNotesAndPhotoPermissionAreReadBackAsGiven() {
        long session = events.create("camp", residential(), List.of(session(20)), "editor").sessions().get(0).id();

        SignUpReceipt receipt = signUps.signUp(session, twoForCamp(), EventExamples.LINK);

        Booking booking = signUps.byToken(receipt.cancelToken()).orElseThrow();
        assertThat(booking.attendees()).extracting(Attendee::residential).containsExactly(
                new Residential("Jo Lee", "07700 900123", "Asthma: blue inhaler, twice a day.\nCarries it.", true),
                new Residential("Chris Lee", "+44 7700 900456", "", false));
        assertThat(booking.attendees()).extracting(Attendee::dietaryNeeds).containsExactly("No nuts", "");
        assertThat(booking.attendees()).extracting(a -> a.consent().role()).containsOnly(ConsentRole.CARER);
    }

    @StoreTest
    void aResidentialEventRefusesAYoungPersonWithoutAnEmergencyContactAndKeepsNothing() {
        long session = events.create("camp", residential(), List.of(session(20)), "editor").sessions().get(0).id();
        SignUpForm form = twoForCamp();
        List<Attendee> people = List.of(form.attendees().get(0),
                form.attendees().get(1).withResidential(new Residential("", "not a phone", "", true)));
        SignUpForm missing = new SignUpForm(form.formKey(), form.booker(), form.contact(), people);

        EventProblem problem = catchThrowableOfType(EventProblem.class,
                () -> signUps.signUp(session, missing, EventExamples.LINK));

        assertThat(problem.errors()).containsOnlyKeys("attendees[1].residential.emergencyName",
                "attendees[1].residential.emergencyPhone");
        assertThat(db.count("SELECT COUNT(*) FROM event_booking")).isZero();
    }

    @StoreTest
    void anEventThatIsNotResidentialNeitherAsksForNorKeepsThem() {
        long session = events.create("forum", forum("Forum"), List.of(session(20)), "editor").sessions().get(0).id();
        SignUpForm form = SignUpForm.self(EventExamples.formKey(), Contact.email("amy@example.org"),
                Attendee.of("Amy", 15).withResidential(new Residential("Mum", "07700 900999", "", true)));

        EventProblem problem = catchThrowableOfType(EventProblem.class,
                () -> signUps.signUp(session, form, EventExamples.LINK));

        assertThat(problem.errors()).containsOnlyKeys("attendees[0].residential");
        SignUpReceipt plain = signUps.signUp(session, EventExamples.person("Amy"), EventExamples.LINK);
        assertThat(signUps.byToken(plain.cancelToken()).orElseThrow().attendees().get(0).residential()).isNull();
        assertThat(db.count("SELECT COUNT(*) FROM event_attendee WHERE emergency_name IS NOT NULL")).isZero();
    }
}
