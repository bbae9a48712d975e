package dev.participation.service.internal.protection;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The "form drawn at" token: the time a form was drawn and an HMAC over that time and the form's
 * key. The key is shared by every node, so a form drawn by one node is checked by another; a token
 * cannot be moved to another form or given an earlier time without the key.
 */
final class FormTokens {

    /** What a posted token says about the form. */
    enum Reading { FINE, TOO_QUICK, TOO_OLD, UNREADABLE }

    /** Nodes' clocks differ a little: a token up to this far in the future is still believed. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    FormTokens(byte[] key) {
        this.key = key.clone();
    }

    String issue(String formKey, Instant drawnAt) {
        String millis = Long.toString(drawnAt.toEpochMilli());
        return millis + "." + mac(formKey, millis);
    }

    /**
     * @param minimum a person takes at least this long to fill the form in
     * @param maximum a form drawn longer ago than this is stale (and a copied token stops working)
     */
    Reading read(String formKey, String token, Instant now, Duration minimum, Duration maximum) {
        if (token == null) {
            return Reading.UNREADABLE;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return Reading.UNREADABLE;
        }
        String millis = token.substring(0, dot);
        byte[] expected = mac(formKey, millis).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return Reading.UNREADABLE;
        }
        Instant drawnAt;
        try {
            drawnAt = Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return Reading.UNREADABLE;
        }
        if (drawnAt.isAfter(now.plus(CLOCK_SKEW))) {
            return Reading.UNREADABLE;
        }
        Duration taken = Duration.between(drawnAt, now);
        if (taken.compareTo(minimum) < 0) {
            return Reading.TOO_QUICK;
        }
        return taken.compareTo(maximum) > 0 ? Reading.TOO_OLD : Reading.FINE;
    }

    private String mac(String formKey, String millis) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] digest = mac.doFinal((formKey + "\n" + millis).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
        }
    }
}
