package dev.participation.events.internal.alerts;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Who hears when a session is filling up. */
@ObjectClassDefinition(name = "Participation events: places alerts",
        description = "Who is emailed when a session passes 80% of its places and when it is full.")
public @interface AlertConfiguration {

    String PID = "dev.participation.events.alerts";

    @AttributeDefinition(name = "Organisers' mail addresses", required = false,
            description = "Each address gets one email per session when it passes 80% of its places, and one when"
                    + " it is full. Empty: no alerts are sent (or recorded, so they follow once addresses are set).")
    String[] organisers() default {};

    @AttributeDefinition(name = "Minutes between checks",
            description = "How often the sessions are checked for passing a threshold.", min = "1", max = "60")
    int everyMinutes() default 5;
}
