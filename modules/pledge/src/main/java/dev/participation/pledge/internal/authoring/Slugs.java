package dev.participation.pledge.internal.authoring;

import java.text.Normalizer;
import java.util.Locale;

/** Makes a pledge's address from its title when the editor leaves the address empty. */
final class Slugs {

    static final int MAX = 60;

    private Slugs() {
    }

    static String suggest(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replace("&", " and ").replace("'", "")
                .replace("\u2019", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX);
            int dash = slug.lastIndexOf('-');
            slug = dash >= 2 ? slug.substring(0, dash) : slug;
        }
        return slug.length() < 2 ? "pledge" : slug;
    }
}
