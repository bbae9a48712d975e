package dev.participation.events.internal.store;

import dev.participation.api.jobs.JobSchedule;
import dev.participation.api.jobs.ScheduledJob;
import dev.participation.events.api.SignUps;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Ends offers of places nobody took up in time and passes the places on, for sessions where no
 * sign-up or cancellation happens to do it first. Five minutes late at most, which an offer held
 * for hours can bear.
 */
@Component(service = ScheduledJob.class)
public final class OfferSweep implements ScheduledJob {

    private final SignUps signUps;

    @Activate
    public OfferSweep(@Reference SignUps signUps) {
        this.signUps = signUps;
    }

    @Override
    public String name() {
        return "events.offers";
    }

    @Override
    public JobSchedule schedule() {
        return JobSchedule.everyMinutes(5);
    }

    @Override
    public void run() {
        signUps.lapseOffers();
    }
}
