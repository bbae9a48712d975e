package dev.participation.kit.i18n;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Loads one bundle's {@code Language.properties} (and its translations such as
 * {@code Language_cy.properties}) through that bundle's class loader, once per locale.
 */
public final class LanguageBundles {

    // No fallback to the JVM's default locale: a server set to, say, German must still answer an
    // English visitor in English rather than in whatever translation happens to match the host.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ClassLoader loader;
    private final List<String> baseNames;
    private final ConcurrentMap<Locale, ResourceBundle> cache = new ConcurrentHashMap<>();

    /**
     * @param anchor    any class of the bundle that ships the properties
     * @param baseNames resource paths without {@code .properties}, e.g. {@code content/Language};
     *                  where several files define a key, the first one listed wins
     */
    public LanguageBundles(Class<?> anchor, String... baseNames) {
        if (baseNames.length == 0) {
            throw new IllegalArgumentException("at least one base name");
        }
        this.loader = anchor.getClassLoader();
        this.baseNames = List.of(baseNames);
        // Fail at start-up rather than on a visitor's request if a file is missing.
        forLocale(Locale.ROOT);
    }

    public ResourceBundle forLocale(Locale locale) {
        return cache.computeIfAbsent(locale, l -> {
            List<ResourceBundle> found = baseNames.stream().map(name -> load(name, l)).toList();
            return found.size() == 1 ? found.get(0) : new Combined(found);
        });
    }

    private ResourceBundle load(String baseName, Locale locale) {
        try {
            return ResourceBundle.getBundle(baseName, locale, loader, CONTROL);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No " + baseName + ".properties in " + loader, e);
        }
    }

    /** Several files read as one, so a component can hand a host a single bundle. */
    private static final class Combined extends ResourceBundle {
        private final List<ResourceBundle> parts;

        Combined(List<ResourceBundle> parts) {
            this.parts = parts;
        }

        @Override
        protected Object handleGetObject(String key) {
            for (ResourceBundle part : parts) {
                if (part.containsKey(key)) {
                    return part.getObject(key);
                }
            }
            return null;
        }

        @Override
        public Enumeration<String> getKeys() {
            LinkedHashSet<String> keys = new LinkedHashSet<>();
            parts.forEach(p -> keys.addAll(p.keySet()));
            return Collections.enumeration(keys);
        }
    }
}
