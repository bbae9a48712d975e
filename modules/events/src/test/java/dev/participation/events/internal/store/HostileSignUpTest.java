package dev.participation.events.internal.store;

import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.participation.events.EventExamples;
import dev.participation.events.Invariants;
import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booker;
import dev.participation.events.api.BookerRole;
import dev.participation.events.api.Booking;
import dev.participation.events.api.Consent;
import dev.participation.events.api.ConsentRole;
import dev.participation.events.api.Contact;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.EventType;
import dev.participation.events.api.Promotion;
import dev.participation.events.api.Residential;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.mail.OutboxStore;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.junit.jupiter.api.BeforeEach;

/**
 * Forms made of hostile and broken values, generated from a fixed seed: each is either refused
 * with per-field problems or kept exactly as typed (trimmed), never another exception, and a form
 * sent again never makes a second booking.
 */
@OwnSchema(EventSchema.NAME)
class HostileSignUpTest {

    static final List<String> TEXT = List.of("", " ", "Amara", "  Ben  ", "<script>alert(1)</script>",
            "Robert'); DROP TABLE event_booking;--", "Zoë 🎉", "\u202Eevil", "a\u0000b", "tab\tand\nline", "\uD800",
            "x".repeat(61), "y".repeat(5000), "%s%n{0}", "'quoted'", "\\u0000");
    static final List<String> EMAILS = List.of("", "a@example.org", "not-an-address", "a@b", "<a@example.org>",
            "a@example.org\r\nBcc: x@example.org", "ä@例え.jp", "a@example.org" + "z".repeat(300));
    static final List<String> PHONES = List.of("", "01632 960001", "+44 (0)1632-960001", "12", "phone", "0".repeat(40),
            "01632\u0000960001");
    static final List<Integer> AGES = List.of(-1, 0, 7, 8, 12, 13, 14, 17, 18, 121, Integer.MAX_VALUE, Integer.MIN_VALUE);
    static final List<String> KEYS = List.of("short", "", "form-key-with spaces-000", "ü".repeat(20), "k".repeat(65));

    static final Residential AWAY = new Residential("Sam Smith", "01632 960001", "", false);

    SignUpStore signUps;
    TestStorage db;
    long session;

    @BeforeEach
    void createStores(TestStorage db) {
        this.db = db;
        AuditLogStore audit = new AuditLogStore(db.platform(), db.clock());
        OutboxStore outbox = new OutboxStore(db.platform(), db.clock(), audit);
        EventStore events = new EventStore(db.storage(), audit, outbox, db.clock());
        signUps = new SignUpStore(db.storage(), audit, outbox, db.clock());
        EventDetails residential = new EventDetails("Week", "", EventType.RESIDENTIAL, 8, 14, Set.of(), "", true,
                EventExamples.NOW.minus(Duration.ofDays(1)), EventExamples.NOW.plus(Duration.ofDays(30)),
                EventStatus.PUBLISHED, 18, Promotion.AUTOMATIC);
        session = events.create("week", residential, List.of(session(15)), "editor").sessions().get(0).id();
    }

