package dev.participation.service.internal.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The 100,000 most common passwords from leaked lists, as shipped in nbvcxz's dictionary (copied
 * into this bundle by bnd). Loaded on first use, so a portal where nobody sets a password never
 * pays for it.
 */
final class CommonPasswords {

    static final String LIST = "/dictionaries/passwords.txt";
    // "Password2024!" is "password" with the decoration everybody adds; the bare word is what counts.
    private static final Pattern DECORATION = Pattern.compile("[^\\p{L}]+$");

    private CommonPasswords() {
    }

    private static final class Holder {
        static final Set<String> LISTED = load();

        private static Set<String> load() {
            Set<String> listed = new HashSet<>(200_000);
            try (InputStream in = CommonPasswords.class.getResourceAsStream(LIST)) {
                if (in == null) {
                    throw new IllegalStateException(LIST + " is missing from the bundle");
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        listed.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return listed;
        }
    }

    /** @param password lower-case */
    static boolean isCommon(String password) {
        if (Holder.LISTED.contains(password)) {
            return true;
        }
        String bare = DECORATION.matcher(password).replaceFirst("");
        return bare.length() >= 4 && Holder.LISTED.contains(bare);
    }
}
