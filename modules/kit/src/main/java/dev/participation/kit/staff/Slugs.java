package dev.participation.kit.staff;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Makes an address (a slug) from a title when the editor leaves the address empty. */
public final class Slugs {

    public static final int MAX = 60;

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    /**
     * Whether this is an address a widget could have given something: 2 to {@value #MAX} lower-case
     * letters and digits in words joined by single dashes. Stores look nothing up for any other
     * value, so a forged address (one holding a NUL, which PostgreSQL refuses) simply finds nothing.
     *
     * @since 1.1
     */
    public static boolean isValid(String slug) {
        return slug != null && slug.length() >= 2 && slug.length() <= MAX && SHAPE.matcher(slug).matches();
    }

    /**
     * @param title    the title to make an address from
     * @param fallback the address when the title gives too little (all punctuation, say)
     */
    public static String suggest(String title, String fallback) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replace("&", " and ").replace("'", "")
                .replace("\u2019", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX);
            int dash = slug.lastIndexOf('-');
            slug = dash >= 2 ? slug.substring(0, dash) : slug;
        }
        return slug.length() < 2 ? fallback : slug;
    }
}
