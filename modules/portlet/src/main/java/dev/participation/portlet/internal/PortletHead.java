package dev.participation.portlet.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.portlet.HeaderRequest;
import javax.portlet.HeaderResponse;
import javax.portlet.MimeResponse;
import javax.portlet.PortletMode;
import javax.portlet.PortletRequest;
import javax.portlet.ResourceRequest;
import javax.portlet.ResourceResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

import dev.participation.kit.text.PlainText;

/**
 * The head of a page for one portlet: the shared {@link HeaderResources} and the portlet's own
 * stylesheets, every {@code .css} file directly in its bundle's {@code /assets/} folder. Both
 * widget portlets and staff-page portlets use it.
 *
 * @param shared  GOV.UK Frontend, one instance for every portlet of the adapter
 * @param owner   names the stylesheets' dependencies, so each is on a page once: a widget's key
 * @param version the owning bundle's version: a newer file replaces an older one on the page
 * @param stylesheets paths below {@code /assets/}, in a stable order
 */
record PortletHead(HeaderResources shared, String owner, String version, List<String> stylesheets) {

    /**
     * Request attributes under this prefix survive from the header phase to the render phase
     * (Liferay's {@code header-request-attribute-prefix}, see {@link PortletProperties}).
     */
    static final String ATTRIBUTE_PREFIX = "dev.participation.portlet.head";
    /** Set in the header phase: the page's head loads this portlet's stylesheets. */
    static final String LOADED = ATTRIBUTE_PREFIX + ".loaded";

    private static final Pattern LINK = Pattern.compile("<link\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("\\bhref\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLESHEET = Pattern.compile("\\brel\\s*=\\s*\"stylesheet\"", Pattern.CASE_INSENSITIVE);

    PortletHead {
        Objects.requireNonNull(shared);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(version);
        stylesheets = List.copyOf(stylesheets);
    }

    /** The stylesheets of the bundle that registered a widget or staff page. */
    static PortletHead of(HeaderResources shared, String owner, Bundle bundle) {
        List<String> paths = new ArrayList<>();
        Enumeration<URL> found = bundle == null ? null : bundle.findEntries("/assets", "*.css", false);
        while (found != null && found.hasMoreElements()) {
            String path = found.nextElement().getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (AssetPaths.contentType(name).isPresent()) {
                paths.add(name);
            }
        }
        paths.sort(null);
        Version v = bundle == null ? Version.emptyVersion : bundle.getVersion();
        // Liferay compares dependency versions as major.minor.micro; a build qualifier would not parse.
        return new PortletHead(shared, owner, v.getMajor() + "." + v.getMinor() + "." + v.getMicro(), paths);
    }

    void addTo(HeaderRequest request, HeaderResponse response) {
        shared.addTo(response);
        for (String path : stylesheets) {
            response.addDependency(owner + "/" + path, HeaderResources.SCOPE, version,
                    "<link rel=\"stylesheet\" href=\"" + href(response, path) + "\">");
        }
        request.setAttribute(LOADED, Boolean.TRUE);
    }

    /**
     * Serves a shared file of the head, or else a file below the owning bundle's {@code /assets/}
     * folder, and nothing else.
     */
    void serve(ResourceRequest request, ResourceResponse response, Function<String, URL> assets) throws IOException {
        if (!HeaderResources.isShared(request.getResourceID())) {
            BundleAssets.serve(request, response, assets);
            return;
        }
        Optional<HeaderResources.SharedFile> file = shared.find(request.getResourceID());
        if (file.isEmpty()) {
            response.setStatus(404);
            return;
        }
        response.setContentType(file.get().contentType());
        // The head's URLs carry the file's hash: a matching one never changes, so it is kept for a
        // year; any other (an old page, a hand-made URL) gets the current file for an hour.
        boolean versioned = file.get().version().equals(request.getResourceParameters().getValue(HeaderResources.VERSION));
        response.getCacheControl().setPublicScope(true);
        response.getCacheControl().setExpirationTime(versioned ? 31_536_000 : 3600);
        response.getPortletOutputStream().write(file.get().content());
    }

    /**
     * The markup without its {@code <link rel="stylesheet">} elements for the stylesheets the head
     * already loads: a widget's view names its stylesheet for hosts without a head phase. Where
     * this render had no header phase (a portal that skips it), the markup keeps its links.
     */
    String withoutOwnLinks(String html, PortletRequest request, MimeResponse response) {
        if (stylesheets.isEmpty() || html.indexOf("<link") < 0 || request.getAttribute(LOADED) == null) {
            return html;
        }
        Set<String> loaded = stylesheets.stream().map(path -> href(response, path)).collect(Collectors.toSet());
        Matcher link = LINK.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (link.find()) {
            Matcher href = HREF.matcher(link.group());
            boolean inHead = STYLESHEET.matcher(link.group()).find() && href.find() && loaded.contains(href.group(1));
            link.appendReplacement(out, inHead ? "" : Matcher.quoteReplacement(link.group()));
        }
        link.appendTail(out);
        return out.toString();
    }

    /** The same URL the widget's {@code Links.asset} gives, escaped as templates escape it. */
    private static String href(MimeResponse response, String path) {
        return PlainText.escape(PortletLinks.forRender(response, PortletMode.VIEW).asset(path));
    }
}
