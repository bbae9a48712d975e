package dev.participation.service.internal.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import dev.participation.service.internal.protection.FormTokens.Reading;

import org.junit.jupiter.api.Test;

class FormTokensTest {

    private static final Instant DRAWN = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration MIN = Duration.ofSeconds(3);
    private static final Duration MAX = Duration.ofHours(24);

    private final FormTokens tokens = new FormTokens(new byte[32]);

    @Test
    void aFormSentAfterTheMinimumAndBeforeItGoesStaleIsFine() {
        String token = tokens.issue("feedback.comment", DRAWN);

        assertThat(tokens.read("feedback.comment", token, DRAWN.plusSeconds(3), MIN, MAX)).isEqualTo(Reading.FINE);
        assertThat(tokens.read("feedback.comment", token, DRAWN.plus(MAX), MIN, MAX)).isEqualTo(Reading.FINE);
    }

    @Test
    void aFormSentSoonerThanThePersonCouldHaveFilledItIsTooQuick() {
        String token = tokens.issue("feedback.comment", DRAWN);

        assertThat(tokens.read("feedback.comment", token, DRAWN.plusMillis(2999), MIN, MAX))
                .isEqualTo(Reading.TOO_QUICK);
    }

    @Test
    void aFormOpenLongerThanTheMaximumIsTooOld() {
        String token = tokens.issue("feedback.comment", DRAWN);

        assertThat(tokens.read("feedback.comment", token, DRAWN.plus(MAX).plusMillis(1), MIN, MAX))
                .isEqualTo(Reading.TOO_OLD);
    }

    @Test
    void aTokenWithAnEarlierTimeWrittenInIsNotOurs() {
        String token = tokens.issue("feedback.comment", DRAWN);
        String backdated = DRAWN.minusSeconds(60).toEpochMilli() + token.substring(token.indexOf('.'));

        assertThat(tokens.read("feedback.comment", backdated, DRAWN.plusSeconds(1), MIN, MAX))
                .isEqualTo(Reading.UNREADABLE);
    }

    @Test
    void aTokenOnlyWorksForTheFormItWasDrawnFor() {
        String token = tokens.issue("events.booking", DRAWN);

        assertThat(tokens.read("feedback.comment", token, DRAWN.plusSeconds(10), MIN, MAX))
                .isEqualTo(Reading.UNREADABLE);
    }

    @Test
    void anotherKeysTokenIsNotOurs() {
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        String token = new FormTokens(otherKey).issue("feedback.comment", DRAWN);

        assertThat(tokens.read("feedback.comment", token, DRAWN.plusSeconds(10), MIN, MAX))
                .isEqualTo(Reading.UNREADABLE);
    }

    @Test
    void missingAndMangledTokensAreNotOurs() {
        Instant now = DRAWN.plusSeconds(10);
        for (String token : new String[] {null, "", ".", "123", "abc.def", "99999999999999999999.x", "1.2.3"}) {
            assertThat(tokens.read("feedback.comment", token, now, MIN, MAX)).as(String.valueOf(token))
                    .isEqualTo(Reading.UNREADABLE);
        }
    }

    @Test
    void aTokenFromTheFutureBeyondClockSkewIsNotOurs() {
        String token = tokens.issue("feedback.comment", DRAWN.plus(FormTokens.CLOCK_SKEW).plusSeconds(1));

        assertThat(tokens.read("feedback.comment", token, DRAWN, Duration.ZERO, MAX)).isEqualTo(Reading.UNREADABLE);
    }
}
