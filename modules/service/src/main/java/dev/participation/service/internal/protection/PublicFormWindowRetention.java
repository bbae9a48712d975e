package dev.participation.service.internal.protection;

import java.time.Duration;

import dev.participation.api.retention.RetentionRule;

import dev.participation.service.internal.retention.ErasingRule;
import dev.participation.service.internal.storage.Database;

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
// The service is named: DS would offer only interfaces the class itself implements.
@Component(service = RetentionRule.class, configurationPid = PublicFormWindowRetention.PID)
@Designate(ocd = PublicFormWindowRetention.Config.class)
public final class PublicFormWindowRetention extends ErasingRule {

    public static final String PID = "dev.participation.retention.publicforms";

    @ObjectClassDefinition(name = "Participation retention: public form limits",
            description = "How long a public form's post counts (per hashed address, overall, refused) are kept.")
    public @interface Config {

        @AttributeDefinition(name = "Kept after the window ends (hours)", min = "1", max = "8760")
        int keptHours() default 72;
    }

    @Activate
    public PublicFormWindowRetention(@Reference Database database, Config config) {
        super(database, "public-form-window", Duration.ofHours(Math.max(1, config.keptHours())),
                "the end of the counting window", "DELETE FROM public_form_window WHERE window_end <= ?");
    }
}
