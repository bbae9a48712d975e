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

import dev.participation.api.account.Accounts;
import dev.participation.api.account.SignInResult;
import dev.participation.api.audit.AuditLog;
import dev.participation.api.widget.Person;
import dev.participation.service.internal.storage.Database;
import dev.participation.service.internal.storage.Sql;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Local accounts in {@code account} and {@code account_role}. Failed attempts and lock-outs are
 * counted in the account row, so every node sharing the database enforces the same lock.
 */
// Immediate: a fresh installation must get its first administrator (and print the one-time
// password) at start-up, not when somebody first tries to sign in.
@Component(service = {Accounts.class, AccountProvisioner.class}, configurationPid = AccountsConfiguration.PID,
        immediate = true)
@Designate(ocd = AccountsConfiguration.class)
public final class AccountStore implements Accounts, AccountProvisioner {

    static final String RECORD_TYPE = "account";

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final int maxFailures;
    private final Duration lockTime;

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
        this.maxFailures = Math.max(1, config.maxFailures());
        this.lockTime = Duration.ofMinutes(Math.max(1, config.lockMinutes()));
        new FirstAdministrator(database, audit, clock, hasher, new SecureRandom()).ensure(config, console);
    }

    private record Credentials(String passwordHash, Instant lockedUntil) {
    }

    @Override
    public SignInResult signIn(String username, char[] password) {
        String name = AccountRules.normalise(username);
        char[] typed = password == null ? new char[0] : password;
        Optional<Credentials> stored = AccountRules.isValidUsername(name)
                ? database.read(connection -> credentials(connection, name))
                : Optional.empty();
        if (stored.isEmpty()) {
            hasher.verifyDummy(typed);
            return new SignInResult.Refused();
        }
        Instant now = clock.instant();
        Instant lockedUntil = stored.get().lockedUntil();
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return new SignInResult.LockedOut(lockedUntil);
        }
        // The slow hash runs outside the transaction so no connection or row lock waits on it.
        boolean matches = hasher.verify(typed, stored.get().passwordHash());
        String upgradedHash = matches && hasher.isWeakerThanCurrent(stored.get().passwordHash()) ? hasher.hash(typed) : null;
        return database.write(connection -> {
            if (!AccountRows.lock(connection, name)) {
                return new SignInResult.Refused();
            }
            Credentials current = credentials(connection, name).orElseThrow();
            if (current.lockedUntil() != null && now.isBefore(current.lockedUntil())) {
                return new SignInResult.LockedOut(current.lockedUntil());
            }
            if (matches) {
                try (PreparedStatement reset = connection.prepareStatement(upgradedHash == null
                        ? "UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE username = ?"
                        : "UPDATE account SET failed_attempts = 0, locked_until = NULL, password_hash = ? WHERE username = ?")) {
                    int i = 1;
                    if (upgradedHash != null) {
                        reset.setString(i++, upgradedHash);
                    }
                    reset.setString(i, name);
                    reset.executeUpdate();
                }
                return new SignInResult.SignedIn(AccountRows.person(connection, name).orElseThrow());
            }
            return recordFailure(connection, name, now);
        });
    }

    private SignInResult recordFailure(java.sql.Connection connection, String name, Instant now)
            throws java.sql.SQLException {
        int failures;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT failed_attempts FROM account WHERE username = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                failures = rows.getInt(1) + 1;
            }
        }
        if (failures < maxFailures) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE account SET failed_attempts = ? WHERE username = ?")) {
                update.setInt(1, failures);
                update.setString(2, name);
                update.executeUpdate();
            }
            return new SignInResult.Refused();
        }
        // The count starts again after the lock, so each lock-out allows another maxFailures tries.
        Instant until = now.plus(lockTime);
        try (PreparedStatement lock = connection.prepareStatement(
                "UPDATE account SET failed_attempts = 0, locked_until = ? WHERE username = ?")) {
            Sql.setInstant(lock, 1, until);
            lock.setString(2, name);
            lock.executeUpdate();
        }
        audit.record("system", "account.lock", RECORD_TYPE, name,
                "Locked after " + failures + " failed sign-ins until " + until);
        return new SignInResult.LockedOut(until);
    }

    private static Optional<Credentials> credentials(java.sql.Connection connection, String name)
            throws java.sql.SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT password_hash, locked_until FROM account WHERE username = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Credentials(rows.getString(1), Sql.getInstant(rows, "locked_until")))
                        : Optional.empty();
            }
        }
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
    public List<Person> all() {
        return database.read(connection -> {
            Map<String, String> names = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT username, display_name FROM account ORDER BY username");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getString(1), rows.getString(2));
                }
            }
            Map<String, Set<String>> roles = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT username, role_name FROM account_role");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    roles.computeIfAbsent(rows.getString(1), n -> new HashSet<>()).add(rows.getString(2));
                }
            }
            List<Person> people = new ArrayList<>();
            names.forEach((name, displayName) ->
                    people.add(new Person(name, displayName, roles.getOrDefault(name, Set.of()))));
            return people;
        });
    }

    @Override
    public Person save(String username, String displayName, Set<String> roles, char[] password, String actor) {
        String name = AccountRules.checkUsername(username);
        String display = AccountRules.checkDisplayName(displayName);
        Set<String> checkedRoles = AccountRules.checkRoles(roles);
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("Every account change needs an actor for the audit log");
        }
        String hash = null;
        if (password != null) {
            AccountRules.checkPassword(password);
            hash = hasher.hash(password);
        }
        return store(name, display, checkedRoles, hash, actor);
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
        store(name, display, checkedRoles, hash, "system");
    }

    private Person store(String name, String displayName, Set<String> roles, String hash, String actor) {
        return database.write(connection -> {
            Instant now = clock.instant();
            boolean exists = AccountRows.lock(connection, name);
            if (!exists) {
                if (hash == null) {
                    throw new IllegalArgumentException("A new account needs a password");
                }
                if (!AccountRows.insertIfAbsent(connection, database.dialect(), name, displayName, hash, now)) {
                    // Created by someone else a moment ago: update it like any existing account.
                    AccountRows.lock(connection, name);
                    AccountRows.update(connection, name, displayName, hash, now);
                }
            } else {
                AccountRows.update(connection, name, displayName, hash, now);
            }
            Set<String> before = AccountRows.roles(connection, name);
            AccountRows.replaceRoles(connection, name, roles);
            audit.record(actor, exists ? "account.update" : "account.create", RECORD_TYPE, name,
                    describe(exists, before, roles, hash != null));
            return AccountRows.person(connection, name).orElseThrow();
        });
    }

    private static String describe(boolean existed, Set<String> before, Set<String> after, boolean passwordSet) {
        StringBuilder detail = new StringBuilder(existed ? "Updated account" : "Created account");
        if (!existed || !before.equals(after)) {
            detail.append("; roles: ").append(after.isEmpty() ? "none" : String.join(", ", new TreeSet<>(after)));
        }
        if (existed && passwordSet) {
            detail.append("; password changed");
        }
        return detail.toString();
    }

    @Override
    public boolean hasAdministrator() {
        return database.read(AccountRows::hasAdministrator);
    }
}
