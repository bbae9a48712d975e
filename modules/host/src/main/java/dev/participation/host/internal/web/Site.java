package dev.participation.host.internal.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import dev.participation.host.internal.HostConfiguration;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;

import jakarta.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Site-wide settings and the host's own words and templates, shared by every page of the portal
 * so each servlet does not read configuration or load bundles by itself.
 */
@Component(service = Site.class, configurationPid = HostConfiguration.PID)
@Designate(ocd = HostConfiguration.class)
public final class Site {

    private static final LanguageBundles WORDS = new LanguageBundles(Site.class, "dev/participation/host/i18n/Language");

    private final String siteName;
    private final String frameAncestors;
    private final boolean alwaysSecure;
    private final int hstsMaxAgeSeconds;
    private final List<Locale> languages;
    private final ZoneId zone;
    private final Templates templates = Templates.of(Site.class, "/dev/participation/host/templates");

    /**
     * @param clock the participation clock, whose zone ({@code dev.participation.clock}) is the one
     *              place the portal's time zone is set
     */
    @Activate
    public Site(HostConfiguration config, @Reference Clock clock) {
        this.siteName = blankOr(config.siteName(), "Have your say");
        this.frameAncestors = blankOr(config.frameAncestors(), "'self'");
        this.alwaysSecure = "always".equalsIgnoreCase(config.secureCookies());
        this.hstsMaxAgeSeconds = Math.max(0, config.hstsMaxAgeSeconds());
        List<Locale> tags = new ArrayList<>();
        for (String tag : config.languages() == null ? new String[0] : config.languages()) {
            if (tag != null && !tag.isBlank()) {
                tags.add(Locale.forLanguageTag(tag.trim()));
            }
        }
        this.languages = tags.isEmpty() ? List.of(Locale.UK) : List.copyOf(tags);
        this.zone = clock.getZone();
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public String siteName() {
        return siteName;
    }

    public String frameAncestors() {
        return frameAncestors;
    }

    /** The portal's time zone, in which every page shows dates and times. */
    public ZoneId zone() {
        return zone;
    }

    public Locale defaultLocale() {
        return languages.get(0);
    }

    /**
     * The best of the site's languages for this visitor. Only languages the site is written in are
     * chosen, so {@code <html lang>} always names the language the page is really in.
     */
    public Locale locale(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Language");
        if (accept == null || accept.isBlank()) {
            return defaultLocale();
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(accept), languages);
            if (match != null) {
                return match;
            }
            // "en" matches "en-GB": compare languages alone before giving up.
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                String language = Locale.forLanguageTag(range.getRange()).getLanguage();
                for (Locale l : languages) {
                    if (l.getLanguage().equals(language)) {
                        return l;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed header gets the default language rather than an error.
        }
        return defaultLocale();
    }

    /** How long browsers are told to use only HTTPS; 0 for never saying so. */
    public int hstsMaxAgeSeconds() {
        return hstsMaxAgeSeconds;
    }

    /**
     * Cookies get Secure on HTTPS requests (directly, or through a trusted proxy that ended TLS), or
     * always when so configured.
     */
    public boolean secureCookies(HttpServletRequest request) {
        return alwaysSecure || request.isSecure();
    }

    public ResourceBundle words(Locale locale) {
        return WORDS.forLocale(locale);
    }

    /** The given bundles first, then the host's words, then the kit's. */
    public Messages messages(Locale locale, ResourceBundle... first) {
        ResourceBundle[] all = Arrays.copyOf(first, first.length + 1);
        all[first.length] = words(locale);
        return Messages.of(locale, all);
    }

    public Templates templates() {
        return templates;
    }
}
