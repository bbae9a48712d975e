package dev.participation.service.internal.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import dev.participation.service.internal.storage.Configs;

import org.junit.jupiter.api.Test;

class ParticipationClockTest {

    @Test
    void defaultsToLondonTime() {
        ParticipationClock clock = new ParticipationClock(Configs.of(ParticipationClock.Config.class));

        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/London"));
    }

    @Test
    void aFixedInstantStopsTheClock() {
        ParticipationClock clock = new ParticipationClock(Configs.of(ParticipationClock.Config.class,
                "zone", "Europe/London", "fixedInstant", "2026-07-01T08:30:00Z"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-07-01T08:30:00Z"));
        assertThat(clock.instant().atZone(clock.getZone()).getHour()).isEqualTo(9);
    }

    @Test
    void badSettingsAreNamedInTheError() {
        assertThatThrownBy(() -> new ParticipationClock(Configs.of(ParticipationClock.Config.class, "zone", "Mars/Base")))
                .hasMessageContaining("zone 'Mars/Base'");
        assertThatThrownBy(() -> new ParticipationClock(Configs.of(ParticipationClock.Config.class,
                "fixedInstant", "tomorrow"))).hasMessageContaining("fixedInstant 'tomorrow'");
    }
}
