package dev.participation.kit.staff;

import java.security.SecureRandom;
import java.util.Collection;

/**
 * Keys for new principles and commitments: short, random and safe in a URL. They never change
 * afterwards, so evidence stays attached to a commitment through every version.
 */
public final class Keys {

    // No vowels-that-look-like-digits confusion: no l, o, 0 or 1.
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    /** A key none of {@code taken} uses. */
    public static String fresh(Collection<String> taken) {
        while (true) {
            char[] key = new char[LENGTH];
            for (int i = 0; i < LENGTH; i++) {
                key[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
            }
            String candidate = new String(key);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
