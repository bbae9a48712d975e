package dev.participation.events.internal.signup;

import static dev.participation.events.EventExamples.SESSION_START;
import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.person;
import static dev.participation.events.internal.widget.PublicPages.NS;
import static dev.participation.events.internal.widget.PublicPages.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.participation.api.widget.Message;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.WidgetView;
import dev.participation.events.EventExamples;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.Event;
import dev.participation.events.api.Promotion;
import dev.participation.events.api.SessionDetails;
import dev.participation.events.api.SignUpReceipt;
import dev.participation.events.internal.store.EventSchema;
import dev.participation.events.internal.widget.PublicPages;
import dev.participation.testing.FakeWidgetRequest;
import dev.participation.testing.db.OwnSchema;
import dev.participation.testing.db.StoreTest;
import dev.participation.testing.db.TestStorage;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;

/**
 * A booking's own page behind the link in its email: showing it (and the "are you sure?" question)
 * changes nothing, only its POSTs cancel or accept, and the online link is there only while the
 * booking holds places.
 */
@OwnSchema(EventSchema.NAME)
class ManageBookingTest {

    static final String ONLINE = "https://meet.example.org/room-42";

    PublicPages pages;
    long sessionId;
    SignUpReceipt amara;
    SignUpReceipt ben;

    @BeforeEach
    void open(TestStorage db) {
        pages = new PublicPages(db);
        Event event = pages.event(forum("Online Forum").withPromotion(Promotion.offers(48, 24)),
                new SessionDetails("", SESSION_START, SESSION_START.plus(Duration.ofHours(1)), 1, "", ONLINE));
        sessionId = event.sessions().get(0).id();
        amara = pages.signUps.signUp(sessionId, person("Amara"), EventExamples.LINK);
        ben = pages.signUps.signUp(sessionId, person("Ben"), EventExamples.LINK);
    }

    FakeWidgetRequest booking(SignUpReceipt receipt) {
        return visit().with("booking", receipt.cancelToken());
    }

    BookingState state(SignUpReceipt receipt) {
        return pages.signUps.byToken(receipt.cancelToken()).orElseThrow().state();
    }

    @StoreTest
    void theBookingsPageShowsWhatWasBookedAndTheOnlineLinkOnlyWithAPlace() {
        WidgetView view = pages.view(booking(amara));
        Document page = Jsoup.parseBodyFragment(view.html());

        assertThat(view.status()).isEqualTo(200);
        assertThat(page.select("h2").text()).isEqualTo("Online Forum");
        assertThat(page.select("#booking-state").text()).isEqualTo("You have a place");
        assertThat(page.text()).contains("Amara", "Saturday 11 April 2026", "Online");
        assertThat(page.select("#booking-online").attr("href")).isEqualTo(ONLINE);
        assertThat(page.select("#booking-cancel").attr("href")).isEqualTo(
                "/events?booking=" + amara.cancelToken() + "&cancel=ask");
        assertThat(page.select("#booking-accept")).isEmpty();

        Document waiting = pages.page(booking(ben));
        assertThat(waiting.select("#booking-state").text()).isEqualTo("You are number 1 on the waiting list");
        assertThat(waiting.html()).doesNotContain("meet.example.org");
    }

    @StoreTest
    void whereTheEventHoldsTheLinkBackThePageSaysWhenItAppearsAndThenShowsIt() {
        Event heldBack = pages.event(forum("Online Question Time").withOnlineLinkMinutesBefore(30),
                new SessionDetails("", SESSION_START, SESSION_START.plus(Duration.ofHours(1)), 5, "", ONLINE));
        SignUpReceipt cai = pages.signUps.signUp(heldBack.sessions().get(0).id(), person("Cai"), EventExamples.LINK);
        // 10:00 in London on Saturday 11 April 2026, so the link appears at half past nine.
        pages.db.clock().advance(Duration.between(pages.db.clock().instant(),
                SESSION_START.minus(Duration.ofMinutes(31))));

        Document before = pages.page(booking(cai));
        assertThat(before.select("#booking-state").text()).isEqualTo("You have a place");
        assertThat(before.select("#booking-online")).isEmpty();
        assertThat(before.select("#booking-online-later").text())
                .matches("The link to join appears here from 9:30(am|AM) on Saturday 11 April 2026\\. .*");
        assertThat(before.html()).doesNotContain("meet.example.org");

        pages.db.clock().advance(Duration.ofMinutes(1));
        Document after = pages.page(booking(cai));
        assertThat(after.select("#booking-online").attr("href")).isEqualTo(ONLINE);
        assertThat(after.select("#booking-online-later")).isEmpty();
        // The event's public page never shows it, however near the start.
        assertThat(pages.page(visit().with("event", heldBack.slug())).html()).doesNotContain("meet.example.org");
    }

