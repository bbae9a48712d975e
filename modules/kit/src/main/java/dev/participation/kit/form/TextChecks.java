package dev.participation.kit.form;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.participation.api.widget.Characters;
import dev.participation.api.widget.Message;

/**
 * The checks every widget's rules make of what editors type: a field that must be filled, a length
 * counted in characters as people count them (code points, so an emoji is one), and addresses that
 * are safe to show or follow. Each widget says its errors in its own words, so it names its own
 * message keys.
 *
 * <p>With a {@code charactersKey}, a text also must not hold characters nobody types on purpose
 * and that do harm further on ({@link Characters#arePlain}): PostgreSQL refuses a NUL outright, which
 * would otherwise fail the whole save.
 *
 * @param requiredKey   the message for an empty required field
 * @param tooLongKey    the message for a field over its limit; its argument {@code {0}} is the limit
 * @param charactersKey the message for a text holding such characters, or empty to leave them to
 *                      the caller (since 1.5)
 */
public record TextChecks(String requiredKey, String tooLongKey, String charactersKey) {

    /** Checks of presence and length only, as before 1.5; prefer naming a {@code charactersKey}. */
    public TextChecks(String requiredKey, String tooLongKey) {
        this(requiredKey, tooLongKey, "");
    }

    /** Longest address accepted for a picture or a link. */
    public static final int ADDRESS_MAX = 2000;

    // Browsers read a backslash as a slash and drop tabs and line breaks inside addresses, so "/\host"
    // or "/<tab>/host" would lead to another site: none of these characters is ever accepted.
    private static final String SAFE = "[^\\s\\p{Cc}\\p{Z}<>\"\\\\]";
    private static final String SAFE_NOT_SLASH = "[^\\s\\p{Cc}\\p{Z}<>\"\\\\/]";
    private static final Pattern WEB_ADDRESS = Pattern.compile("https://" + SAFE_NOT_SLASH + SAFE + "*");
    // A picture is on the web over https, or on this site (one leading slash, not "//host").
    private static final Pattern PICTURE_ADDRESS = Pattern.compile(
            "https://" + SAFE_NOT_SLASH + SAFE + "*|/" + SAFE_NOT_SLASH + SAFE + "*");

    public TextChecks {
        Objects.requireNonNull(requiredKey, "requiredKey");
        Objects.requireNonNull(tooLongKey, "tooLongKey");
        Objects.requireNonNull(charactersKey, "charactersKey");
    }

    /** Puts an error for {@code field} if the value is blank or longer than {@code max} characters. */
    public void required(Map<String, Message> errors, String field, String value, int max) {
        if (value.isBlank()) {
            errors.put(field, Message.of(requiredKey));
        } else {
            optional(errors, field, value, max);
        }
    }

    /**
     * Puts an error for {@code field} if the value is longer than {@code max} characters or, with a
     * {@code charactersKey}, holds characters {@link Characters#arePlain} refuses.
     */
    public void optional(Map<String, Message> errors, String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            errors.put(field, Message.of(tooLongKey, max));
        } else if (!charactersKey.isEmpty() && !Characters.arePlain(value)) {
            errors.put(field, Message.of(charactersKey));
        }
    }


    /** A secure web address people may follow ({@code https://}). */
    public static boolean isWebLink(String address) {
        return address.length() <= ADDRESS_MAX && WEB_ADDRESS.matcher(address).matches();
    }

    /** A picture's address: on another site over {@code https://}, or on this site (a single leading {@code /}). */
    public static boolean isPictureAddress(String address) {
        return address.length() <= ADDRESS_MAX && PICTURE_ADDRESS.matcher(address).matches();
    }
}
