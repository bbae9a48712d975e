package dev.participation.service.internal.account;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;

import dev.participation.api.audit.AuditLog;
import dev.participation.api.widget.Roles;
import dev.participation.service.internal.storage.Database;

/**
 * Makes sure a fresh installation has an administrator without shipping a default password:
 * either the configured hash is used, or a random password is generated and shown once on
 * standard output (not in the log, which is often collected and kept).
 */
final class FirstAdministrator {

    private static final System.Logger LOG = System.getLogger(FirstAdministrator.class.getName());
    // No 0/O, 1/l/I: the password is read off a console and typed in by hand.
    private static final String READABLE = "abcdefghjkmnpqrstuvwxyz23456789";

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final SecureRandom random;

    FirstAdministrator(Database database, AuditLog audit, Clock clock, PasswordHasher hasher, SecureRandom random) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.hasher = hasher;
        this.random = random;
    }

    /** @return whether this call created the administrator */
    boolean ensure(AccountsConfiguration config, PrintStream console) {
        if (database.read(AccountRows::hasAdministrator)) {
            return false;
        }
        String username;
        try {
            username = AccountRules.checkUsername(config.adminUsername());
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.ERROR, AccountsConfiguration.PID + ": adminUsername: " + e.getMessage());
            return false;
        }
        String configuredHash = config.adminPasswordHash().strip();
        if (!configuredHash.isEmpty()) {
            if (!PasswordHasher.isWellFormed(configuredHash)) {
                LOG.log(System.Logger.Level.ERROR, AccountsConfiguration.PID + ": adminPasswordHash is not a hash made"
                        + " by PasswordHashCommand; no administrator was created");
                return false;
            }
            return create(username, configuredHash, false);
        }
        char[] password = generatePassword();
        try {
            boolean created = create(username, hasher.hashGenerated(password), true);
            if (created) {
                printBanner(console, username, password);
            }
            return created;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** @param printed whether the password is shown on the console, and so must be changed at first sign-in */
    private boolean create(String username, String hash, boolean printed) {
        boolean created = database.write(connection -> {
            if (!AccountRows.insertIfAbsent(connection, database.dialect(), username, "Administrator", hash,
                    clock.instant())) {
                return false;
            }
            AccountRows.replaceRoles(connection, username, Set.of(Roles.ADMIN));
            if (printed) {
                try (PreparedStatement mustChange = connection.prepareStatement(
                        "UPDATE account SET password_change_required = TRUE WHERE username = ?")) {
                    mustChange.setString(1, username);
                    mustChange.executeUpdate();
                }
            }
            audit.record("system", "account.create", AccountStore.RECORD_TYPE, username,
                    "First administrator created at start-up; roles: admin");
            return true;
        });
        if (!created && !database.read(AccountRows::hasAdministrator)) {
            LOG.log(System.Logger.Level.WARNING, "No account has the admin role, and the account ''{0}'' already"
                    + " exists without it; give some account the admin role or set another adminUsername", username);
        }
        return created;
    }

    private char[] generatePassword() {
        // Five groups of four: about 99 bits of randomness (see PasswordHasher.hashGenerated), and easy
        // to read aloud.
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = i % 5 == 4 ? '-' : READABLE.charAt(random.nextInt(READABLE.length()));
        }
        return password;
    }

    private static void printBanner(PrintStream console, String username, char[] password) {
        String line = "=".repeat(72);
        console.println(line);
        console.println(" Participation portal: the first administrator account was created.");
        console.println();
        console.println("   User name: " + username);
        console.println("   Password:  " + new String(password));
        console.println();
        console.println(" Sign in to the intranet with these; you will be asked to choose a new password.");
        console.println(" This password is shown only now and is not stored anywhere in clear.");
        console.println(" To choose it yourself instead, set adminPasswordHash in the configuration");
        console.println(" " + AccountsConfiguration.PID + " (see PasswordHashCommand).");
        console.println(line);
        console.flush();
    }
}
