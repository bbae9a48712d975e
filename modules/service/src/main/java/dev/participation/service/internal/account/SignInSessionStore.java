package dev.participation.service.internal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import dev.participation.api.account.SignInSessions;
import dev.participation.api.widget.Person;
import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Sql;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Sessions in {@code sign_in_session}, keyed by the SHA-256 of the token: the token itself only
 * ever exists in the person's cookie. The person is read from their account on every resume, so
 * a role taken away applies at the next request.
 */
@Component(service = SignInSessions.class, configurationPid = AccountsConfiguration.PID)
public final class SignInSessionStore implements SignInSessions {

    /** Extending the idle expiry at most this often saves a database write on most requests. */
    static final Duration EXTEND_AT_MOST_EVERY = Duration.ofMinutes(1);
    static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Database database;
    private final Clock clock;
    private final Duration idle;
    private final Duration maximum;
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    @Activate
    public SignInSessionStore(@Reference Database database, @Reference Clock clock, AccountsConfiguration config) {
        this.database = database;
        this.clock = clock;
        this.maximum = Duration.ofHours(Math.max(1, config.sessionMaxHours()));
        Duration configuredIdle = Duration.ofMinutes(Math.max(1, config.sessionIdleMinutes()));
        this.idle = configuredIdle.compareTo(maximum) > 0 ? maximum : configuredIdle;
    }

    @Override
    public String start(Person person) {
        Objects.requireNonNull(person, "person");
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        purgeExpiredNowAndThen(now);
        database.write(connection -> {
            if (!isEnabled(connection, person.id())) {
                throw new IllegalArgumentException("There is no enabled local account " + person.id());
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sign_in_session (token_hash,"
                    + " username, started_at, last_seen_at, idle_expires_at, absolute_expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, hash(token));
                insert.setString(2, person.id());
                Sql.setInstant(insert, 3, now);
                Sql.setInstant(insert, 4, now);
                Sql.setInstant(insert, 5, now.plus(idle));
                Sql.setInstant(insert, 6, now.plus(maximum));
                return insert.executeUpdate();
            }
        });
        return token;
    }

    private record Session(String username, Instant lastSeen, Instant idleExpires, Instant absoluteExpires) {
    }

    @Override
    public Optional<Person> resume(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String tokenHash = hash(token);
        Instant now = clock.instant();
        Optional<Session> found = database.read(connection -> {
            // A disabled account's sessions are ended with it; the join guards against any left over.
            try (PreparedStatement query = connection.prepareStatement("SELECT s.username, s.last_seen_at,"
                    + " s.idle_expires_at, s.absolute_expires_at FROM sign_in_session s"
                    + " JOIN account a ON a.username = s.username WHERE s.token_hash = ? AND a.disabled_at IS NULL")) {
                query.setString(1, tokenHash);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new Session(rows.getString(1), Sql.getInstant(rows, "last_seen_at"),
                                    Sql.getInstant(rows, "idle_expires_at"), Sql.getInstant(rows, "absolute_expires_at")))
                            : Optional.empty();
                }
            }
        });
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        if (!now.isBefore(session.idleExpires()) || !now.isBefore(session.absoluteExpires())) {
            end(token);
            return Optional.empty();
        }
        if (Duration.between(session.lastSeen(), now).compareTo(EXTEND_AT_MOST_EVERY) >= 0) {
            Instant idleExpires = now.plus(idle);
            Instant extended = idleExpires.isAfter(session.absoluteExpires()) ? session.absoluteExpires() : idleExpires;
            database.write(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE sign_in_session"
                        + " SET last_seen_at = ?, idle_expires_at = ? WHERE token_hash = ?")) {
                    Sql.setInstant(update, 1, now);
                    Sql.setInstant(update, 2, extended);
                    update.setString(3, tokenHash);
                    return update.executeUpdate();
                }
            });
        }
        return database.read(connection -> AccountRows.person(connection, session.username()));
    }

    private static boolean isEnabled(java.sql.Connection connection, String username) throws java.sql.SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT username FROM account WHERE username = ? AND disabled_at IS NULL")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void end(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return;
        }
        database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sign_in_session WHERE token_hash = ?")) {
                delete.setString(1, hash(token));
                return delete.executeUpdate();
            }
        });
    }

    /** Expired rows are harmless (resume refuses them) but would pile up; each node sweeps now and then. */
    private void purgeExpiredNowAndThen(Instant now) {
        Instant last = lastPurge.get();
        if (last.plus(PURGE_EVERY).isAfter(now) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sign_in_session WHERE idle_expires_at <= ? OR absolute_expires_at <= ?")) {
                Sql.setInstant(delete, 1, now);
                Sql.setInstant(delete, 2, now);
                return delete.executeUpdate();
            }
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
