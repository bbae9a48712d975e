package dev.participation.host.internal.site;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.participation.host.internal.web.Cookies;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * A short-lived copy of each public page as a visitor who is not signed in sees it, so a busy
 * page (a pledge shared on social media, a school sending a class to the same page) is rendered
 * once every few seconds rather than for every visitor.
 *
 * <p>Only pages that are the same for every such visitor are kept: no signed-in person, no notice,
 * and no CSRF token in the page (a page with a form carries a token bound to one browser). Any post
 * handled by this node empties the copies, so whoever changes something sees it at once; another
 * node sharing the database shows it within {@code seconds}. Nothing here must be consistent
 * across nodes: it is a copy of what the database says, never the other way round.
 */
@Component(service = {AnonymousPages.class, Filter.class}, configurationPid = AnonymousPages.PID)
@Designate(ocd = AnonymousPages.Config.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("participation-public-page-copies")
public final class AnonymousPages implements Filter {

    static final String PID = "dev.participation.host.pages";

    @ObjectClassDefinition(name = "Participation public page copies",
            description = "How long a public page, as seen by visitors who are not signed in, is reused")
    public @interface Config {
        @AttributeDefinition(name = "Seconds", min = "0", max = "300",
                description = "How long a copy is reused; 0 renders every request. Other portal nodes show a change"
                        + " after at most this long.")
        int seconds() default 2;

        @AttributeDefinition(name = "Most pages kept", min = "1")
        int maxEntries() default 500;
    }

    /** A kept page. */
    record Copy(String html, String language, long expiresAtNanos) {
    }

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private volatile long lifetimeNanos;
    private volatile int maxEntries;

    @Activate
    public AnonymousPages(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        lifetimeNanos = Math.max(0, config.seconds()) * 1_000_000_000L;
        maxEntries = Math.max(1, config.maxEntries());
        copies.clear();
    }

    /** Whether this request may be answered from, and may fill, the copies. */
    public boolean eligible(HttpServletRequest request) {
        return lifetimeNanos > 0 && "GET".equals(request.getMethod())
                && !Cookies.present(request, Cookies.SESSION)
                && !Cookies.present(request, Cookies.NOTICE);
    }

    /** The page, its query, the language and the visitor's remembered choices (easy read, say). */
    public String key(HttpServletRequest request, Locale locale) {
        String query = request.getQueryString();
        StringBuilder key = new StringBuilder(request.getRequestURI());
        key.append(query == null ? "" : "?" + query).append('|').append(locale.toLanguageTag());
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            java.util.Arrays.stream(cookies).filter(c -> Cookies.baseName(c.getName()).startsWith(RememberedChoices.PREFIX))
                    .map(c -> c.getName() + "=" + c.getValue()).sorted().forEach(c -> key.append('|').append(c));
        }
        return key.toString();
    }

    public Optional<Copy> find(String key) {
        Copy copy = copies.get(key);
        if (copy == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - copy.expiresAtNanos() > 0) {
            copies.remove(key, copy);
            return Optional.empty();
        }
        return Optional.of(copy);
    }

    /**
     * Keeps a freshly rendered page, unless it holds the visitor's CSRF token: such a page has a
     * form that only works for that visitor.
     */
    public void keep(String key, String html, String language, String csrfToken) {
        if (lifetimeNanos == 0 || html.contains(csrfToken)) {
            return;
        }
        if (copies.size() >= maxEntries) {
            // Query strings make the key space open-ended; starting again bounds the memory.
            copies.clear();
        }
        copies.put(key, new Copy(html, language, System.nanoTime() + lifetimeNanos));
    }

    public void forgetAll() {
        copies.clear();
    }

    /** After any post this node handles, the copies may show what was there before: drop them. */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request instanceof HttpServletRequest http && !"GET".equals(http.getMethod())
                    && !"HEAD".equals(http.getMethod())) {
                copies.clear();
            }
        }
    }
}
