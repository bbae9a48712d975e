package dev.participation.host.internal.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.participation.api.storage.Storage;
import dev.participation.host.internal.assets.GovukAssets;
import dev.participation.host.internal.web.ErrorPage;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Paths;
import dev.participation.host.internal.web.ProblemJson;
import dev.participation.host.internal.web.SecurityHeadersFilter;
import dev.participation.host.internal.web.Site;
import dev.participation.kit.i18n.Messages;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * What a visitor gets while the public site cannot be served, because its database is down or
 * not reached yet: a page in the site's own words with 503 and {@code Retry-After}, instead of
 * the servlet container's bare 404 that names its internals and tells a load balancer the page
 * is gone.
 *
 * <p>It sits at {@code /} below the public site's service ranking. The whiteboard gives the path
 * to the highest ranking servlet, so this answers only while the public site's components wait for
 * the database, and hands the path back the moment they are up again. It needs nothing that needs
 * the database. Until the health checks and the JSON API have started it answers their addresses
 * as well, in their own formats ({@link LaterParts}), so a monitor or a program is told 503, not
 * 404, and is not handed a page.
 *
 * <p>It is the container's error page at the same low ranking, since the site's own error pages
 * need the database too: a request refused meanwhile (a method nobody serves, a form in a charset
 * nobody knows) keeps its 4xx, in the site's words; anything worse is the site being away. A body
 * over Jetty's size limit never gets this far: Jetty answers it before any servlet.
 */
@Component(service = Servlet.class, property = "service.ranking:Integer=-1000")
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx", "java.lang.Throwable"})
@HttpWhiteboardServletName(SiteUnavailableServlet.NAME)
public final class SiteUnavailableServlet extends HttpServlet {

    public static final String NAME = "participation-site-unavailable";
    /** When the portal next tries the database: a guess that spares it a storm of reloads, not a promise. */
    static final int RETRY_AFTER_SECONDS = Storage.RECONNECT_SECONDS;

    private static final long serialVersionUID = 1L;

    private final transient Site site;
    private final transient GovukAssets assets;
    private final transient SecurityHeadersFilter headers;

    @Activate
    public SiteUnavailableServlet(@Reference Site site, @Reference GovukAssets assets,
            @Reference SecurityHeadersFilter headers) {
        this.site = site;
        this.assets = assets;
        this.headers = headers;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = site.locale(request);
        Messages messages = site.messages(locale);
        response.setHeader("Content-Language", locale.toLanguageTag());
        String path = Paths.of(request);
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) {
            // An error dispatch passes no filter: the headers every page carries are set here.
            headers.apply(request, response);
            if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
                path = uri;
            }
            if (status >= 400 && status < 500) {
                refused(request, response, status, path, messages);
                return;
            }
        }
        if (LaterParts.owns(path)) {
            LaterParts.notRunning(request, response, path, RETRY_AFTER_SECONDS, messages.get("unavailable.text"));
            return;
        }
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        page(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, messages.get("unavailable.title"),
                site.templates().render("unavailable.ftlh", Map.of(), messages), messages);
    }

    /** A request the container refused: its own fault, so its own 4xx, not "come back later". */
    private void refused(HttpServletRequest request, HttpServletResponse response, int status, String path,
            Messages messages) throws IOException {
        if (ProblemJson.isApiPath(path)) {
            ProblemJson.write(response, status, path, null, !"HEAD".equals(request.getMethod()));
            return;
        }
        ErrorPage kind = ErrorPage.forStatus(status);
        page(request, response, status, kind.title(messages),
                site.templates().render("error.ftlh", kind.model(messages, "/"), messages), messages);
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, String title, String body,
            Messages messages) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        // No menu: every page it would link to is away too.
        Map<String, Object> page = Layout.frameModel(site, assets, title, List.of());
        page.put("body", body);
        byte[] html = site.templates().render("layout.ftlh", page, messages).getBytes(StandardCharsets.UTF_8);

        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(html.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(html);
        }
    }
}
