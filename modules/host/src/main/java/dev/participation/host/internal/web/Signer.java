package dev.participation.host.internal.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with one shared key, compared in constant time. */
final class Signer {

    private final byte[] key;
    // Looking up and keying a Mac costs far more than signing one token, and every page signs
    // a few (its CSRF fields); a Mac is not thread-safe, so each request thread keeps its own.
    // The values are JDK classes only, so a stopped bundle leaves nothing of its own behind.
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    Signer(byte[] key) {
        this.key = key.clone();
    }

    String sign(String value) {
        Mac mac = macs.get();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    boolean verify(String value, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(value).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
