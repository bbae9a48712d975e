package dev.participation.api.widget;

/**
 * Tells what people type from characters nobody types on purpose and that do harm further on.
 * Every text a person saves passes here (settings, and each widget's own fields through the kit's
 * checks), so a stray character gets a message beside its field rather than failing the save:
 * PostgreSQL refuses a NUL outright.
 *
 * @since 2.1
 */
public final class Characters {

    private Characters() {
    }

    /**
     * Whether the text holds no control characters but line breaks and tabs, no unpaired
     * surrogates (they are not valid UTF-8), and none of the bidirectional overrides and isolates
     * that make a name in a staff list read as something else than it is.
     */
    public static boolean arePlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return false;
            }
        }
        return true;
    }
}
