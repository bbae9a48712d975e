package dev.participation.service.internal.account;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.participation.api.widget.Roles;

/** What a valid account looks like; the messages are shown to administrators. */
final class AccountRules {

    static final int MIN_PASSWORD = 12;
    // PBKDF2 pre-hashes long passwords, but there is no reason to accept a novel.
    static final int MAX_PASSWORD = 256;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,64}");

    private AccountRules() {
    }

    /** Sign-in names are case-insensitive as typed, and stored lower-case. */
    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    static String checkUsername(String username) {
        String name = normalise(username);
        if (!isValidUsername(name)) {
            throw new IllegalArgumentException("A user name has 2 to 64 characters: lower-case letters, digits,"
                    + " dots, dashes and underscores");
        }
        return name;
    }

    static String checkDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
            throw new IllegalArgumentException("A display name has 1 to 200 characters");
        }
        return displayName.strip();
    }

    static Set<String> checkRoles(Set<String> roles) {
        if (roles == null) {
            return Set.of();
        }
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalArgumentException("Unknown role '" + role + "'; roles are " + Roles.ALL);
            }
        }
        return Set.copyOf(roles);
    }

    static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
            throw new IllegalArgumentException("A password has at least " + MIN_PASSWORD + " characters");
        }
    }
}
