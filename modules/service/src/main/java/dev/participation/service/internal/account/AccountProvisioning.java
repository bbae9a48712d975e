package dev.participation.service.internal.account;

import java.util.Arrays;
import java.util.HashSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One account declared in configuration (a factory configuration per account), created or
 * brought in line with the configuration at every start. Configuration wins: a provisioned
 * account's name, roles and (when given) password hash are reset to the configured ones.
 */
@Component(configurationPid = AccountProvisioning.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = AccountProvisioning.Config.class, factory = true)
public final class AccountProvisioning {

    public static final String FACTORY_PID = "dev.participation.account";

    @ObjectClassDefinition(name = "Participation account",
            description = "A staff account created at start-up from configuration.")
    public @interface Config {

        @AttributeDefinition(name = "User name", description = "2 to 64 lower-case letters, digits, . - _")
        String username();

        @AttributeDefinition(name = "Display name")
        String displayName();

        @AttributeDefinition(name = "Roles", description = "Any of staff, editor, admin.", required = false)
        String[] roles() default {};

        @AttributeDefinition(name = "Password hash", type = AttributeType.PASSWORD, required = false,
                description = "Output of PasswordHashCommand; needed when the account does not exist yet.")
        String passwordHash() default "";
    }

    @Activate
    public AccountProvisioning(@Reference AccountProvisioner accounts, Config config) {
        accounts.provision(config.username(), config.displayName(), new HashSet<>(Arrays.asList(config.roles())),
                config.passwordHash());
    }
}
