package dev.participation.host.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.participation.service.internal.protection.PublicFormGuardConfiguration;
import dev.participation.service.internal.protection.PublicFormGuardService;
import dev.participation.testing.db.TestClock;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A visitor's public form behind the real guard: each rule trips, the page says why in plain
 * words, and what the person typed is back in the form; the next honest send goes through.
 */
class PublicFormProtectionTest {

    private static final String VISITOR_ADDRESS = "192.0.2.7";
    private static final String IDEA = "A water fountain by the \"skate park\" & more bins";

    private final Portal portal = new Portal();
    private final TestClock clock = new TestClock(Portal.NOW);
    private final FormLimitsDatabase database = new FormLimitsDatabase();
    private final Cookie visitor = Portal.visitor();
    private SuggestionsWidget widget;
    private String ns;
    private String postPath;

    @AfterEach
    void dropDatabase() {
        database.shutdown();
    }

    @Test
    void anHonestVisitorWhoTakesTheirTimeIsThankedAndTheIdeaKept() {
        open(20, 1000);
        String token = drawnToken();
        clock.advance(Duration.ofSeconds(30));

        Http.Exchange sent = send(token, "", VISITOR_ADDRESS);

        assertThat(sent.status()).isEqualTo(303);
        assertThat(widget.ideas).containsExactly(IDEA);
    }

    @Test
    void aFilledHoneypotIsRefusedKindlyWithTheIdeaKeptAndTheHoneypotEmptied() {
        open(20, 1000);
        String token = drawnToken();
        clock.advance(Duration.ofSeconds(30));

        Http.Exchange refused = send(token, "https://cheap-pills.example", VISITOR_ADDRESS);

        assertRefusedKeepingTheIdea(refused, "Sorry, we could not send that. Your answers are still here");
        assertThat(refused.body()).doesNotContain("cheap-pills")
                .contains("name=\"" + ns + "website\" value=\"\" tabindex=\"-1\"");
        assertThat(widget.ideas).isEmpty();
        assertSendingAgainFromTheRefusedPageWorks(refused);
    }

    @Test
    void aFormSentSoonerThanAPersonCouldFillItIsRefusedAndTheSecondSendWorks() {
        open(20, 1000);
        String token = drawnToken();
        clock.advance(Duration.ofSeconds(1));

        Http.Exchange refused = send(token, "", VISITOR_ADDRESS);

        System.out.println("PEEK>>" + refused.body().substring(refused.body().indexOf("<section")) + "<<PEEK");
        assertRefusedKeepingTheIdea(refused, "That was very quick! Your answers are still here");
        assertThat(widget.ideas).isEmpty();
        assertSendingAgainFromTheRefusedPageWorks(refused);
    }

    @Test
    void aFormWithoutItsTokenOrLeftOpenForDaysIsRefusedKindly() {
        open(20, 1000);
        String token = drawnToken();
        clock.advance(Duration.ofSeconds(30));

        assertRefusedKeepingTheIdea(send(null, "", VISITOR_ADDRESS), "Sorry, something went wrong sending that.");
        clock.advance(Duration.ofDays(2));
        assertRefusedKeepingTheIdea(send(token, "", VISITOR_ADDRESS), "This page was open for a long time");
        assertThat(widget.ideas).isEmpty();
    }

    @Test
    void oneConnectionOverItsLimitIsToldWhenToTryAgainAndOthersStillGetThrough() {
        open(2, 1000);
        for (int i = 0; i < 2; i++) {
            String token = drawnToken();
            clock.advance(Duration.ofSeconds(30));
            assertThat(send(token, "", VISITOR_ADDRESS).status()).isEqualTo(303);
        }
        String token = drawnToken();
        clock.advance(Duration.ofSeconds(30));

        Http.Exchange refused = send(token, "", VISITOR_ADDRESS);

        // Portal.NOW is 10:00; 1.5 minutes of form filling later, the hour's window has 58.5 to go.
        assertRefusedKeepingTheIdea(refused, "sent from your internet connection just now. Your answers are still here:"
                + " please try sending them again in 59 minutes.");
        assertThat(send(token, "", "198.51.100.4").status()).as("another connection").isEqualTo(303);
        assertThat(widget.ideas).hasSize(3);
    }

    @Test
    void whenEveryoneTogetherIsOverTheLimitTheMessageSaysSo() {
        open(20, 1);
        String token = drawnToken();
        clock.advance(Duration.ofSeconds(30));
        assertThat(send(token, "", VISITOR_ADDRESS).status()).isEqualTo(303);

        Http.Exchange refused = send(token, "", "198.51.100.4");

        assertRefusedKeepingTheIdea(refused, "A lot of people are sending answers just now.");
        assertThat(widget.ideas).hasSize(1);
    }

    private void open(int postsPerAddress, int postsOverall) {
        PublicFormGuardService guard = new PublicFormGuardService(database, portal.secrets, portal.audit, clock,
                config(postsPerAddress, postsOverall));
        widget = new SuggestionsWidget(guard);
        portal.widgets.add(widget, null, false, 0);
        String id = portal.instances.place("home", "suggestions", Map.of(), "test").id();
        ns = "w" + id + "_";
        postPath = "/home/widgets/" + id;
    }

    /** Opens the page as the visitor and reads the form's token. */
    private String drawnToken() {
        return tokenIn(portal.page("/", visitor).body());
    }

    private String tokenIn(String page) {
        Matcher token = Pattern.compile("name=\"" + ns + "form_drawn_at\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the form carries its token").isTrue();
        return token.group(1);
    }

    private Http.Exchange send(String token, String honeypot, String address) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", portal.token(visitor));
        form.put(ns + "idea", IDEA);
        form.put(ns + "website", honeypot);
        if (token != null) {
            form.put(ns + "form_drawn_at", token);
        }
        Http.Exchange exchange = Http.post(postPath, form, visitor);
        when(exchange.request.getRemoteAddr()).thenReturn(address);
        return Portal.run(portal.publicSite, exchange);
    }

    private void assertRefusedKeepingTheIdea(Http.Exchange refused, String because) {
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("<h2 class=\"govuk-error-summary__title\">Your answers have not been sent yet</h2>")
                .contains(because)
                .contains(">A water fountain by the &quot;skate park&quot; &amp; more bins</textarea>");
    }

    /** The refused page's form, sent again after reading the message, goes through. */
    private void assertSendingAgainFromTheRefusedPageWorks(Http.Exchange refused) {
        String fresh = tokenIn(refused.body());
        clock.advance(Duration.ofSeconds(10));

        assertThat(send(fresh, "", VISITOR_ADDRESS).status()).isEqualTo(303);
        assertThat(widget.ideas).containsExactly(IDEA);
    }

    private static PublicFormGuardConfiguration config(int postsPerAddress, int postsOverall) {
        return new PublicFormGuardConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PublicFormGuardConfiguration.class;
            }

            @Override
            public int minimumFillSeconds() {
                return 3;
            }

            @Override
            public int formOpenHours() {
                return 24;
            }

            @Override
            public int windowMinutes() {
                return 60;
            }

            @Override
            public int postsPerAddress() {
                return postsPerAddress;
            }

            @Override
            public int postsOverall() {
                return postsOverall;
            }
        };
    }

}
