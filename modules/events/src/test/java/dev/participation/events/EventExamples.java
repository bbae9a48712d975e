package dev.participation.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.participation.events.api.Attendee;
import dev.participation.events.api.Booker;
import dev.participation.events.api.BookerRole;
import dev.participation.events.api.Consent;
import dev.participation.events.api.ConsentRole;
import dev.participation.events.api.Contact;
import dev.participation.events.api.EventDetails;
import dev.participation.events.api.EventStatus;
import dev.participation.events.api.EventType;
import dev.participation.events.api.ManageLink;
import dev.participation.events.api.Promotion;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.api.SignUpForm;
import dev.participation.testing.db.TestStorage;

/** Events, sessions and sign-up forms for the tests, around {@link TestStorage#START}. */
public final class EventExamples {

    /** Where a test's confirmation mails send people to see or cancel their booking. */
    public static final ManageLink LINK = token -> "https://www.example.gov.uk/events/booking?token=" + token;


    public static final Instant NOW = TestStorage.START;
    /** Sessions start 40 days after the tests' clock starts. */
    public static final Instant SESSION_START = NOW.plus(Duration.ofDays(40));

    private static final AtomicLong FORMS = new AtomicLong();

    private EventExamples() {
    }

    /** A published forum for 11 to 25 year olds, taking sign-ups now, places given at once. */
    public static EventDetails forum(String title) {
        return new EventDetails(title, "Tell the council what matters to you.", EventType.FORUM, 11, 25,
                Set.of("open-to-all"), "Step-free entrance and a quiet room.", false, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), EventStatus.PUBLISHED, EventDetails.DEFAULT_CONSENT_AGE,
                Promotion.AUTOMATIC);
    }

    public static EventDetails withPromotion(EventDetails event, Promotion promotion) {
        return event.withPromotion(promotion);
    }

    public static SessionDetails session(int capacity) {
        return new SessionDetails("", SESSION_START, SESSION_START.plus(Duration.ofHours(2)), capacity,
                "Civic Centre, Committee Room 1", "");
    }

    /** A fresh, valid form key, as a form is served with. */
    public static String formKey() {
        return "form-key-" + String.format("%012d", FORMS.incrementAndGet());
    }

    /** One young person (15, old enough to agree) signing up with their own email. */
    public static SignUpForm person(String name) {
        return SignUpForm.self(formKey(),
                Contact.email(name.toLowerCase(Locale.ROOT) + "@example.org"), Attendee.of(name, 15));
    }

    /** A carer booking {@code size} children of 12, each with the carer's permission. */
    public static SignUpForm party(String carer, int size) {
        List<Attendee> children = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            children.add(Attendee.of("Child" + i, 12).withConsent(new Consent(carer, ConsentRole.CARER)));
        }
        return new SignUpForm(formKey(), new Booker(BookerRole.CARER, carer, ""),
                new Contact(carer, carer.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.org", ""),
                children);
    }
}
