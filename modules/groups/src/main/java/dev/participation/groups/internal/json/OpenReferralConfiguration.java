package dev.participation.groups.internal.json;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What the Open Referral UK feed says about the council beyond the groups themselves. A group's
 * manager is staff and never a public contact, so the feed names the council's public contact for
 * participation, or none.
 */
@ObjectClassDefinition(id = OpenReferralConfiguration.PID, name = "Participation groups: Open Referral UK feed",
        description = "The groups published as Open Referral UK 3.0 services at /api/open-referral/services")
public @interface OpenReferralConfiguration {

    String PID = "dev.participation.groups.openreferral";

    @AttributeDefinition(name = "Group page address",
            description = "Where each group's page is on the council's site, with {slug} for the group's address, "
                    + "e.g. https://www.example.gov.uk/have-your-say/groups/{slug}. Must start with https://. "
                    + "Empty: services carry no web address.")
    String groupPageAddress() default "";

    @AttributeDefinition(name = "Public contact name",
            description = "The council team people can contact about any group, e.g. Participation team. "
                    + "Empty: no contact is published.")
    String contactName() default "";

    @AttributeDefinition(name = "Public contact email",
            description = "The team's public email address, published as each service's email. Empty: none.")
    String contactEmail() default "";
}
