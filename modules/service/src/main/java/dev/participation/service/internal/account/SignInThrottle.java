package dev.participation.service.internal.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.participation.api.audit.AuditLog;
import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Sql;

/**
 * Growing delays after failed sign-ins, kept in {@code sign_in_throttle} so every node shares
 * them. Two counts: one per client address, whose delay may grow long, and one per typed user
 * name (whether or not the account exists), whose delay is capped short. An address that tries
 * again while it must wait has that attempt counted too, so a stranger hammering a name from one
 * address waits for hours within a second or two; its attempts then stop counting against the
 * name, the name's short delay runs out, and its owner, from another address, gets in.
 */
final class SignInThrottle {

    /** After {@code freeFailures}, each failure waits 1 s, doubling, up to {@code maxDelay}. */
    record Rule(int freeFailures, Duration maxDelay) {

        Instant blockedUntil(int failures, Instant now) {
            int beyond = failures - freeFailures;
            if (beyond <= 0) {
                return now;
            }
            Duration delay = beyond > 30 ? maxDelay : Duration.ofSeconds(1L << (beyond - 1));
            return now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
        }
    }

    static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final int KEY_LENGTH = 200;

    private final Database database;
    private final AuditLog audit;
    private final Rule perAccount;
    private final Rule perAddress;
    private final Duration forgetAfter;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    SignInThrottle(Database database, AuditLog audit, Rule perAccount, Rule perAddress, Duration forgetAfter) {
        this.database = database;
        this.audit = audit;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.forgetAfter = forgetAfter;
    }

    static String addressKey(String address) {
        String key = "address:" + (address == null || address.isBlank() ? "unknown" : address.strip());
        return key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
    }

    static String accountKey(String username) {
        return "account:" + username;
    }

    /** Until when this address may not try again, if it is waiting now. */
    Optional<Instant> addressWaitsUntil(String address, Instant now) {
        return database.read(connection -> blockedUntil(connection, addressKey(address), now));
    }

    /**
     * Counts an attempt against the address alone: one made while it must wait (only doubling the
     * wait), or one turned away because too many passwords were being checked.
     *
     * @return until when the address now waits (no later than now if it does not)
     */
    Instant recordAttemptWhileWaiting(String address, Instant now) {
        return database.write(connection -> perAddress.blockedUntil(
                count(connection, addressKey(address), perAddress, now), now));
    }

    /** Whether attempts on this (valid, normalised) user name must wait now. */
    boolean accountWaits(Connection connection, String username, Instant now) throws SQLException {
        return blockedUntil(connection, accountKey(username), now).isPresent();
    }

    private Optional<Instant> blockedUntil(Connection connection, String key, Instant now) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT blocked_until FROM sign_in_throttle WHERE throttle_key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Instant until = Sql.getInstant(rows, "blocked_until");
                return now.isBefore(until) ? Optional.of(until) : Optional.empty();
            }
        }
    }

    /**
     * Counts a failure against the address and, unless {@code username} is null (an impossible name,
     * or one that was already waiting), against the name; inside the caller's transaction.
     *
     * @param accountExists only for the audit log: failures on names nobody has are not worth a line
     */
    void recordFailure(Connection connection, String address, String username, boolean accountExists, Instant now)
            throws SQLException {
        purgeNowAndThen(connection, now);
        String addressKey = addressKey(address);
        int addressFailures = count(connection, addressKey, perAddress, now);
        if (addressFailures == perAddress.freeFailures() + 1) {
            audit.record("system", "sign-in.throttle", "client-address", addressKey.substring("address:".length()),
                    addressFailures + " failed sign-ins: further attempts from this address wait, longer each time");
        }
        if (username != null) {
            int accountFailures = count(connection, accountKey(username), perAccount, now);
            if (accountExists && accountFailures == perAccount.freeFailures() + 1) {
                audit.record("system", "account.throttle", AccountStore.RECORD_TYPE, username,
                        accountFailures + " failed sign-ins: further attempts wait up to "
                                + perAccount.maxDelay().toSeconds() + " seconds each");
            }
        }
    }

    /** A correct password: the name's failures are forgiven (the address's are not, they only fade). */
    void recordSuccess(Connection connection, String username) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM sign_in_throttle WHERE throttle_key = ?")) {
            delete.setString(1, accountKey(username));
            delete.executeUpdate();
        }
    }

    private int count(Connection connection, String key, Rule rule, Instant now) throws SQLException {
        int failures = 1;
        boolean exists = false;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT failures, last_failure_at FROM sign_in_throttle WHERE throttle_key = ? FOR UPDATE")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    exists = true;
                    boolean forgotten = Sql.getInstant(rows, "last_failure_at").plus(forgetAfter).isBefore(now);
                    failures = forgotten ? 1 : rows.getInt("failures") + 1;
                }
            }
        }
        Instant until = rule.blockedUntil(failures, now);
        if (!exists) {
            boolean inserted = database.dialect().insertIfAbsent(connection, "INSERT INTO sign_in_throttle"
                    + " (throttle_key, failures, last_failure_at, blocked_until) VALUES (?, 1, ?, ?)", insert -> {
                        insert.setString(1, key);
                        Sql.setInstant(insert, 2, now);
                        Sql.setInstant(insert, 3, rule.blockedUntil(1, now));
                    });
            if (inserted) {
                return 1;
            }
            // Another node counted the first failure a moment ago: count this one on top.
            return count(connection, key, rule, now);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE sign_in_throttle"
                + " SET failures = ?, last_failure_at = ?, blocked_until = ? WHERE throttle_key = ?")) {
            update.setInt(1, failures);
            Sql.setInstant(update, 2, now);
            Sql.setInstant(update, 3, until);
            update.setString(4, key);
            update.executeUpdate();
        }
        return failures;
    }

    /** Rows of forgotten failures are harmless but would pile up (any typed name gets one). */
    private void purgeNowAndThen(Connection connection, Instant now) throws SQLException {
        Instant last = lastPurge.get();
        if (last.plus(PURGE_EVERY).isAfter(now) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM sign_in_throttle WHERE last_failure_at < ? AND blocked_until < ?")) {
            Sql.setInstant(delete, 1, now.minus(forgetAfter));
            Sql.setInstant(delete, 2, now);
            delete.executeUpdate();
        }
    }
}
