package dev.participation.service.internal.account;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Shared by the accounts and the sessions components, which read the same PID. */
@ObjectClassDefinition(name = "Participation accounts",
        description = "Local staff accounts of the embedded portal: the first administrator, lock-out and"
                + " how long a signed-in session lasts.")
public @interface AccountsConfiguration {

    String PID = "dev.participation.accounts";

    @AttributeDefinition(name = "Administrator user name",
            description = "Created at first start when no account has the admin role.")
    String adminUsername() default "admin";

    @AttributeDefinition(name = "Administrator password hash", type = AttributeType.PASSWORD, required = false,
            description = "Output of PasswordHashCommand. Empty: a random password is generated and printed once"
                    + " to standard output at first start.")
    String adminPasswordHash() default "";

    @AttributeDefinition(name = "Failures before lock-out", min = "1")
    int maxFailures() default 5;

    @AttributeDefinition(name = "Lock-out minutes", min = "1")
    int lockMinutes() default 15;

    @AttributeDefinition(name = "Session idle minutes", min = "1",
            description = "A session ends after this long without a request.")
    int sessionIdleMinutes() default 120;

    @AttributeDefinition(name = "Session maximum hours", min = "1",
            description = "A session ends this long after sign-in, however busy.")
    int sessionMaxHours() default 12;
}
