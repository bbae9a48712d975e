package dev.participation.host.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

/** Request paths and the rule for where the host may redirect to. */
public final class Paths {

    private Paths() {
    }

    /** The path below the context, decoded: {@code /}, {@code /events}, {@code /intranet/audit}. */
    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }

    /**
     * Whether a location stays on this site: one leading slash and nothing a browser could read as
     * another host ({@code //evil.example}, {@code /\evil.example}) or a scheme.
     */
    public static boolean isLocal(String location) {
        if (location == null || location.isEmpty() || location.charAt(0) != '/') {
            return false;
        }
        if (location.length() > 1 && (location.charAt(1) == '/' || location.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            // Browsers drop tabs and line breaks from URLs, which can turn "/\t/evil" into "//evil".
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    public static String localOr(String location, String fallback) {
        return isLocal(location) ? location : fallback;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
