package dev.participation.kit.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import dev.participation.api.widget.Choice;
import dev.participation.api.widget.Message;

/**
 * The text of one request: a widget's own bundle first, then the kit's shared words. A key found
 * nowhere is shown as the key itself, so a missing translation is visible rather than blank.
 */
public final class Messages {

    private static final LanguageBundles KIT = new LanguageBundles(Messages.class,
            "dev/participation/kit/i18n/Language");

    /** Texts come from bundles shipped in jars, so the set of patterns is small and fixed. */
    private static final Map<Pattern, MessageFormat> PARSED = new ConcurrentHashMap<>();

    private final Locale locale;
    private final List<ResourceBundle> bundles;

    private Messages(Locale locale, List<ResourceBundle> bundles) {
        this.locale = locale;
        this.bundles = bundles;
    }

    /** Messages from the given bundles, in order, backed by the kit's shared words. */
    public static Messages of(Locale locale, ResourceBundle... own) {
        List<ResourceBundle> all = new ArrayList<>(own.length + 1);
        Collections.addAll(all, own);
        all.add(KIT.forLocale(locale));
        return new Messages(locale, List.copyOf(all));
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    /**
     * The text for a key. Arguments are applied with {@link MessageFormat} only when there are
     * some, so plain texts may use apostrophes freely; texts with arguments write {@code ''}.
     */
    public String get(String key, Object... arguments) {
        for (ResourceBundle bundle : bundles) {
            // containsKey, not a caught MissingResourceException: most kit words miss the
            // widget's bundle first, and an exception per miss was a visible cost of every page.
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return arguments.length == 0 ? pattern : format(pattern, arguments);
            }
        }
        return key;
    }

    /**
     * Parsing a pattern (its choice formats above all) costs far more than applying it, and the
     * same few patterns are applied on every page, so each is parsed once per locale. A parsed
     * format is not safe to share between threads while formatting, so each use gets a copy.
     */
    private String format(String pattern, Object[] arguments) {
        MessageFormat parsed = PARSED.computeIfAbsent(new Pattern(locale, pattern),
                p -> new MessageFormat(p.text(), p.locale()));
        return ((MessageFormat) parsed.clone()).format(arguments);
    }

    private record Pattern(Locale locale, String text) {
    }

    public String get(Message message) {
        return get(message.key(), message.arguments().toArray());
    }

    public String label(Choice choice) {
        return choice.labelIsKey() ? get(choice.label()) : choice.label();
    }

    /** Resolves a field-to-message map, keeping its order (the order errors are listed in). */
    public Map<String, String> resolve(Map<String, Message> messages) {
        Map<String, String> texts = new LinkedHashMap<>();
        messages.forEach((field, message) -> texts.put(field, get(message)));
        return texts;
    }
}
