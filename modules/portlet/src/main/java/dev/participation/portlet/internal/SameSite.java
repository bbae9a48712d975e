package dev.participation.portlet.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Whether a redirect target a widget asked for stays on this portal, so a crafted or mistaken
 * location never sends a person to another site after a post (an open redirect).
 */
final class SameSite {

    private SameSite() {
    }

    /**
     * @param location   where the widget wants to go
     * @param serverName this request's host name
     * @param serverPort this request's port
     */
    static boolean allows(String location, String serverName, int serverPort) {
        if (location == null || location.isBlank()) {
            return false;
        }
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            // Browsers read "\" as "/" and drop tabs and line breaks, which turns "/\evil.org"
            // or "/\t/evil.org" into another site.
            if (c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c)) {
                return false;
            }
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!uri.isAbsolute()) {
            // A path on this host; "//host/..." is scheme-relative and names another host.
            return location.startsWith("/") && !location.startsWith("//") && uri.getRawAuthority() == null;
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null || !uri.getHost().equalsIgnoreCase(serverName)) {
            return false;
        }
        // The scheme may differ behind a TLS-terminating proxy (the portal writes https, the request
        // arrives as http), so an absent port is accepted; a different explicit port is not.
        return uri.getPort() == -1 || uri.getPort() == serverPort;
    }
}
