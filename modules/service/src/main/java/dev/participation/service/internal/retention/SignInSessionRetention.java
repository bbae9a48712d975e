package dev.participation.service.internal.retention;

import java.sql.PreparedStatement;
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

/** Expired sign-in sessions (who was signed in, and when) are erased a while after they expire. */
@Component(configurationPid = SignInSessionRetention.PID)
@Designate(ocd = SignInSessionRetention.Config.class)
public final class SignInSessionRetention implements RetentionRule {

    public static final String PID = "dev.participation.retention.sessions";

    @ObjectClassDefinition(name = "Participation retention: sign-in sessions",
            description = "How long an expired sign-in session is kept before it is erased.")
    public @interface Config {

        @AttributeDefinition(name = "Kept after expiry (days)", min = "0", max = "3650")
        int keptDays() default 7;
    }

    private final Database database;
    private final Duration keptFor;

    @Activate
    public SignInSessionRetention(@Reference Database database, Config config) {
        this.database = database;
        this.keptFor = Duration.ofDays(Math.max(0, config.keptDays()));
    }

    @Override
    public String recordType() {
        return "sign-in-session";
    }

    @Override
    public Duration keptFor() {
        return keptFor;
    }

    @Override
    public String keptFrom() {
        return "the session expired";
    }

    @Override
    public Treatment treatment() {
        return Treatment.ERASE;
    }

    @Override
    public int apply(Instant cutoff) {
        return database.write(connection -> {
            // A session has expired once either its idle or its absolute end has passed.
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sign_in_session WHERE idle_expires_at <= ? OR absolute_expires_at <= ?")) {
                Sql.setInstant(delete, 1, cutoff);
                Sql.setInstant(delete, 2, cutoff);
                return delete.executeUpdate();
            }
        });
    }
}
