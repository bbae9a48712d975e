package dev.participation.health.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Who may read the detailed health report; everyone else learns only whether the node is healthy. */
@ObjectClassDefinition(id = HealthConfiguration.PID, name = "Participation health",
        description = "The /health address used by load balancers and monitoring")
public @interface HealthConfiguration {

    String PID = "dev.participation.health";

    @AttributeDefinition(name = "Management addresses",
            description = "Addresses or CIDR ranges (monitoring hosts) that get the detailed report: checks, "
                    + "bundles and components. Signed-in admins get it too. Empty: admins only.")
    String[] managementAddresses() default {};
}
