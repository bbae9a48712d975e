package dev.participation.service.internal.account;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Shared by the accounts and the sessions components, which read the same PID. */
@ObjectClassDefinition(name = "Participation accounts",
        description = "Local staff accounts of the embedded portal: the first administrator, sign-in throttling and"
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

    @AttributeDefinition(name = "Free failures per user name", min = "1",
            description = "Wrong passwords for one user name, from anywhere, before each further attempt on it"
                    + " must wait (1 second, doubling per failure, up to the cap below).")
    int accountFreeFailures() default 3;

    @AttributeDefinition(name = "Longest wait per user name (seconds)", min = "1",
            description = "Kept short on purpose: a stranger failing on someone's name can never keep that person"
                    + " out for longer than this.")
    int accountMaxDelaySeconds() default 10;

    @AttributeDefinition(name = "Free failures per client address", min = "1",
            description = "Failed sign-ins from one address before it must wait (1 second, doubling per failure,"
                    + " up to the cap below).")
    int addressFreeFailures() default 10;

    @AttributeDefinition(name = "Longest wait per client address (minutes)", min = "1")
    int addressMaxDelayMinutes() default 60;

    @AttributeDefinition(name = "Forget failures after (hours)", min = "1",
            description = "Failures are counted again from zero after this long without one.")
    int forgetFailuresHours() default 24;

    @AttributeDefinition(name = "Passwords checked at once", min = "1",
            description = "Each check is deliberately slow; more sign-ins than this at the same moment are asked to"
                    + " try again a moment later, so a flood of attempts cannot slow every page.")
    int concurrentPasswordChecks() default 2;

    @AttributeDefinition(name = "Session idle minutes", min = "1",
            description = "A session ends after this long without a request.")
    int sessionIdleMinutes() default 120;

    @AttributeDefinition(name = "Session maximum hours", min = "1",
            description = "A session ends this long after sign-in, however busy.")
    int sessionMaxHours() default 12;
}
