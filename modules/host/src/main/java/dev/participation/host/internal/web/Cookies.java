package dev.participation.host.internal.web;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads and writes the host's cookies. The Set-Cookie header is written by hand so every cookie
 * carries HttpOnly and SameSite=Lax whatever the servlet container's Cookie class supports.
 */
public final class Cookies {

    public static final String SESSION = "pw_session";
    public static final String VISITOR = "pw_visitor";
    public static final String NOTICE = "pw_notice";

    private Cookies() {
    }

    public static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * @param value  only base64url characters and dots, which need no quoting
     * @param maxAge seconds, or a negative number for a cookie that ends with the browser session
     */
    public static void set(HttpServletResponse response, String name, String value, int maxAge, boolean secure) {
        StringBuilder header = new StringBuilder(name).append('=').append(value).append("; Path=/");
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
