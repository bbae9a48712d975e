package dev.participation.service.internal.protection;

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

/**
 * A public form's counting windows hold keyed hashes of visitors' addresses; once a window is over
 * they limit nothing, and after a while the refusal counts in them are no longer news.
 */
@Component(configurationPid = PublicFormWindowRetention.PID)
@Designate(ocd = PublicFormWindowRetention.Config.class)
public final class PublicFormWindowRetention implements RetentionRule {

    public static final String PID = "dev.participation.retention.publicforms";

    @ObjectClassDefinition(name = "Participation retention: public form limits",
            description = "How long a public form's post counts (per hashed address, overall, refused) are kept.")
    public @interface Config {

        @AttributeDefinition(name = "Kept after the window ends (hours)", min = "1", max = "8760")
        int keptHours() default 72;
    }

    private final Database database;
    private final Duration keptFor;

    @Activate
    public PublicFormWindowRetention(@Reference Database database, Config config) {
        this.database = database;
        this.keptFor = Duration.ofHours(Math.max(1, config.keptHours()));
    }

    @Override
    public String recordType() {
        return "public-form-window";
    }

    @Override
    public Duration keptFor() {
        return keptFor;
    }

    @Override
    public String keptFrom() {
        return "the end of the counting window";
    }

    @Override
    public Treatment treatment() {
        return Treatment.ERASE;
    }

    @Override
    public int apply(Instant cutoff) {
        return database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM public_form_window WHERE window_end <= ?")) {
                Sql.setInstant(delete, 1, cutoff);
                return delete.executeUpdate();
            }
        });
    }
}
