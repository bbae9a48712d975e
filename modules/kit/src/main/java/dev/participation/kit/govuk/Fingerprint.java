package dev.participation.kit.govuk;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * A short hash of a file's content, put in its URL so the URL changes exactly when the file does.
 * Only browsers' caches rely on it, never security, so a checksum does: CRC-32C (the processor
 * computes it) and the length. SHA-256 of GOV.UK Frontend's stylesheet, on a JVM still starting,
 * was a visible part of the portal's start-up.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** The CRC-32C and the length of the text's UTF-8, in hexadecimal: 16 characters. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same for bytes already encoded.
     *
     * @since 1.1
     */
    public static String of(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return String.format("%08x%08x", crc.getValue(), content.length);
    }
}
