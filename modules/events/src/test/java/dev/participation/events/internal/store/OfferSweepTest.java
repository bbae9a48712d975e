package dev.participation.events.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.participation.events.api.SignUps;

import org.junit.jupiter.api.Test;

class OfferSweepTest {

    @Test
    void everyFewMinutesOffersPastTheirTimeLapse() {
        SignUps signUps = mock(SignUps.class);
        OfferSweep sweep = new OfferSweep(signUps);

        sweep.run();

        verify(signUps).lapseOffers();
        assertThat(sweep.name()).isEqualTo("events.offers");
        assertThat(sweep.schedule().everyMinutes()).isEqualTo(5);
    }
}
