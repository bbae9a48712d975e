package dev.participation.events.api;

import static dev.participation.events.EventExamples.forum;
import static dev.participation.events.EventExamples.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.participation.api.widget.Message;
import dev.participation.events.EventExamples;

import org.junit.jupiter.api.Test;

class EventRulesTest {

    static EventDetails with(String title, Integer youngest, Integer oldest, Set<String> tags, int consentAge,
            Promotion promotion) {
        EventDetails f = forum(title);
        return new EventDetails(title, f.description(), f.type(), youngest, oldest, tags, f.access(), f.food(),
                f.signUpOpens(), f.signUpCloses(), f.status(), consentAge, promotion);
    }

    @Test
    void aGoodEventHasNoProblems() {
        assertThat(EventRules.check(forum("Youth Forum"))).isEmpty();
        assertThat(EventRules.checkSessions(List.of(session(20)))).isEmpty();
    }

    @Test
    void aTagIsLowerCaseWordsJoinedBySingleHyphensUpToItsLimit() {
        assertThat(List.of("sport", "care-leavers", "year-7", "a".repeat(EventRules.TAG_MAX)))
                .allMatch(EventRules::validTag);
        assertThat(List.of("", "Sport", "care leavers", "-sport", "sport-", "care--leavers", "a".repeat(EventRules.TAG_MAX + 1)))
                .noneMatch(EventRules::validTag);
        assertThat(EventRules.check(with("Forum", 8, 14, Set.of("a".repeat(EventRules.TAG_MAX + 1)), 13, Promotion.AUTOMATIC)))
                .containsOnlyKeys("tags");
    }

    @Test
    void eachBadFieldIsNamed() {
        assertThat(EventRules.check(with(" ", 14, 8, Set.of("Bad Tag"), 12, Promotion.offers(0, -1))))
                .containsOnlyKeys("title", "oldest", "tags", "consentAge", "promotion.offerHours",
                        "promotion.stopsHoursBefore");
        assertThat(EventRules.check(with("x".repeat(EventRules.TITLE_MAX + 1), -1, null, Set.of(), 13,
                Promotion.AUTOMATIC))).containsOnlyKeys("title", "youngest");
    }

    @Test
    void hiddenCharactersAreRefusedButLinesAreFineInLongerTexts() {
        EventDetails f = forum("Forum");
        EventDetails bad = new EventDetails("Fo\u0000rum", "Line one\nline two", f.type(), null, null, Set.of(),
                "Ramp\u202E", false, f.signUpOpens(), f.signUpCloses(), f.status(), 13, Promotion.AUTOMATIC);
        assertThat(EventRules.check(bad)).containsOnlyKeys("title", "access")
                .containsEntry("title", Message.of("events.error.characters"));
        assertThat(PlainText.isPlain("Zoë 👩‍👩‍👧 café", false)).as("emoji with joiners are fine").isTrue();
        assertThat(PlainText.isPlain("two\nlines", false)).isFalse();
        assertThat(PlainText.isPlain("two\nlines", true)).isTrue();
        assertThat(PlainText.isPlain("\uDC00", true)).isFalse();
    }

    @Test
    void theConsentAgeMayOnlyBeRaisedTo18() {
        assertThat(EventRules.check(with("Week", 8, 14, Set.of(), 18, Promotion.AUTOMATIC))).isEmpty();
        assertThat(EventRules.check(with("Week", 8, 14, Set.of(), 19, Promotion.AUTOMATIC)))
                .containsEntry("consentAge", Message.of("events.error.consentAge", 13, 18));
    }

    @Test
    void theOnlineLinkMayBeHeldBackUpToAWeekBeforeTheStart() {
        EventDetails f = forum("Online Forum");
        assertThat(EventRules.check(f.withOnlineLinkMinutesBefore(0))).isEmpty();
        assertThat(EventRules.check(f.withOnlineLinkMinutesBefore(30))).isEmpty();
        assertThat(EventRules.check(f.withOnlineLinkMinutesBefore(7 * 24 * 60))).isEmpty();
        for (int minutes : new int[] {-1, 7 * 24 * 60 + 1}) {
            assertThat(EventRules.check(f.withOnlineLinkMinutesBefore(minutes))).as("%d minutes", minutes)
                    .containsOnlyKeys("onlineLinkMinutesBefore")
                    .containsEntry("onlineLinkMinutesBefore", Message.of("events.error.onlineLinkMinutes", "10080"));
        }
    }

