package dev.participation.portlet.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which static files a widget bundle's {@code /assets/} folder may serve through the portlet, and
 * as what type. Anything that could climb out of the folder is refused before the bundle is asked.
 */
final class AssetPaths {

    // Plain names in folders: no "..", no empty segments, no leading slash, no backslash or
    // percent-encoding that a later decoder could turn into one.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}(/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}){0,9}");

    // Only types a widget ships as assets; anything else is not served, so a stray file in the
    // folder (a .class, a .properties) is never handed out.
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css;charset=UTF-8"),
            Map.entry("js", "text/javascript;charset=UTF-8"),
            Map.entry("mjs", "text/javascript;charset=UTF-8"),
            Map.entry("map", "application/json"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ics", "text/calendar;charset=UTF-8"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain;charset=UTF-8"));

    private AssetPaths() {
    }

    /** The content type to serve the path as, or empty if the path must not be served. */
    static Optional<String> contentType(String path) {
        if (path == null || !SAFE.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            return Optional.empty();
        }
        return Optional.ofNullable(TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
