package dev.participation.service.internal.security;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.participation.api.security.SharedSecrets;
import dev.participation.service.internal.storage.Database;
import dev.participation.api.storage.Sql;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keys in {@code shared_secret}. The first node to ask creates a key; a node that loses the race
 * reads the winner's, so all nodes sign with the same key. Keys never change once created, which
 * is what makes the per-node cache safe.
 */
@Component(service = SharedSecrets.class)
public final class SharedSecretStore implements SharedSecrets {

    private static final int KEY_BYTES = 32;

    private final Database database;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Activate
    public SharedSecretStore(@Reference Database database, @Reference Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public byte[] key(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("A secret's name has 1 to 100 characters");
        }
        return cache.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        return database.write(connection -> {
            Optional<byte[]> existing = read(connection, name);
            if (existing.isPresent()) {
                return existing.get();
            }
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            boolean inserted = database.dialect().insertIfAbsent(connection,
                    "INSERT INTO shared_secret (name, secret_value, created_at) VALUES (?, ?, ?)", statement -> {
                        statement.setString(1, name);
                        statement.setString(2, Base64.getEncoder().encodeToString(key));
                        Sql.setInstant(statement, 3, clock.instant());
                    });
            return inserted ? key : read(connection, name).orElseThrow(
                    () -> new IllegalStateException("Secret " + name + " vanished after a concurrent insert"));
        });
    }

    private static Optional<byte[]> read(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT secret_value FROM shared_secret WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(Base64.getDecoder().decode(rows.getString(1))) : Optional.empty();
            }
        }
    }
}
