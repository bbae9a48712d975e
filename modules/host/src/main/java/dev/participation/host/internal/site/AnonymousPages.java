package dev.participation.host.internal.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.participation.host.internal.web.Cookies;

import jakarta.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A short-lived copy of each public page as a visitor who is not signed in sees it, so a busy
 * page (a pledge shared on social media, a school sending a class to the same page) is rendered
 * once every few seconds rather than for every visitor.
 *
 * <p>Only pages that are the same for every such visitor are kept: no signed-in person, no notice,
 * and no CSRF token in the page (a page with a form carries a token bound to one browser). A copy
 * is keyed on the page, the language and the values of only the parameters and remembered choices
 * its widgets read (its {@link Shape}), so a query string nobody reads (a tracking tag, a random
 * string) gets the same copy instead of a new one.
 *
 * <p>A change made through this node drops only the copies it affects: an editor's change drops its
 * page's, a post handled by a widget bundle (a visitor's form, a staff page publishing a pledge)
 * drops the copies of pages holding that bundle's widgets. Another node sharing the database shows
 * a change within {@code seconds}. Nothing here must be consistent across nodes: it is a copy of
 * what the database says, never the other way round.
 */
@Component(service = AnonymousPages.class, configurationPid = AnonymousPages.PID)
@Designate(ocd = AnonymousPages.Config.class)
public final class AnonymousPages {

    static final String PID = "dev.participation.host.pages";

    @ObjectClassDefinition(name = "Participation public page copies",
            description = "How long a public page, as seen by visitors who are not signed in, is reused")
    public @interface Config {
        @AttributeDefinition(name = "Seconds", min = "0", max = "300",
                description = "How long a copy is reused; 0 renders every request. Other portal nodes show a change"
                        + " after at most this long.")
        int seconds() default 2;

        @AttributeDefinition(name = "Most copies kept", min = "1",
                description = "Copies of all pages together; past this the copy closest to expiring makes room.")
        int maxEntries() default 500;
    }

    /**
     * What a page's copies depend on besides the page and the language, from its widgets'
     * declarations.
     *
     * @param widgetTypes the types of the widgets on the page
     * @param parameters  the full (namespaced) names of the parameters its widgets read
     * @param namespaces  namespaces of widgets that do not say which parameters they read: every
     *                    parameter in them counts
     * @param cookies     the cookies holding choices its widgets remember for the visit
     */
    public record Shape(Set<String> widgetTypes, Set<String> parameters, Set<String> namespaces, Set<String> cookies) {

        public Shape {
            widgetTypes = Set.copyOf(widgetTypes);
            parameters = Set.copyOf(parameters);
            namespaces = Set.copyOf(namespaces);
            cookies = Set.copyOf(cookies);
        }

        boolean shows(Collection<String> types) {
            return types.stream().anyMatch(widgetTypes::contains);
        }
    }

    /** A kept page, already encoded: it is sent many times and encoding it each time was waste. */
    record Copy(String page, Shape shape, byte[] body, String language, long expiresAtNanos) {
    }

