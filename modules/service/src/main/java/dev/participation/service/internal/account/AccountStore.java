package dev.participation.service.internal.account;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;

import dev.participation.api.account.Account;
import dev.participation.api.account.AccountChangedException;
import dev.participation.api.account.Accounts;
import dev.participation.api.account.Actor;
import dev.participation.api.account.LocalSignIn;
import dev.participation.api.account.PasswordChange;
import dev.participation.api.account.SignInResult;
import dev.participation.api.audit.AuditLog;
import dev.participation.api.widget.Person;
import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Sql;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Local accounts in {@code account} and {@code account_role}. Failed sign-ins are throttled in
 * {@code sign_in_throttle} (see {@link SignInThrottle}), so every node sharing the database
 * enforces the same delays.
 */
// Immediate: where the host signs people in with these accounts, a fresh installation must get
// its first administrator (and print the one-time password) at start-up, not when somebody first
// tries to sign in.
@Component(service = {Accounts.class, AccountProvisioner.class}, configurationPid = AccountsConfiguration.PID,
        immediate = true)
@Designate(ocd = AccountsConfiguration.class)
public final class AccountStore implements Accounts, AccountProvisioner {

    static final String RECORD_TYPE = "account";
    private static final long ANY_VERSION = -1;

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    // Each check costs about 100 ms of a core; without a cap, a flood of attempts slows every page.
    private final Semaphore passwordChecks;
    private final FirstAdministrator firstAdministrator;
    private final AccountsConfiguration config;
    private final PrintStream console;

    @Activate
    public AccountStore(@Reference Database database, @Reference AuditLog audit, @Reference Clock clock,
            AccountsConfiguration config) {
        this(database, audit, clock, config, new PasswordHasher(), System.out);
    }

