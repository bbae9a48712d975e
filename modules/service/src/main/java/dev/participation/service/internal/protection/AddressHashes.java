package dev.participation.service.internal.protection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a visitor's address into the key its posts are counted under. An address is personal data,
 * so only a keyed hash is stored: without the shared key nobody can try all IPv4 addresses to undo
 * it. An IPv6 visitor usually holds a whole /64 and can change the rest at will, so the /64 is
 * what counts.
 */
final class AddressHashes {

    private static final String ALGORITHM = "HmacSHA256";
    /** 128 bits: collisions between two visitors are out of the question. */
    private static final int HASH_BYTES = 16;

    private final byte[] key;

    AddressHashes(byte[] key) {
        this.key = key.clone();
    }

    String counterFor(String address) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] digest = mac.doFinal(network(address).getBytes(StandardCharsets.UTF_8));
            byte[] kept = new byte[HASH_BYTES];
            System.arraycopy(digest, 0, kept, 0, HASH_BYTES);
            return "address:" + Base64.getUrlEncoder().withoutPadding().encodeToString(kept);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
        }
    }

    /** The part of the address one visitor holds: the IPv4 address, or the IPv6 /64. */
    static String network(String address) {
        String plain = address.strip().toLowerCase(Locale.ROOT);
        // Only literals are parsed (a colon makes InetAddress read an IPv6 literal, never look up a name).
        if (plain.indexOf(':') < 0) {
            return plain;
        }
        try {
            InetAddress parsed = InetAddress.getByName(plain.startsWith("[") ? plain : "[" + plain + "]");
            byte[] bytes = parsed.getAddress();
            if (bytes.length != 16) {
                // An IPv4 address written as IPv6 (::ffff:192.0.2.1) counts as that IPv4 address.
                return parsed.getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                prefix.append(String.format("%02x", bytes[i]));
            }
            return prefix.append("::/64").toString();
        } catch (UnknownHostException e) {
            return plain;
        }
    }
}
