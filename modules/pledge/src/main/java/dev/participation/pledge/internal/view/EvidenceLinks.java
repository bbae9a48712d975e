package dev.participation.pledge.internal.view;

import java.util.Locale;

import dev.participation.pledge.api.PledgeRules;

/**
 * What a page may do with an evidence link: follow it only if it is an https address (older
 * evidence may hold others), and name the site it leads to, so nobody is surprised where they land.
 */
public final class EvidenceLinks {

    private EvidenceLinks() {
    }

    /** The link if people may follow it, or empty. */
    public static String followable(String link) {
        return link != null && PledgeRules.validLink(link) ? link : "";
    }

    /**
     * The site a followable link leads to ({@code www.example.gov.uk}), as a browser reads it: after
     * any {@code user@} part, without a port; empty for a link that may not be followed.
     */
    public static String site(String link) {
        String followable = followable(link);
        if (followable.isEmpty()) {
            return "";
        }
        String authority = followable.substring("https://".length()).split("[/?#]", 2)[0];
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int port = host.lastIndexOf(':');
        if (port >= 0 && !host.endsWith("]")) {
            host = host.substring(0, port);
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
