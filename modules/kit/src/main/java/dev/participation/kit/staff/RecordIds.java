package dev.participation.kit.staff;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A stored record's id as it appears in a staff page's path or a posted field. Ids are positive
 * numbers the database gave, so 1 to 18 digits always fit a {@code long}; anything else (a word, a
 * sign, 19 digits that would overflow, a forged value) names no record, and no store is asked.
 *
 * @since 1.4
 */
public final class RecordIds {

    private static final Pattern SHAPE = Pattern.compile("\\d{1,18}");

    private RecordIds() {
    }

    /** The id the text spells, or empty when it is not the shape of one. */
    public static OptionalLong parse(String text) {
        return text != null && SHAPE.matcher(text).matches() ? OptionalLong.of(Long.parseLong(text))
                : OptionalLong.empty();
    }

    /**
     * The id a path segment names, or a {@link NotFound} for {@code what} (such as "event"), which
     * the staff page answers with its 404 screen.
     */
    public static long inPath(String segment, String what) {
        return parse(segment).orElseThrow(() -> new NotFound(what + " " + segment));
    }
}