    private record KnownShape(Shape shape, long expiresAtNanos) {
    }

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final Map<String, KnownShape> shapes = new ConcurrentHashMap<>();
    /** Counts changes, so a page rendered from data read before one is not kept after it. */
    private final AtomicLong changes = new AtomicLong();
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
        forgetAll();
    }

    /** Whether this request may be answered from, and may fill, the copies. */
    public boolean eligible(HttpServletRequest request) {
        return lifetimeNanos > 0 && "GET".equals(request.getMethod())
                && !Cookies.present(request, Cookies.SESSION)
                && !Cookies.present(request, Cookies.NOTICE);
    }

    /** Pass to {@link #keep} and {@link #keepShape}: what was read before a change is not kept. */
    public long changes() {
        return changes.get();
    }

    public Optional<Shape> shape(String pageKey) {
        KnownShape known = shapes.get(pageKey);
        if (known == null || expired(known.expiresAtNanos())) {
            return Optional.empty();
        }
        return Optional.of(known.shape());
    }

    /** Remembers a page's shape for as long as a copy lives, and returns it. */
    public Shape keepShape(String pageKey, Shape shape, long changesBefore) {
        KnownShape known = new KnownShape(shape, System.nanoTime() + lifetimeNanos);
        shapes.put(pageKey, known);
        if (changes.get() != changesBefore) {
            shapes.remove(pageKey, known);
        }
        return shape;
    }

    /**
     * The page, the language, and the values of only the parameters and remembered choices the
     * page's widgets read, sorted by name: every other parameter leaves the key as it is.
     */
    public String key(HttpServletRequest request, Locale locale, String pageKey, Shape shape) {
        StringBuilder key = new StringBuilder(pageKey).append('|').append(locale.toLanguageTag());
        Map<String, String[]> parameters = request.getParameterMap();
        if (parameters != null && !parameters.isEmpty()) {
            TreeMap<String, String[]> read = new TreeMap<>();
            parameters.forEach((name, values) -> {
                if (shape.parameters().contains(name) || shape.namespaces().stream().anyMatch(name::startsWith)) {
                    read.put(name, values);
                }
            });
            read.forEach((name, values) -> {
                key.append('|').append(encode(name)).append('=');
                for (int i = 0; values != null && i < values.length; i++) {
                    key.append(i == 0 ? "" : ",").append(encode(values[i]));
                }
            });
        }
        for (String cookie : new TreeSet<>(shape.cookies())) {
            // Under the name that fits the request, Secure or not: both go into the key, so a copy
            // made for one visitor's choice is never served to another's.
            for (boolean secure : new boolean[] {false, true}) {
                Cookies.read(request, cookie, secure).ifPresent(value -> key.append("|cookie:")
                        .append(Cookies.name(cookie, secure)).append('=').append(encode(value)));
            }
        }
        return key.toString();
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public Optional<Copy> find(String key) {
        Copy copy = copies.get(key);
        if (copy == null) {
            return Optional.empty();
        }
        if (expired(copy.expiresAtNanos())) {
            copies.remove(key, copy);
            return Optional.empty();
        }
        return Optional.of(copy);
    }

    /**
     * Keeps a freshly rendered page, unless it holds the visitor's CSRF token (such a page has a
     * form that only works for that visitor) or something changed while it was rendered.
     */
    public void keep(String key, String pageKey, Shape shape, String html, String language, String csrfToken,
            long changesBefore) {
        if (lifetimeNanos == 0 || html.contains(csrfToken)) {
            return;
        }
        if (copies.size() >= maxEntries) {
            makeRoom();
        }
        Copy copy = new Copy(pageKey, shape, html.getBytes(StandardCharsets.UTF_8), language,
                System.nanoTime() + lifetimeNanos);
        copies.put(key, copy);
        // A change that started after the check would be missed by it, but it drops what is kept
        // by then; one that came before is caught here.
        if (changes.get() != changesBefore) {
            copies.remove(key, copy);
        }
    }

    /** Expired copies go first; if none has, the one closest to expiring. */
    private void makeRoom() {
        copies.entrySet().removeIf(e -> expired(e.getValue().expiresAtNanos()));
        while (copies.size() >= maxEntries) {
            Optional<Map.Entry<String, Copy>> oldest = copies.entrySet().stream()
                    .min(Comparator.comparingLong(e -> e.getValue().expiresAtNanos()));
            if (oldest.isEmpty()) {
                return;
            }
            copies.remove(oldest.get().getKey(), oldest.get().getValue());
        }
    }

    private static boolean expired(long expiresAtNanos) {
        return System.nanoTime() - expiresAtNanos > 0;
    }

    /** An editor changed what is on a page: its copies go, other pages' stay. */
    public void forgetPage(PageRef page) {
        changes.incrementAndGet();
        shapes.remove(page.key());
        copies.values().removeIf(copy -> copy.page().equals(page.key()));
    }

    /** What widgets of these types show may have changed: copies of pages holding any of them go. */
    public void forgetWidgetTypes(Collection<String> widgetTypes) {
        if (widgetTypes.isEmpty()) {
            return;
        }
        changes.incrementAndGet();
        shapes.values().removeIf(known -> known.shape().shows(widgetTypes));
        copies.values().removeIf(copy -> copy.shape().shows(widgetTypes));
    }

    private void forgetAll() {
        changes.incrementAndGet();
        shapes.clear();
        copies.clear();
    }
}
