package dev.participation.service.internal.retention;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.participation.api.retention.RetentionRule;
import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Sql;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Sign-in throttle rows hold client addresses and typed user names; once their failures are
 * forgotten they protect nothing, so they are erased.
 */
// The service is named: DS would offer only interfaces the class itself implements.
@Component(service = RetentionRule.class, configurationPid = SignInThrottleRetention.PID)
@Designate(ocd = SignInThrottleRetention.Config.class)
public final class SignInThrottleRetention extends ErasingRule {

    public static final String PID = "dev.participation.retention.throttle";

    @ObjectClassDefinition(name = "Participation retention: sign-in throttle",
            description = "How long failed sign-ins of a client address or user name are kept.")
    public @interface Config {

        @AttributeDefinition(name = "Kept after the last failure (hours)", min = "1", max = "87600",
                description = "Keep at least the sign-in throttle's own \"forget failures after\" period.")
        int keptHours() default 24;
    }

    private final Clock clock;

    @Activate
    public SignInThrottleRetention(@Reference Database database, @Reference Clock clock, Config config) {
        super(database, "sign-in-throttle", Duration.ofHours(Math.max(1, config.keptHours())),
                "the last failed sign-in",
                "DELETE FROM sign_in_throttle WHERE last_failure_at <= ? AND blocked_until < ?");
        this.clock = clock;
    }

    // A row still blocking sign-ins is kept whatever its age, or erasing it would lift the block.
    @Override
    protected void bind(PreparedStatement statement, Instant cutoff) throws SQLException {
        Sql.setInstant(statement, 1, cutoff);
        Sql.setInstant(statement, 2, clock.instant());
    }
}
