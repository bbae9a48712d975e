package dev.participation.host.internal.web;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads and writes the host's cookies. The Set-Cookie header is written by hand so every cookie
 * carries HttpOnly and SameSite=Lax whatever the servlet container's Cookie class supports.
 *
 * <p>A Secure cookie is named with the {@code __Host-} prefix, which browsers accept only from a
 * secure page, with Path=/ and without Domain: a neighbouring subdomain or a plain-http page cannot
 * plant or overwrite it. Over plain http browsers refuse such names, so the plain name is used there.
 * This class is the one place that knows the names.
 */
public final class Cookies {

    public static final String SESSION = "pw_session";
    public static final String VISITOR = "pw_visitor";
    public static final String NOTICE = "pw_notice";

    static final String SECURE_PREFIX = "__Host-";

    private Cookies() {
    }

    /** The name a cookie has on the wire: {@code __Host-pw_session} when Secure, else {@code pw_session}. */
    public static String name(String name, boolean secure) {
        return secure ? SECURE_PREFIX + name : name;
    }

    /** A cookie's name (or a Set-Cookie header) without the {@code __Host-} prefix. */
    public static String baseName(String name) {
        return name.startsWith(SECURE_PREFIX) ? name.substring(SECURE_PREFIX.length()) : name;
    }

    /**
     * The cookie's value under the name that fits the request, so a plain-http cookie is never
     * taken for the Secure one.
     *
     * @param secure whether the host sets its cookies Secure for this request ({@link Site#secureCookies})
     */
    public static Optional<String> read(HttpServletRequest request, String name, boolean secure) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String wanted = name(name, secure);
        for (Cookie c : cookies) {
            if (wanted.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the request carries the cookie under either name: for decisions that must err on the
     * side of privacy (never share or store a page that might be someone's own).
     */
    public static boolean present(HttpServletRequest request, String name) {
        return read(request, name, false).isPresent() || read(request, name, true).isPresent();
    }

    /**
     * @param value  only base64url characters and dots, which need no quoting
     * @param maxAge seconds, or a negative number for a cookie that ends with the browser session
     */
    public static void set(HttpServletResponse response, String name, String value, int maxAge, boolean secure) {
        StringBuilder header = new StringBuilder(name(name, secure)).append('=').append(value).append("; Path=/");
        if (maxAge >= 0) {
            header.append("; Max-Age=").append(maxAge);
        }
        header.append("; HttpOnly; SameSite=Lax");
        if (secure) {
            header.append("; Secure");
        }
        response.addHeader("Set-Cookie", header.toString());
    }

    public static void clear(HttpServletResponse response, String name, boolean secure) {
        set(response, name, "", 0, secure);
    }
}
