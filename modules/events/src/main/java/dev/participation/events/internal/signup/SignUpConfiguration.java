package dev.participation.events.internal.signup;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** System settings of the public sign-up: where the links in people's emails point. */
@ObjectClassDefinition(name = "Participation events: public sign-up",
        description = "Settings of the public event sign-up form and the booking page its emails link to.")
public @interface SignUpConfiguration {

    String PID = "dev.participation.events.signup";

    @AttributeDefinition(name = "Public address of the site",
            description = "The address people reach the public site at, such as https://www.example.gov.uk. The link"
                    + " in each confirmation email, to see or cancel a booking, starts with it.")
    String publicAddress() default "http://localhost:8080";
}
