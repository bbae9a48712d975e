package dev.participation.service.internal.account;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.participation.api.account.PasswordProblem;
import dev.participation.api.account.PasswordRejectedException;
import dev.participation.api.widget.Roles;

/** What a valid account looks like; the messages are shown to administrators. */
final class AccountRules {

    static final int MIN_PASSWORD = 12;
    // PBKDF2 pre-hashes long passwords, but there is no reason to accept a novel.
    static final int MAX_PASSWORD = 256;
    // Passay's IllegalSequenceRule and RepeatCharactersRule start at five as well.
    static final int RUN = 5;
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

    /**
     * The password rules, after NIST SP 800-63B: long rather than complicated, and nothing an
     * attacker tries first. Runs of repeated or sequential characters are refused from five on, as
     * Passay's default rules do.
     *
     * @throws PasswordRejectedException naming the first rule broken
     */
    static void checkPassword(char[] password, String username, String displayName) {
        if (password == null || password.length < MIN_PASSWORD) {
            if (password != null && password.length > 0 && isAllWhitespace(password)) {
                throw new PasswordRejectedException(PasswordProblem.ONLY_SPACES, "A password cannot be only spaces");
            }
            throw new PasswordRejectedException(PasswordProblem.TOO_SHORT,
                    "A password has at least " + MIN_PASSWORD + " characters");
        }
        if (password.length > MAX_PASSWORD) {
            throw new PasswordRejectedException(PasswordProblem.TOO_LONG,
                    "A password is too long: it has at most " + MAX_PASSWORD + " characters");
        }
        if (isAllWhitespace(password)) {
            throw new PasswordRejectedException(PasswordProblem.ONLY_SPACES, "A password cannot be only spaces");
        }
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (containsName(lower, username, displayName)) {
            throw new PasswordRejectedException(PasswordProblem.CONTAINS_NAME,
                    "A password cannot contain the user name or the person's name");
        }
        if (hasRun(password, 0) || repeatsAShortPattern(lower)) {
            throw new PasswordRejectedException(PasswordProblem.REPEATED_CHARACTERS,
                    "A password cannot repeat the same characters");
        }
        if (hasRun(password, 1) || hasRun(password, -1)) {
            throw new PasswordRejectedException(PasswordProblem.SEQUENTIAL_CHARACTERS,
                    "A password cannot contain a sequence such as 12345 or abcde");
        }
        if (CommonPasswords.isCommon(lower)) {
            throw new PasswordRejectedException(PasswordProblem.COMMON,
                    "A password cannot be a commonly used password");
        }
    }

    private static boolean isAllWhitespace(char[] password) {
        for (char c : password) {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsName(String password, String username, String displayName) {
        String name = normalise(username);
        if (name.length() >= 3 && password.contains(name)) {
            return true;
        }
        if (displayName == null) {
            return false;
        }
        String display = displayName.strip().toLowerCase(Locale.ROOT);
        if (display.length() >= 3 && password.replace(" ", "").contains(display.replace(" ", ""))) {
            return true;
        }
        // Short words ("Jo", "Al") would refuse far too much; a surname or first name of four or more is telling.
        for (String word : display.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 4 && password.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A run of {@value #RUN} characters each {@code step} after the one before (0: the same character). */
    private static boolean hasRun(char[] password, int step) {
        int run = 1;
        for (int i = 1; i < password.length; i++) {
            int previous = Character.toLowerCase(password[i - 1]);
            int current = Character.toLowerCase(password[i]);
            run = current - previous == step && Character.isLetterOrDigit(current) || step == 0 && current == previous
                    ? run + 1 : 1;
            if (run >= RUN) {
                return true;
            }
        }
        return false;
    }

    /** "abcabcabcabc", "xyxyxyxyxyxy": the whole password is one short piece said again and again. */
    private static boolean repeatsAShortPattern(String password) {
        for (int length = 1; length <= password.length() / 3; length++) {
            if (password.length() % length == 0 && password.equals(password.substring(0, length)
                    .repeat(password.length() / length))) {
                return true;
            }
        }
        return false;
    }
}