    @Test
    void theOnlineLinkIsShownFromTheMinutesTheEventSaysAndAtOnceWithoutThem() {
        Instant start = EventExamples.SESSION_START;
        EventDetails atOnce = forum("Online Forum");
        assertThat(atOnce.onlineLinkShownFrom(start)).isEmpty();
        assertThat(atOnce.showsOnlineLinkAt(start, EventExamples.NOW)).isTrue();

        EventDetails halfAnHour = atOnce.withOnlineLinkMinutesBefore(30);
        Instant from = start.minus(Duration.ofMinutes(30));
        assertThat(halfAnHour.onlineLinkShownFrom(start)).contains(from);
        assertThat(halfAnHour.showsOnlineLinkAt(start, from.minusSeconds(1))).isFalse();
        assertThat(halfAnHour.showsOnlineLinkAt(start, from)).isTrue();
        assertThat(halfAnHour.showsOnlineLinkAt(start, start.plus(Duration.ofMinutes(10)))).isTrue();
        // The other ways of changing an event keep the setting.
        assertThat(halfAnHour.withStatus(EventStatus.CANCELLED).onlineLinkMinutesBefore()).isEqualTo(30);
        assertThat(halfAnHour.withPromotion(Promotion.offers(24, 2)).onlineLinkMinutesBefore()).isEqualTo(30);
    }

    @Test
    void signUpMustCloseAfterItOpens() {
        EventDetails f = forum("Forum");
        EventDetails backwards = new EventDetails(f.title(), "", f.type(), null, null, Set.of(), "", false,
                f.signUpCloses(), f.signUpOpens(), f.status(), 13, Promotion.AUTOMATIC);
        assertThat(EventRules.check(backwards)).containsOnlyKeys("signUpCloses");
    }

    @Test
    void aSessionNeedsTimesInOrderPlacesAndAPlaceOrASafeLink() {
        SessionDetails good = session(10);
        SessionDetails backwards = new SessionDetails("", good.end(), good.start(), 0, "", "javascript:alert(1)");
        assertThat(EventRules.checkSessions(List.of(good, backwards))).containsOnlyKeys("sessions[1].end",
                "sessions[1].capacity", "sessions[1].onlineLink");
        SessionDetails nowhere = new SessionDetails("", good.start(), good.end(), 5, " ", "");
        assertThat(EventRules.checkSession("", nowhere)).containsOnlyKeys("place");
        assertThat(EventRules.checkSessions(List.of())).containsOnlyKeys("sessions");
        SessionDetails online = new SessionDetails("", good.start(), good.start().plus(Duration.ofHours(1)), 5, "",
                "https://meet.example.org/x");
        assertThat(EventRules.checkSession("", online)).isEmpty();
    }

    @Test
    void slugsAreLowerCaseWordsWithHyphens() {
        assertThat(EventRules.validSlug("activity-week-2026")).isTrue();
        assertThat(EventRules.validSlug("Activity Week")).isFalse();
        assertThat(EventRules.validSlug("a")).isFalse();
        assertThat(EventRules.validSlug("-a-")).isFalse();
        assertThat(EventRules.validSlug(null)).isFalse();
    }

    @Test
    void theSignUpWindowAndStatusDecideWhetherThePublicMaySignUp() {
        EventDetails f = forum("Forum");
        assertThat(f.takesSignUpsAt(EventExamples.NOW)).isTrue();
        assertThat(f.takesSignUpsAt(f.signUpCloses())).isFalse();
        assertThat(f.takesSignUpsAt(f.signUpOpens().minusSeconds(1))).isFalse();
        assertThat(f.withStatus(EventStatus.CANCELLED).takesSignUpsAt(EventExamples.NOW)).isFalse();
        assertThat(f.withStatus(EventStatus.CHANGED).takesSignUpsAt(EventExamples.NOW)).isTrue();
    }
}
