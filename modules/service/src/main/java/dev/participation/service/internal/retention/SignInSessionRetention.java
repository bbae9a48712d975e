package dev.participation.service.internal.retention;

import java.time.Duration;

import dev.participation.api.retention.RetentionRule;

import dev.participation.service.internal.storage.Database;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Expired sign-in sessions (who was signed in, and when) are erased a while after they expire. */
// The service is named: DS would offer only interfaces the class itself implements.
@Component(service = RetentionRule.class, configurationPid = SignInSessionRetention.PID)
@Designate(ocd = SignInSessionRetention.Config.class)
public final class SignInSessionRetention extends ErasingRule {

    public static final String PID = "dev.participation.retention.sessions";

    @ObjectClassDefinition(name = "Participation retention: sign-in sessions",
            description = "How long an expired sign-in session is kept before it is erased.")
    public @interface Config {

        @AttributeDefinition(name = "Kept after expiry (days)", min = "0", max = "3650")
        int keptDays() default 7;
    }

    @Activate
    public SignInSessionRetention(@Reference Database database, Config config) {
        // A session has expired once either its idle or its absolute end has passed.
        super(database, "sign-in-session", Duration.ofDays(Math.max(0, config.keptDays())), "the session expired",
                "DELETE FROM sign_in_session WHERE idle_expires_at <= ? OR absolute_expires_at <= ?");
    }
}
