package dev.participation.host.internal.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.participation.host.internal.assets.GovukAssets;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Paths;
import dev.participation.host.internal.web.ProblemJson;
import dev.participation.host.internal.web.Site;
import dev.participation.kit.i18n.Messages;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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
 * the database. Until the health checks have started it answers {@code /health} as well, so a
 * monitor is told 503, not 404; until the JSON API has, it answers {@code /api/} with problem
 * details, so a program is told to come back rather than handed a page.
 */
@Component(service = Servlet.class, property = "service.ranking:Integer=-1000")
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName(SiteUnavailableServlet.NAME)
public final class SiteUnavailableServlet extends HttpServlet {

    public static final String NAME = "participation-site-unavailable";
    /** A guess that spares the database a storm of reloads while it comes back, not a promise. */
    static final int RETRY_AFTER_SECONDS = 30;

    private static final long serialVersionUID = 1L;

    private final transient Site site;
    private final transient GovukAssets assets;

    @Activate
    public SiteUnavailableServlet(@Reference Site site, @Reference GovukAssets assets) {
        this.site = site;
        this.assets = assets;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = site.locale(request);
        Messages messages = site.messages(locale);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        String path = Paths.of(request);
        if (ProblemJson.isApiPath(path)) {
            // The JSON API starts after the pages; a program asking before then is told to come back too.
            response.setHeader("Content-Language", locale.toLanguageTag());
            ProblemJson.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, path,
                    messages.get("unavailable.text"), !"HEAD".equals(request.getMethod()));
            return;
        }
        // No menu: every page it would link to is away too.
        Map<String, Object> page = Layout.frameModel(site, assets, messages.get("unavailable.title"), List.of());
        page.put("body", site.templates().render("unavailable.ftlh", Map.of(), messages));
        byte[] html = site.templates().render("layout.ftlh", page, messages).getBytes(StandardCharsets.UTF_8);

        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.setContentLength(html.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(html);
        }
    }
}
