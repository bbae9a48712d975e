package dev.participation.kit.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import dev.participation.kit.i18n.LanguageBundles;

/**
 * A demo's words, from its {@code Demo.properties} in the root locale: titles and descriptions,
 * and the numbers, lists and dates that shape the demo's content, each under a key such as
 * {@code youth-forum.title}. A key a demo must have and lacks fails the install loudly.
 */
public final class DemoWords {

    private final ResourceBundle bundle;

    public DemoWords(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The words of {@code baseName}, such as {@code dev/participation/groups/demo/Demo}, beside {@code owner}. */
    public static DemoWords of(Class<?> owner, String baseName) {
        return new DemoWords(new LanguageBundles(owner, baseName).forLocale(Locale.ROOT));
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text under {@code key}, which must be there. */
    public String text(String key) {
        return bundle.getString(key);
    }

    /** The text under {@code key}, or empty when the demo leaves it out. */
    public String optional(String key) {
        return has(key) ? text(key) : "";
    }

    /** A whole number, which must be there. */
    public int number(String key) {
        return Integer.parseInt(text(key).strip());
    }

    /** A comma-separated list ({@code groups=youth-cabinet, youth-council}), each item stripped, none empty. */
    public List<String> list(String key) {
        return Arrays.stream(text(key).split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    /**
     * Optional text of several paragraphs: a properties file keeps a paragraph break as the two
     * characters {@code \n} inside one value, which become a line break here.
     */
    public String paragraphs(String key) {
        return optional(key).replace("\\n", "\n");
    }
}
