package dev.participation.portlet.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.portlet.MimeResponse;
import javax.portlet.PortletURL;

import dev.participation.api.widget.Links;
import dev.participation.kit.text.PlainText;

/**
 * Links inside a staff page shown as a portlet. Staff screens make their links by appending a
 * path to {@link #page()} (with a query or a fragment now and then) and use the same links as
 * form actions, so no portlet URL can be handed out before the screen is drawn. Every link is
 * written as a random marker and its path; {@link #resolve} turns each into the portlet URL it
 * means once the HTML is there: an action URL for a form that posts, a render URL (with the
 * URL's own parameters as hidden fields) for a form that gets, a render URL for any other link
 * and a resource URL for a file of the page's bundle. The path travels as the render parameter
 * {@link #PATH}, the query's parameters as render parameters beside it.
 *
 * @param marker the placeholder for this portlet window's URLs; letters, digits and dashes, so
 *               HTML escaping leaves it as it is
 * @param path   the path below the page being shown or posted to
 */
record StaffPortletLinks(String marker, String path) implements Links {

    /** The render parameter holding the path below the staff page. */
    static final String PATH = "pwPath";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD_POST = Pattern.compile("\\bmethod\\s*=\\s*\"post\"", Pattern.CASE_INSENSITIVE);

    /** Links of one request to {@code path}, with a fresh marker. */
    static StaffPortletLinks at(String path) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return new StaffPortletLinks("pw-staff-" + HexFormat.of().formatHex(bytes), path);
    }

    @Override
    public String page() {
        return marker + "/";
    }

    @Override
    public String action() {
        return page() + path;
    }

    @Override
    public String view(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return action();
        }
        StringJoiner query = new StringJoiner("&", action() + "?", "");
        parameters.forEach((k, v) -> query.add(encode(k) + "=" + encode(v == null ? "" : v)));
        return query.toString();
    }

    @Override
    public String asset(String file) {
        return marker + "-asset/" + (file.startsWith("/") ? file.substring(1) : file);
    }

    /**
     * Where a location this page's screens made leads: its path and query parameters. Empty for
     * anything else, which a portlet never redirects to.
     */
    Optional<Target> target(String location) {
        if (location == null || !location.startsWith(page())) {
            return Optional.empty();
        }
        return Optional.of(Target.parse(location.substring(page().length())));
    }

    /**
     * A place inside the staff page.
     *
     * @param path       below the page, without a leading slash
     * @param parameters the query's parameters, in order
     */
    record Target(String path, Map<String, List<String>> parameters) {

        /** @param link path, optional query and fragment, as a screen wrote it (not HTML-escaped) */
        static Target parse(String link) {
            String rest = link;
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                rest = rest.substring(0, hash);
            }
            int question = rest.indexOf('?');
            String path = question < 0 ? rest : rest.substring(0, question);
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            if (question >= 0) {
                for (String pair : rest.substring(question + 1).split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    // The path is the link's own; a query cannot move it elsewhere.
                    if (!name.equals(PATH)) {
                        parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                    }
                }
            }
            return new Target(path, parameters);
        }

        /** This place on a portlet URL: the URL's own state is replaced by it. */
        <T extends PortletURL> T on(T url) {
            url.getRenderParameters().setValue(PATH, path);
            parameters.forEach((name, values) -> url.getRenderParameters().setValues(name, values.toArray(String[]::new)));
            return url;
        }
    }

    /**
     * Replaces the marker's links in HTML drawn for this portlet window (now, or while a post
     * was handled) with portlet URLs, escaped as they go in.
     */
    static String resolve(String html, String marker, MimeResponse response) {
        Pattern link = Pattern.compile(Pattern.quote(marker) + "(-asset/[A-Za-z0-9_./-]*|/[^\"'<>\\s#]*)(#[^\"'<>\\s]*)?");
        Pattern formAction = Pattern.compile("\\baction\\s*=\\s*\"(" + Pattern.quote(marker) + "/[^\"]*)\"",
                Pattern.CASE_INSENSITIVE);
        StringBuilder out = new StringBuilder(html.length() + 1024);
        Matcher forms = FORM.matcher(html);
        while (forms.find()) {
            String tag = forms.group();
            Matcher action = formAction.matcher(tag);
            if (!action.find()) {
                continue;
            }
            Target target = Target.parse(unescape(action.group(1).substring(marker.length() + 1)));
            String replacement;
            if (METHOD_POST.matcher(tag).find()) {
                String url = target.on(response.createActionURL(MimeResponse.Copy.NONE)).toString();
                replacement = tag.substring(0, action.start(1)) + PlainText.escape(url) + tag.substring(action.end(1));
            } else {
                replacement = getForm(tag, action, target.on(response.createRenderURL(MimeResponse.Copy.NONE)).toString());
            }
            forms.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        forms.appendTail(out);
        Matcher links = link.matcher(out.toString());
        StringBuilder resolved = new StringBuilder(out.length() + 1024);
        while (links.find()) {
            String found = links.group(1);
            String url;
            if (found.startsWith("-asset/")) {
                url = PortletLinks.assetUrl(response, found.substring("-asset/".length()));
            } else {
                url = Target.parse(unescape(found.substring(1))).on(response.createRenderURL(MimeResponse.Copy.NONE))
                        .toString();
            }
            String fragment = links.group(2) == null ? "" : links.group(2);
            links.appendReplacement(resolved, Matcher.quoteReplacement(PlainText.escape(url) + fragment));
        }
        links.appendTail(resolved);
        return resolved.toString();
    }

    /**
     * A form that gets: the browser replaces the action's query with the form's fields, so the
     * portlet URL's own parameters go along as hidden fields and the action keeps only the
     * address.
     */
    private static String getForm(String tag, Matcher action, String url) {
        int question = url.indexOf('?');
        String address = question < 0 ? url : url.substring(0, question);
        int hash = address.indexOf('#');
        if (hash >= 0) {
            address = address.substring(0, hash);
        }
        StringBuilder hidden = new StringBuilder();
        if (question >= 0) {
            String query = url.substring(question + 1);
            int queryHash = query.indexOf('#');
            for (String pair : (queryHash < 0 ? query : query.substring(0, queryHash)).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                hidden.append("<input type=\"hidden\" name=\"")
                        .append(PlainText.escape(decode(eq < 0 ? pair : pair.substring(0, eq))))
                        .append("\" value=\"").append(PlainText.escape(eq < 0 ? "" : decode(pair.substring(eq + 1))))
                        .append("\">");
            }
        }
        return tag.substring(0, action.start(1)) + PlainText.escape(address) + tag.substring(action.end(1)) + hidden;
    }

    /** The few entities FreeMarker's HTML escaping writes, back to text. */
    private static String unescape(String escaped) {
        return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A stray % in a screen's link: keep the text as written rather than fail the page.
            return text;
        }
    }
}
