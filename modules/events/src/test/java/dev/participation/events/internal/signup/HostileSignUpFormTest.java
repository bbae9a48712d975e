package dev.participation.events.internal.signup;

import static dev.participation.events.internal.widget.PublicPages.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.EventExamples;
import dev.participation.events.Invariants;
import dev.participation.events.api.Event;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.events.internal.widget.PublicPages;
import dev.participation.testing.FakeWidgetRequest;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

/**
 * Posts of the sign-up form made of hostile and broken values, generated from a fixed seed, as a
 * browser or a bot could send them: each is refused with the form shown again (a 4xx, never an
 * exception) or makes exactly one sign-up, and a form sent again never makes a second.
 */
@OwnSchema(EventSchema.NAME)
class HostileSignUpFormTest {

    static final List<String> TEXT = List.of("", " ", "Amara", "<script>alert(1)</script>", "Zoë 🎉", "\u202Eevil",
            "a\u0000b", "tab\tand\nline", "\uD800", "x".repeat(61), "y".repeat(3000), "%s{0}'", "${7*7}", "<#if>");
    static final List<String> AGES = List.of("", "12", "15", "-1", "1e3", "9".repeat(40), "fifteen", " 16 ", "0x10");
    static final List<String> CHOICES = List.of("", "self", "carer", "worker", "school", "parent", "yes", "no",
            "SELF", "x".repeat(100));
    static final List<String> EMAILS = List.of("", "a@example.org", "not-an-address", "a@example.org\r\nBcc: x@y.z");
    static final List<String> PEOPLE = List.of("1", "2", "3", "0", "-5", "31", "999999999999", "two", "");
    static final List<String> BUTTONS = List.of("send", "send", "send", "add", "remove-0", "remove-7", "remove-x",
            "", "delete");

    @StoreTest
    void hostilePostsAreRefusedOrMakeOneSignUpNeverAnException(TestStorage db) throws Exception {
        PublicPages pages = new PublicPages(db);
        Event event = pages.forum("Youth Forum", 8);
        Random random = new Random(20261130);
        Set<String> keys = new HashSet<>();
        int done = 0;
        for (int i = 0; i < 200; i++) {
            FakeWidgetRequest post = visit().with("event", event.slug())
                    .with("session", Long.toString(event.sessions().get(0).id()));
            String key = random.nextInt(10) == 0 ? pick(random, List.of("", "short", "ü".repeat(20), "k".repeat(65)))
                    : random.nextInt(6) == 0 && !keys.isEmpty() ? keys.iterator().next() : EventExamples.formKey();
            post.with("formKey", key).with("people", pick(random, PEOPLE)).with("do", pick(random, BUTTONS))
                    .with("booker", pick(random, CHOICES)).with("bookerName", pick(random, TEXT))
                    .with("organisation", pick(random, TEXT)).with("email", pick(random, EMAILS))
                    .with("phone", pick(random, List.of("", "01632 960001", "12"))).with("contactAdult", pick(random, TEXT));
            for (int p = 0; p < 3; p++) {
                post.with("p" + p + "-firstName", pick(random, TEXT)).with("p" + p + "-age", pick(random, AGES))
                        .with("p" + p + "-accessNeeds", pick(random, TEXT))
                        .with("p" + p + "-consentBy", pick(random, TEXT))
                        .with("p" + p + "-consentRole", pick(random, CHOICES));
            }
            if (random.nextInt(3) == 0) {
                // Now and then a good party, so the rest are tried beside real sign-ups.
                int people = 1 + random.nextInt(3);
                post.with("people", Integer.toString(people)).with("do", "send").with("booker", "carer")
                        .with("bookerName", "Jo Lee").with("organisation", "").with("email", "jo@example.org")
                        .with("phone", "").with("contactAdult", "");
                for (int p = 0; p < people; p++) {
                    post.with("p" + p + "-firstName", "Child" + p).with("p" + p + "-age", "12")
                            .with("p" + p + "-accessNeeds", "").with("p" + p + "-consentBy", "Jo Lee")
                            .with("p" + p + "-consentRole", "carer");
                }
            }
            PostOutcome outcome = pages.post(post);
            WidgetView again = outcome instanceof PostOutcome.Invalid invalid ? invalid.view()
                    : outcome instanceof PostOutcome.Redrawn redrawn ? redrawn.view() : null;
            if (again != null) {
                // A refused post (a client error) or an add or remove (drawn again): the form again.
                assertThat(again.html()).contains("signup-form");
                assertThat(again.html()).as("typed text is escaped").doesNotContain("<script>alert");
            } else {
                // A broken key is replaced by a fresh one: the confirmation's address names the key kept.
                String kept = PublicPages.parameter(PublicPages.location(outcome), "signedUp");
                assertThat(kept).matches("[A-Za-z0-9_-]{16,64}");
                keys.add(kept);
                done++;
            }
        }
        assertThat(done).as("the generator makes some good forms").isGreaterThan(3);
        assertThat(db.count("SELECT COUNT(*) FROM event_booking")).as("one sign-up per form key")
                .isEqualTo(keys.size());
        Invariants.check(db.dataSource(), true);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
