package dev.participation.service.internal.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The one clock every service reads, so the council's time zone is set in one place and tests
 * (and demonstrations) can stop time with {@code fixedInstant}.
 */
@Component(service = Clock.class, configurationPid = ParticipationClock.PID)
@Designate(ocd = ParticipationClock.Config.class)
public final class ParticipationClock extends Clock {

    public static final String PID = "dev.participation.clock";

    @ObjectClassDefinition(name = "Participation clock",
            description = "The time zone dates are shown in, and optionally a fixed time for testing.")
    public @interface Config {

        @AttributeDefinition(name = "Time zone", description = "An IANA zone such as Europe/London.")
        String zone() default "Europe/London";

        @AttributeDefinition(name = "Fixed instant", required = false,
                description = "ISO-8601 instant, e.g. 2026-03-01T09:00:00Z; stops the clock there. Tests only.")
        String fixedInstant() default "";
    }

    private final Clock delegate;

    @Activate
    public ParticipationClock(Config config) {
        ZoneId zone;
        try {
            zone = ZoneId.of(config.zone().strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(PID + ": zone '" + config.zone() + "' is not a known time zone", e);
        }
        if (config.fixedInstant().isBlank()) {
            delegate = Clock.system(zone);
        } else {
            try {
                delegate = Clock.fixed(Instant.parse(config.fixedInstant().strip()), zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(PID + ": fixedInstant '" + config.fixedInstant()
                        + "' is not an ISO-8601 instant such as 2026-03-01T09:00:00Z", e);
            }
        }
    }

    @Override
    public ZoneId getZone() {
        return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return delegate.withZone(zone);
    }

    @Override
    public Instant instant() {
        return delegate.instant();
    }
}
