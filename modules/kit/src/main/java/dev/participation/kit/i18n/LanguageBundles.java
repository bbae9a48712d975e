package dev.participation.kit.i18n;

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
    private final String baseName;
    private final ConcurrentMap<Locale, ResourceBundle> cache = new ConcurrentHashMap<>();

    /**
     * @param anchor   any class of the bundle that ships the properties
     * @param baseName resource path without {@code .properties}, e.g. {@code content/Language}
     */
    public LanguageBundles(Class<?> anchor, String baseName) {
        this.loader = anchor.getClassLoader();
        this.baseName = baseName;
        // Fail at start-up rather than on a visitor's request if the file is missing.
        forLocale(Locale.ROOT);
    }

    public ResourceBundle forLocale(Locale locale) {
        return cache.computeIfAbsent(locale, l -> {
            try {
                return ResourceBundle.getBundle(baseName, l, loader, CONTROL);
            } catch (MissingResourceException e) {
                throw new IllegalStateException("No " + baseName + ".properties in " + loader, e);
            }
        });
    }
}