    @StoreTest
    void hostileFormsAreRefusedOrKeptAsTypedNeverBrokenOrDoubled() throws Exception {
        Random random = new Random(20261130);
        Map<String, SignUpForm> kept = new HashMap<>();
        List<SignUpForm> sent = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 300; i++) {
            // Now and then the same form again, as a double click would send it.
            SignUpForm form = !sent.isEmpty() && random.nextInt(8) == 0 ? sent.get(random.nextInt(sent.size()))
                    : form(random);
            sent.add(form);
            try {
                SignUpReceipt receipt = signUps.signUp(session, form, EventExamples.LINK);
                if (receipt.repeated()) {
                    assertThat(kept).as("a repeat of a kept form").containsKey(form.formKey());
                } else {
                    assertThat(kept.put(form.formKey(), form)).as("one booking per form").isNull();
                    Booking booking = signUps.byToken(receipt.cancelToken()).orElseThrow();
                    for (int p = 0; p < form.people(); p++) {
                        Attendee typed = form.attendees().get(p);
                        Attendee stored = booking.attendees().get(p);
                        assertThat(stored.firstName()).isEqualTo(typed.firstName().strip());
                        assertThat(stored.accessNeeds()).isEqualTo(typed.accessNeeds().strip());
                        assertThat(stored.dietaryNeeds()).isEqualTo(typed.dietaryNeeds().strip());
                        assertThat(stored.residential().emergencyName())
                                .isEqualTo(typed.residential().emergencyName().strip());
                        assertThat(stored.residential().medicalNotes())
                                .isEqualTo(typed.residential().medicalNotes().strip());
                    }
                    assertThat(booking.contact().email()).isEqualTo(form.contact().email().strip());
                }
            } catch (EventProblem problem) {
                assertThat(problem.errors()).isNotEmpty();
                refused++;
            }
        }
        assertThat(refused).as("the generator makes bad forms").isGreaterThan(100);
        assertThat(kept).as("and good ones").hasSizeGreaterThan(10);
        assertThat(db.count("SELECT COUNT(*) FROM event_booking")).isEqualTo(kept.size());
        Invariants.check(db.dataSource(), true);
    }

    @StoreTest
    void controlCharactersInOtherwiseGoodFormsAreRefusedBesideTheField() {
        for (String bad : List.of("a\u0000b", "\uD800", "bell\u0007", "\u202Eevil")) {
            SignUpForm form = SignUpForm.self(EventExamples.formKey(), new Contact(bad, "sam@example.org", ""),
                    new Attendee(bad, 9, bad, bad, new Consent(bad, ConsentRole.PARENT),
                            new Residential(bad, "01632 960001", bad, true)));
            try {
                signUps.signUp(session, form, EventExamples.LINK);
                throw new AssertionError("kept " + bad.codePoints().boxed().toList());
            } catch (EventProblem problem) {
                assertThat(problem.errors()).containsKeys("contact.trustedAdult", "attendees[0].firstName",
                        "attendees[0].accessNeeds", "attendees[0].dietaryNeeds", "attendees[0].consent.givenBy",
                        "attendees[0].residential.emergencyName", "attendees[0].residential.medicalNotes");
            }
        }
        for (String email : List.of("a\u0000@example.org", "a@exa\u202Emple.org", "a@example.org\u0007")) {
            SignUpForm form = SignUpForm.self(EventExamples.formKey(), new Contact("", email, ""),
                    new Attendee("Jo", 14, "", "", new Consent("Sam Smith", ConsentRole.PARENT), AWAY));
            try {
                signUps.signUp(session, form, EventExamples.LINK);
                throw new AssertionError("kept " + email.codePoints().boxed().toList());
            } catch (EventProblem problem) {
                assertThat(problem.errors()).containsOnlyKeys("contact.email");
            }
        }
        // Line breaks and tabs are fine in the longer texts.
        SignUpForm lines = SignUpForm.self(EventExamples.formKey(), new Contact("", "sam@example.org", ""),
                new Attendee("Jo", 14, "Needs:\n- a ramp\n- a quiet room", "Vegan\tno nuts",
                        new Consent("Sam Smith", ConsentRole.PARENT),
                        new Residential("Sam Smith", "01632 960001", "Inhaler:\n\ttwice a day", true)));
        assertThat(signUps.signUp(session, lines, EventExamples.LINK).repeated()).isFalse();
    }

    private static SignUpForm form(Random random) {
        boolean good = random.nextInt(3) == 0;
        int people = good ? 1 + random.nextInt(3) : random.nextInt(5) == 0 ? 31 : random.nextInt(4);
        List<Attendee> attendees = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            int age = good ? 8 + random.nextInt(7) : pick(random, AGES);
            String name = good ? "Child" + p : pick(random, TEXT);
            Consent consent = good || random.nextBoolean()
                    ? new Consent(good ? "Sam Smith" : pick(random, TEXT), pick(random, List.of(ConsentRole.values())))
                    : null;
            // The week is residential: each young person brings an emergency contact, sometimes a broken one.
            Residential away = good ? new Residential("Sam Smith", "01632 960001", "Hay fever", p % 2 == 0)
                    : random.nextInt(6) == 0 ? null
                    : new Residential(pick(random, TEXT), pick(random, PHONES), pick(random, TEXT), random.nextBoolean());
            attendees.add(new Attendee(name, age, good ? "" : pick(random, TEXT), good ? "Vegan" : pick(random, TEXT),
                    consent, away));
        }
        BookerRole role = people == 1 && (good || random.nextBoolean()) ? BookerRole.SELF
                : pick(random, List.of(BookerRole.values()));
        Booker booker = role == BookerRole.SELF ? Booker.SELF
                : new Booker(role, good ? "Pat Jones" : pick(random, TEXT), good ? "Hillside School" : pick(random, TEXT));
        Contact contact = good ? new Contact("Sam Smith", "sam@example.org", "")
                : new Contact(pick(random, TEXT), pick(random, EMAILS), pick(random, PHONES));
        String key = good || random.nextBoolean() ? EventExamples.formKey() : pick(random, KEYS);
        return new SignUpForm(key, booker, contact, attendees);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
