package dev.participation.events.internal.staff;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What the events staff pages need to know about the public site. */
@ObjectClassDefinition(name = "Participation events: staff pages",
        description = "Where the public events page is, for the links in mails to people staff book on their behalf.")
public @interface StaffConfiguration {

    String PID = "dev.participation.events.staff";

    @AttributeDefinition(name = "Public site address",
            description = "The public site's address, such as https://www.council.example; a booking's own page is"
                    + " this followed by /events?booking=...")
    String publicAddress() default "http://localhost:8080";
}
