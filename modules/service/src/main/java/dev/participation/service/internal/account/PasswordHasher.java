package dev.participation.service.internal.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes as one self-describing string,
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (salt and hash in Base64 without padding), so
 * the iteration count can rise later without breaking stored hashes.
 */
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 210_000;
    static final String SCHEME = "pbkdf2-sha256";
    /** The least randomness, in bits, a password given to {@link #hashGenerated} must carry. */
    public static final int GENERATED_BITS_MIN = 96;
    private static final int GENERATED_ITERATIONS = 1_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    // Bounds what a hash from configuration can make us compute.
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final SecureRandom random;
    private final String dummy;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS, new SecureRandom());
    }

    /** Tests use fewer iterations to stay quick; production always uses the default. */
    PasswordHasher(int iterations, SecureRandom random) {
        this.iterations = iterations;
        this.random = random;
        this.dummy = unmatchable();
    }

    /**
     * A stored value in the current form whose hash is random bytes rather than derived from a
     * password: checking against it costs exactly what a real check costs, and nothing typed can
     * match it. Deriving a real hash here instead cost over a second of a cold JVM at every start.
     */
    private String unmatchable() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        random.nextBytes(salt);
        random.nextBytes(hash);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    public String hash(char[] password) {
        return hash(password, iterations);
    }

    /**
     * The hash of a password this portal generated with at least {@link #GENERATED_BITS_MIN} bits
     * of randomness (the first administrator's), never of one a person chose. Stretching protects
     * passwords people can guess; against one that takes 2^98 guesses it adds nothing, yet at the
     * default count it was the largest part of a fresh start on a cold JVM. The stored form stays
     * the same, and the first sign-in replaces it ({@link #isWeakerThanCurrent}) as well as the
     * password itself, which must be changed.
     */
    public String hashGenerated(char[] password) {
        return hash(password, GENERATED_ITERATIONS);
    }

    private String hash(char[] password, int rounds) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + rounds + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(derive(password, salt, rounds));
    }

    /** Compares in constant time; a malformed stored value never matches. */
    public boolean verify(char[] password, String stored) {
        Parsed parsed = parse(stored);
        if (parsed == null) {
            verifyDummy(password);
            return false;
        }
        return MessageDigest.isEqual(parsed.hash, derive(password, parsed.salt, parsed.iterations));
    }

    /** Spends the time a real check would, for names that have no account. */
    public void verifyDummy(char[] password) {
        Parsed parsed = parse(dummy);
        MessageDigest.isEqual(parsed.hash, derive(password, parsed.salt, parsed.iterations));
    }

    /** Whether a stored hash should be replaced with a stronger one at the next sign-in. */
    public boolean isWeakerThanCurrent(String stored) {
        Parsed parsed = parse(stored);
        return parsed == null || parsed.iterations < iterations;
    }

    public static boolean isWellFormed(String stored) {
        return parse(stored) != null;
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.strip().split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length < 8 || hash.length != HASH_BYTES) {
                return null;
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