    @StoreTest
    void openingTheLinkOrTheQuestionChangesNothingAndOnlyThePostCancels() {
        pages.view(booking(amara));
        Document question = pages.page(booking(amara).with("cancel", "ask"));
        pages.page(booking(amara).with("cancel", "yes").with("do", "cancel"));

        assertThat(state(amara)).as("a GET never cancels").isEqualTo(BookingState.PLACE);
        assertThat(question.select("h2").text()).isEqualTo("Are you sure you want to cancel?");
        assertThat(question.select("form").attr("method")).isEqualTo("post");
        assertThat(question.select("input[name=" + NS + "booking]").val()).isEqualTo(amara.cancelToken());
        assertThat(question.select("input[name=_csrf]")).hasSize(1);
        assertThat(question.select("#booking-cancel-confirm").attr("value")).isEqualTo("cancel");

        PostOutcome outcome = pages.post(visit().with("booking", amara.cancelToken()).with("do", "cancel"));

        assertThat(outcome).isEqualTo(PostOutcome.done("/events?booking=" + amara.cancelToken(),
                Message.of("booking.notice.cancelled")));
        assertThat(state(amara)).isEqualTo(BookingState.CANCELLED);
        assertThat(state(ben)).as("the next on the list is offered the place").isEqualTo(BookingState.OFFERED);
        Document cancelled = pages.page(booking(amara));
        assertThat(cancelled.select("#booking-state").text()).isEqualTo("This booking is cancelled");
        assertThat(cancelled.select("#booking-cancel")).isEmpty();
        assertThat(cancelled.html()).doesNotContain("meet.example.org");
        assertThat(pages.post(visit().with("booking", amara.cancelToken()).with("do", "cancel"))).isEqualTo(
                PostOutcome.done("/events?booking=" + amara.cancelToken(), Message.of("booking.notice.alreadyCancelled")));
    }

    @StoreTest
    void placesOfferedAreTakenUpByThePostOfAcceptThePlace() {
        pages.signUps.cancel(amara.cancelToken());
        Document offered = pages.page(booking(ben));
        assertThat(offered.select("#booking-state").text()).startsWith("A place is offered to you until");
        assertThat(offered.html()).as("not while only offered").doesNotContain("meet.example.org");
        assertThat(offered.select("#booking-accept").text()).isEqualTo("Accept the place");
        assertThat(state(ben)).isEqualTo(BookingState.OFFERED);

        PostOutcome outcome = pages.post(visit().with("booking", ben.cancelToken()).with("do", "accept"));

        assertThat(outcome).isEqualTo(PostOutcome.done("/events?booking=" + ben.cancelToken(),
                Message.of("booking.notice.accepted")));
        assertThat(state(ben)).isEqualTo(BookingState.PLACE);
        assertThat(pages.page(booking(ben)).select("#booking-online").attr("href")).isEqualTo(ONLINE);
    }

    @StoreTest
    void anUnknownLinkIsAKindPageWithA404AndItsPostChangesNothing() {
        for (String token : new String[] {"no-such-token", "x".repeat(5000), "' OR 1=1 --"}) {
            WidgetView view = pages.view(visit().with("booking", token));
            assertThat(view.status()).isEqualTo(404);
            assertThat(view.html()).contains("We cannot find this booking");
            PostOutcome post = pages.post(visit().with("booking", token).with("do", "cancel"));
            assertThat(post).isInstanceOf(PostOutcome.Invalid.class);
            assertThat(((PostOutcome.Invalid) post).view().status()).isEqualTo(404);
        }
        assertThat(state(amara)).isEqualTo(BookingState.PLACE);
        assertThat(pages.post(visit().with("booking", amara.cancelToken()).with("do", "something")))
                .isEqualTo(PostOutcome.done("/events?booking=" + amara.cancelToken()));
        assertThat(state(amara)).isEqualTo(BookingState.PLACE);
    }
}
