package dev.participation.groups.internal.store;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into the words the directory search compares, the same way for a group's text when it
 * is saved and for what a visitor types: accents and case dropped, a plural "s" dropped (so
 * "carers" finds "carer"), little words that every description holds left out.
 */
final class SearchWords {

    /** The size of {@code participation_group_word.word}; longer words are cut to it on both sides. */
    static final int WORD_MAX = 40;

    private static final Set<String> LEFT_OUT = Set.of("a", "an", "and", "the", "of", "to", "in", "on", "at",
            "for", "with", "is", "are", "or", "by", "from");

    private SearchWords() {
    }

    static Set<String> of(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                    .toLowerCase(Locale.ROOT);
            for (String word : plain.split("[^a-z0-9]+")) {
                if (!word.isEmpty() && !LEFT_OUT.contains(word)) {
                    words.add(stem(word));
                }
            }
        }
        return words;
    }

    private static String stem(String word) {
        String stemmed = word;
        if (stemmed.length() > 3 && stemmed.endsWith("s") && !stemmed.endsWith("ss")) {
            stemmed = stemmed.substring(0, stemmed.length() - 1);
        }
        return stemmed.length() > WORD_MAX ? stemmed.substring(0, WORD_MAX) : stemmed;
    }

    /**
     * The name as a sort key both databases order alike whatever their collation: lower-case ASCII
     * letters and digits only, other characters left out.
     */
    static String sortKey(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        return plain.length() > 120 ? plain.substring(0, 120) : plain;
    }
}