    AccountStore(Database database, AuditLog audit, Clock clock, AccountsConfiguration config, PasswordHasher hasher,
            PrintStream console) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.hasher = hasher;
        this.throttle = new SignInThrottle(database, audit,
                new SignInThrottle.Rule(Math.max(1, config.accountFreeFailures()),
                        Duration.ofSeconds(Math.max(1, config.accountMaxDelaySeconds()))),
                new SignInThrottle.Rule(Math.max(1, config.addressFreeFailures()),
                        Duration.ofMinutes(Math.max(1, config.addressMaxDelayMinutes()))),
                Duration.ofHours(Math.max(1, config.forgetFailuresHours())));
        this.passwordChecks = new Semaphore(Math.max(1, config.concurrentPasswordChecks()));
        this.firstAdministrator = new FirstAdministrator(database, audit, clock, hasher, new SecureRandom());
        this.config = config;
        this.console = console;
    }

    /**
     * The host signs people in with these accounts (the embedded portal does; Liferay brings
     * its own people and registers nothing): only then is an administrator made sure of.
     * Optional and dynamic, so this component is satisfied in every host and a host that starts
     * later still gets its administrator.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "hostGone")
    void hostSignsIn(LocalSignIn host) {
        firstAdministrator.ensure(config, console);
    }

    void hostGone(LocalSignIn host) {
        // Accounts stay as they are: the host may be updated and come back.
    }

    private record Credentials(String passwordHash, boolean enabled) {
    }

    private record Attempt(Optional<Credentials> credentials, boolean nameWaits) {
    }

    @Override
    public SignInResult signIn(String username, char[] password, String clientAddress) {
        String name = AccountRules.normalise(username);
        char[] typed = password == null ? new char[0] : password;
        Instant now = clock.instant();
        Optional<Instant> addressWaits = throttle.addressWaitsUntil(clientAddress, now);
        if (addressWaits.isPresent()) {
            // No name is looked at and no password checked: the answer says nothing about accounts.
            return new SignInResult.Throttled(throttle.recordAttemptWhileWaiting(clientAddress, now));
        }
        boolean possibleName = AccountRules.isValidUsername(name);
        Attempt attempt = possibleName
                ? database.read(connection -> new Attempt(credentials(connection, name),
                        throttle.accountWaits(connection, name, now)))
                : new Attempt(Optional.empty(), false);
        if (!passwordChecks.tryAcquire()) {
            // People rarely meet a full queue; a client that keeps filling it is counted like one
            // that keeps failing, or it could hold a name waiting while never reaching its own limit.
            throttle.recordAttemptWhileWaiting(clientAddress, now);
            return new SignInResult.Busy();
        }
        boolean matches;
        String upgradedHash = null;
        try {
            // Exactly one slow hash whatever the case, so the answer takes as long for a name that
            // does not exist, a disabled account or a waiting name as for a wrong password.
            if (attempt.credentials().isEmpty() || attempt.nameWaits()) {
                hasher.verifyDummy(typed);
                matches = false;
            } else {
                String stored = attempt.credentials().get().passwordHash();
                matches = hasher.verify(typed, stored) && attempt.credentials().get().enabled();
                if (matches && hasher.isWeakerThanCurrent(stored)) {
                    upgradedHash = hasher.hash(typed);
                }
            }
        } finally {
            passwordChecks.release();
        }
        String newHash = upgradedHash;
        // The slow hash ran outside the transaction so no connection or row lock waited on it.
        return database.write(connection -> {
            if (matches && AccountRows.lock(connection, name)
                    && credentials(connection, name).map(Credentials::enabled).orElse(false)) {
                if (newHash != null) {
                    try (PreparedStatement upgrade = connection.prepareStatement(
                            "UPDATE account SET password_hash = ? WHERE username = ?")) {
                        upgrade.setString(1, newHash);
                        upgrade.setString(2, name);
                        upgrade.executeUpdate();
                    }
                }
                throttle.recordSuccess(connection, name);
                return new SignInResult.SignedIn(AccountRows.person(connection, name).orElseThrow());
            }
            // A name already waiting is not counted again: its delay stays capped and runs out.
            throttle.recordFailure(connection, clientAddress, possibleName && !attempt.nameWaits() ? name : null,
                    attempt.credentials().isPresent(), now);
            return new SignInResult.Refused();
        });
    }

    @Override
    public PasswordChange changeOwnPassword(String username, char[] current, char[] replacement, String clientAddress,
            Actor actor) {
        String name = AccountRules.normalise(username);
        Account account = account(name).orElseThrow(() -> new IllegalArgumentException("There is no account " + name));
        AccountRules.checkPassword(replacement, name, account.person().displayName());
        Instant now = clock.instant();
        if (throttle.addressWaitsUntil(clientAddress, now).isPresent()
                || database.read(connection -> throttle.accountWaits(connection, name, now))) {
            return PasswordChange.CURRENT_REFUSED;
        }
        if (!passwordChecks.tryAcquire()) {
            return PasswordChange.BUSY;
        }
        boolean matches;
        String hash = null;
        try {
            String stored = database.read(connection -> credentials(connection, name))
                    .map(Credentials::passwordHash).orElse(null);
            matches = hasher.verify(current == null ? new char[0] : current, stored);
            if (matches) {
                hash = hasher.hash(replacement);
            }
        } finally {
            passwordChecks.release();
        }
        String newHash = hash;
        return database.write(connection -> {
            if (!matches || !AccountRows.lock(connection, name)) {
                throttle.recordFailure(connection, clientAddress, name, true, now);
                return PasswordChange.CURRENT_REFUSED;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE account SET password_hash = ?,"
                    + " password_change_required = FALSE, updated_at = ?, version = version + 1 WHERE username = ?")) {
                update.setString(1, newHash);
                Sql.setInstant(update, 2, now);
                update.setString(3, name);
                update.executeUpdate();
            }
            int ended = AccountRows.endSessions(connection, name, actor.sessionToken());
            audit.record(actor.username(), "account.password", RECORD_TYPE, name,
                    "Changed their own password; " + ended + " other session(s) ended");
            return PasswordChange.CHANGED;
        });
    }

    private static Optional<Credentials> credentials(java.sql.Connection connection, String name)
            throws java.sql.SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT password_hash, disabled_at FROM account WHERE username = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Credentials(rows.getString(1), Sql.getInstant(rows, "disabled_at") == null))
                        : Optional.empty();
            }
        }
    }

    @Override
    public boolean passwordChangeRequired(String username) {
        return account(username).map(Account::passwordChangeRequired).orElse(false);
    }

    @Override
    public void setEnabled(String username, boolean enabled, Actor actor) {
        String name = AccountRules.checkUsername(username);
        if (!enabled && name.equals(actor.username())) {
            throw new IllegalArgumentException("Nobody can disable their own account");
        }
        database.write(connection -> {
            if (!AccountRows.lock(connection, name)) {
                throw new IllegalArgumentException("There is no account " + name);
            }
            Instant now = clock.instant();
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE account SET disabled_at = ?, updated_at = ?, version = version + 1 WHERE username = ?")) {
                Sql.setInstant(update, 1, enabled ? null : now);
                Sql.setInstant(update, 2, now);
                update.setString(3, name);
                update.executeUpdate();
            }
            if (enabled) {
                audit.record(actor.username(), "account.enable", RECORD_TYPE, name, "Enabled: can sign in again");
            } else {
                int ended = AccountRows.endSessions(connection, name, "");
                audit.record(actor.username(), "account.disable", RECORD_TYPE, name,
                        "Disabled: cannot sign in; " + ended + " session(s) ended");
            }
            return null;
        });
    }

    @Override
    public void signOutEverywhere(String username, Actor actor) {
        String name = AccountRules.checkUsername(username);
        database.write(connection -> {
            int ended = AccountRows.endSessions(connection, name, "");
            audit.record(actor.username(), "account.signOutEverywhere", RECORD_TYPE, name,
                    "Signed out everywhere; " + ended + " session(s) ended");
            return null;
        });
    }

    @Override
    public Optional<Person> find(String username) {
        String name = AccountRules.normalise(username);
        if (!AccountRules.isValidUsername(name)) {
            return Optional.empty();
        }
        return database.read(connection -> AccountRows.person(connection, name));
    }

    @Override
    public Optional<Account> account(String username) {
        String name = AccountRules.normalise(username);
        if (!AccountRules.isValidUsername(name)) {
            return Optional.empty();
        }
        return all(name).stream().findFirst();
    }

    @Override
    public List<Account> all() {
        return all(null);
    }

    /** @param only one account's name, or {@code null} for all */
    private List<Account> all(String only) {
        return database.read(connection -> {
            record Row(String displayName, boolean enabled, boolean changeRequired, long version) {
            }
            Map<String, Row> rows = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT username, display_name, disabled_at, password_change_required, version FROM account"
                            + (only == null ? "" : " WHERE username = ?") + " ORDER BY username")) {
                if (only != null) {
                    query.setString(1, only);
                }
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.put(result.getString(1), new Row(result.getString(2),
                                Sql.getInstant(result, "disabled_at") == null, result.getBoolean(4), result.getLong(5)));
                    }
                }
            }
            Map<String, Set<String>> roles = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT username, role_name FROM account_role"
                    + (only == null ? "" : " WHERE username = ?"))) {
                if (only != null) {
                    query.setString(1, only);
                }
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        roles.computeIfAbsent(result.getString(1), n -> new HashSet<>()).add(result.getString(2));
                    }
                }
            }
            List<Account> accounts = new ArrayList<>();
            rows.forEach((name, row) -> accounts.add(new Account(
                    new Person(name, row.displayName(), roles.getOrDefault(name, Set.of())), row.enabled(),
                    row.changeRequired(), row.version())));
            return accounts;
        });
    }

    @Override
    public Person save(String username, String displayName, Set<String> roles, char[] password, long expectedVersion,
            Actor actor) {
        String name = AccountRules.checkUsername(username);
        String display = AccountRules.checkDisplayName(displayName);
        Set<String> checkedRoles = AccountRules.checkRoles(roles);
        String hash = null;
        if (password != null) {
            AccountRules.checkPassword(password, name, display);
            hash = hasher.hash(password);
        }
        return store(name, display, checkedRoles, hash, expectedVersion, actor);
    }

    @Override
    public void provision(String username, String displayName, Set<String> roles, String passwordHash) {
        String name = AccountRules.checkUsername(username);
        String display = AccountRules.checkDisplayName(displayName);
        Set<String> checkedRoles = AccountRules.checkRoles(roles);
        String hash = passwordHash == null || passwordHash.isBlank() ? null : passwordHash.strip();
        if (hash != null && !PasswordHasher.isWellFormed(hash)) {
            throw new IllegalArgumentException("passwordHash of account " + name
                    + " is not a hash made by PasswordHashCommand");
        }
        store(name, display, checkedRoles, hash, ANY_VERSION, Actor.system());
    }

    /** @param expectedVersion {@link #ANY_VERSION} when configuration wins whatever changed */
    private Person store(String name, String displayName, Set<String> roles, String hash, long expectedVersion,
            Actor actor) {
        return database.write(connection -> {
            Instant now = clock.instant();
            boolean exists = AccountRows.lock(connection, name);
            if (expectedVersion != ANY_VERSION && AccountRows.version(connection, name) != expectedVersion) {
                throw new AccountChangedException(exists ? "Account " + name + " changed since version "
                        + expectedVersion : "There is no account " + name + " at version " + expectedVersion);
            }
            String displayBefore = exists ? AccountRows.person(connection, name).orElseThrow().displayName() : null;
            if (!exists) {
                if (hash == null) {
                    throw new IllegalArgumentException("A new account needs a password");
                }
                if (!AccountRows.insertIfAbsent(connection, database.dialect(), name, displayName, hash, now)) {
                    if (expectedVersion != ANY_VERSION) {
                        throw new AccountChangedException("Account " + name + " was created meanwhile");
                    }
                    // Created by someone else a moment ago: update it like any existing account.
                    AccountRows.lock(connection, name);
                    AccountRows.update(connection, name, displayName, hash, now);
                }
            } else {
                AccountRows.update(connection, name, displayName, hash, now);
            }
            if (hash != null && name.equals(actor.username())) {
                try (PreparedStatement changed = connection.prepareStatement(
                        "UPDATE account SET password_change_required = FALSE WHERE username = ?")) {
                    changed.setString(1, name);
                    changed.executeUpdate();
                }
            }
            Set<String> before = AccountRows.roles(connection, name);
            AccountRows.replaceRoles(connection, name, roles);
            // What let the sessions in has changed: they sign in again, under the new rules.
            int ended = exists && (hash != null || !before.equals(roles))
                    ? AccountRows.endSessions(connection, name, actor.sessionToken()) : 0;
            audit.record(actor.username(), exists ? "account.update" : "account.create", RECORD_TYPE, name,
                    describe(exists, displayBefore, displayName, before, roles, hash != null, ended));
            return AccountRows.person(connection, name).orElseThrow();
        });
    }

    private static String describe(boolean existed, String displayBefore, String displayAfter, Set<String> before,
            Set<String> after, boolean passwordSet, int sessionsEnded) {
        StringBuilder detail = new StringBuilder(existed ? "Updated account" : "Created account");
        if (existed && !displayAfter.equals(displayBefore)) {
            detail.append("; renamed from '").append(displayBefore).append("' to '").append(displayAfter).append('\'');
        }
        if (!existed || !before.equals(after)) {
            detail.append("; roles: ").append(after.isEmpty() ? "none" : String.join(", ", new TreeSet<>(after)));
        }
        if (existed && passwordSet) {
            detail.append("; password changed");
        }
        if (sessionsEnded > 0) {
            detail.append("; ").append(sessionsEnded).append(" session(s) ended");
        }
        return detail.toString();
    }

    @Override
    public boolean hasAdministrator() {
        return database.read(AccountRows::hasAdministrator);
    }
}
