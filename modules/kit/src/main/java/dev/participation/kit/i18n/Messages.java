package dev.participation.kit.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import dev.participation.api.widget.Choice;
import dev.participation.api.widget.Message;

/**
 * The text of one request: a widget's own bundle first, then the kit's shared words. A key found
 * nowhere is shown as the key itself, so a missing translation is visible rather than blank.
 */
public final class Messages {

    private static final LanguageBundles KIT = new LanguageBundles(Messages.class,
            "dev/participation/kit/i18n/Language");

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
            try {
                String pattern = bundle.getString(key);
                return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
            } catch (MissingResourceException e) {
                // try the next bundle
            }
        }
        return key;
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
