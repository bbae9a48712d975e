package dev.participation.service.internal.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import dev.participation.api.widget.Person;
import dev.participation.api.widget.Roles;
import dev.participation.api.storage.Dialect;
import dev.participation.api.storage.Sql;

/** The SQL for {@code account} and {@code account_role}, shared by the components that need it. */
final class AccountRows {

    private AccountRows() {
    }

    /** @return whether the account was created; false if the name is taken (possibly just now, by another node) */
    static boolean insertIfAbsent(Connection connection, Dialect dialect, String username, String displayName,
            String passwordHash, Instant now) throws SQLException {
        return dialect.insertIfAbsent(connection, "INSERT INTO account (username, display_name, password_hash,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, username);
                    statement.setString(2, displayName);
                    statement.setString(3, passwordHash);
                    Sql.setInstant(statement, 4, now);
                    Sql.setInstant(statement, 5, now);
                });
    }

    /** @param passwordHash the new hash, or {@code null} to keep the current one */
    static void update(Connection connection, String username, String displayName, String passwordHash, Instant now)
            throws SQLException {
        String sql = passwordHash == null
                ? "UPDATE account SET display_name = ?, updated_at = ?, version = version + 1 WHERE username = ?"
                : "UPDATE account SET display_name = ?, updated_at = ?, version = version + 1, password_hash = ?"
                        + " WHERE username = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, displayName);
            Sql.setInstant(update, 2, now);
            if (passwordHash == null) {
                update.setString(3, username);
            } else {
                update.setString(3, passwordHash);
                update.setString(4, username);
            }
            update.executeUpdate();
        }
    }

    /**
     * Ends the account's sessions, except the one behind {@code keepToken} (the actor's own, when
     * they change their own account); an empty token keeps none.
     *
     * @return how many ended
     */
    static int endSessions(Connection connection, String username, String keepToken) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM sign_in_session WHERE username = ? AND token_hash <> ?")) {
            delete.setString(1, username);
            delete.setString(2, keepToken == null || keepToken.isEmpty() ? "" : SignInSessionStore.hash(keepToken));
            return delete.executeUpdate();
        }
    }

    static void replaceRoles(Connection connection, String username, Set<String> roles) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM account_role WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
        if (roles.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO account_role (username, role_name) VALUES (?, ?)")) {
            for (String role : roles) {
                insert.setString(1, username);
                insert.setString(2, role);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Locks the row, so the caller's read-modify-write cannot interleave with another node's. */
    static boolean lock(Connection connection, String username) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT username FROM account WHERE username = ? FOR UPDATE")) {
            lock.setString(1, username);
            try (ResultSet rows = lock.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** @return the account's version, or 0 if there is no such account */
    static long version(Connection connection, String username) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT version FROM account WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    static Optional<Person> person(Connection connection, String username) throws SQLException {
        String displayName;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT display_name FROM account WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                displayName = rows.getString(1);
            }
        }
        return Optional.of(new Person(username, displayName, roles(connection, username)));
    }

    static Set<String> roles(Connection connection, String username) throws SQLException {
        Set<String> roles = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT role_name FROM account_role WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    roles.add(rows.getString(1));
                }
            }
        }
        return roles;
    }

    static boolean hasAdministrator(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM account_role WHERE role_name = ?")) {
            query.setString(1, Roles.ADMIN);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }
}
