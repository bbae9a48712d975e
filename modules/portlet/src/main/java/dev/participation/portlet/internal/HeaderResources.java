package dev.participation.portlet.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import javax.portlet.HeaderResponse;
import javax.portlet.MimeResponse;
import javax.portlet.ResourceURL;

import dev.participation.kit.govuk.Fingerprint;
import dev.participation.kit.govuk.GovukFrontend;
import dev.participation.kit.govuk.ScopedStylesheet;
import dev.participation.kit.text.PackagedText;
import dev.participation.kit.text.PlainText;

/**
 * What every participation portlet puts in the page's head: GOV.UK Frontend's stylesheet, confined
 * to the widgets' wrapper so the portal's theme keeps its look, and its script, started inside the
 * widgets only. The portlets serve these files themselves, as resources; the portal adds each to a
 * page once, however many portlets ask for it, because they ask under one name, scope and version.
 */
final class HeaderResources {

    /** The scope of every dependency the participation portlets add to a page. */
    static final String SCOPE = "dev.participation";
    /** The class Liferay puts on every participation portlet's wrapper (see {@link PortletProperties}). */
    static final String WRAPPER = "participation-widget";

    // Resource ids of the shared files. The colon keeps them apart from a widget's asset paths,
    // which AssetPaths allows only letters, digits, dots, dashes and slashes.
    static final String STYLESHEET = "shared:govuk-frontend.css";
    static final String SCRIPT = "shared:govuk-frontend.js";
    static final String STARTER = "shared:govuk-start.js";
    /** The resource parameter that carries a shared file's version. */
    static final String VERSION = "v";

    /** A file held in memory, with a hash of what it holds for its URL. */
    record SharedFile(byte[] content, String contentType, String version) {
    }

    private final String govukVersion;
    private final String govukCss;
    private final Map<String, SharedFile> scripts;
    // Made when a page first asks for it rather than at start-up. Its version is the hash of the
    // scoped file itself, so the URL changes when govuk-frontend or the scoping does.
    private volatile SharedFile stylesheet;

    HeaderResources() {
        this(GovukFrontend.load());
    }

    HeaderResources(GovukFrontend govuk) {
        this.govukVersion = govuk.version();
        this.govukCss = govuk.stylesheet();
        String js = AssetPaths.contentType("x.js").orElseThrow();
        this.scripts = Map.of(
                SCRIPT, file(govuk.script(), js),
                STARTER, file(read("dev/participation/portlet/head/govuk-start.js"), js));
    }

    /** Whether the resource id names one of these files rather than a portlet's own asset. */
    static boolean isShared(String resourceId) {
        return resourceId != null && resourceId.startsWith("shared:");
    }

    Optional<SharedFile> find(String resourceId) {
        return STYLESHEET.equals(resourceId) ? Optional.of(stylesheet()) : Optional.ofNullable(scripts.get(resourceId));
    }

    /** Adds the stylesheet and the script to the page's head, under names every portlet shares. */
    void addTo(HeaderResponse response) {
        response.addDependency("govuk-frontend.css", SCOPE, govukVersion,
                "<link rel=\"stylesheet\" href=\"" + url(response, STYLESHEET, stylesheet().version()) + "\">");
        // A module script, so browsers GOV.UK Frontend does not support keep the widgets working
        // without it; it finds GOV.UK Frontend's module through the data attribute.
        response.addDependency("govuk-frontend.js", SCOPE, govukVersion,
                "<script type=\"module\" src=\"" + url(response, STARTER, scripts.get(STARTER).version())
                        + "\" data-govuk-frontend=\"" + url(response, SCRIPT, scripts.get(SCRIPT).version())
                        + "\"></script>");
    }

    private SharedFile stylesheet() {
        SharedFile made = stylesheet;
        if (made == null) {
            // Two first requests at once may both scope the file; both get the same bytes.
            String css = ScopedStylesheet.within(GovukFrontend.withoutTransport(govukCss), WRAPPER);
            made = file(css, AssetPaths.contentType("x.css").orElseThrow());
            stylesheet = made;
        }
        return made;
    }

    /** Escaped for an attribute: the portal reads dependency markup as XML. */
    private static String url(MimeResponse response, String id, String version) {
        ResourceURL url = response.createResourceURL();
        url.setResourceID(id);
        url.setCacheability(ResourceURL.FULL);
        url.getResourceParameters().setValue(VERSION, version);
        return PlainText.escape(url.toString());
    }

    private static SharedFile file(String text, String contentType) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        return new SharedFile(content, contentType, Fingerprint.of(content));
    }

    private static String read(String resource) {
        return PackagedText.read(HeaderResources.class, resource);
    }
}
