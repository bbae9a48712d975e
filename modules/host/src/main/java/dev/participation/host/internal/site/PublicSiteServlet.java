package dev.participation.host.internal.site;

import java.io.IOException;
import java.util.Optional;

import dev.participation.host.internal.web.Caller;
import dev.participation.host.internal.web.Callers;
import dev.participation.host.internal.web.Csrf;
import dev.participation.host.internal.web.Site;
import dev.participation.host.internal.web.ErrorPage;
import dev.participation.host.internal.web.Layout;
import dev.participation.host.internal.web.Paths;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The public site. Registered as the default servlet ({@code /}) because page addresses are
 * widget keys that come and go with their bundles; longer patterns (intranet, sign-in, assets)
 * win over it. Routes:
 * <ul>
 * <li>{@code GET /} and {@code GET /<widget-key>}: the page</li>
 * <li>{@code POST /<page>/widgets/<id>}: a visitor's form post to an instance</li>
 * <li>{@code POST /<page>/configure/<id>}, {@code /<page>/move/<id>}, {@code /<page>/remove/<id>},
 * {@code /<page>/add}: editors' changes</li>
 * </ul>
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("participation-public-site")
public final class PublicSiteServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** They start within seconds of the first page (RuntimeStartLevel). */
    private static final int LATER_PARTS_RETRY_SECONDS = 5;

    private final transient Callers callers;
    private final transient Pages pages;
    private final transient WidgetPosts widgetPosts;
    private final transient EditorActions editor;
    private final transient Layout layout;
    private final transient AnonymousPages copies;
    private final transient Site site;
    private final transient Csrf csrf;
    private final transient Logger log;

    @Activate
    public PublicSiteServlet(@Reference Callers callers, @Reference Pages pages, @Reference WidgetPosts widgetPosts,
            @Reference EditorActions editor, @Reference Layout layout, @Reference AnonymousPages copies,
            @Reference Site site, @Reference Csrf csrf, @Reference(service = LoggerFactory.class) Logger log) {
        this.copies = copies;
        this.site = site;
        this.csrf = csrf;
        this.callers = callers;
        this.pages = pages;
        this.widgetPosts = widgetPosts;
        this.editor = editor;
        this.layout = layout;
        this.log = log;
    }

    /**
     * The JSON API's and the health checks' addresses reach this servlet only while those parts are
     * not running, as for a moment at every start: they are not pages that are missing.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = Paths.of(request);
        if (LaterParts.owns(path)) {
            LaterParts.notRunning(request, response, path, LATER_PARTS_RETRY_SECONDS,
                    site.messages(site.locale(request)).get("starting.text"));
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] segments = segments(Paths.of(request));
        Optional<String> pageKey = copies.eligible(request) ? pageKey(segments) : Optional.empty();
        if (pageKey.isEmpty()) {
            render(request, response);
            return;
        }
        long changesBefore = copies.changes();
        Optional<AnonymousPages.Shape> shape;
        try {
            // Only a page without a known shape is looked up: finding a widget's page asks the
            // widget for its type, which may read the database.
            shape = copies.shape(pageKey.get()).or(() -> page(segments)
                    .map(page -> copies.keepShape(page.key(), pages.shape(page), changesBefore)));
        } catch (RuntimeException e) {
            // The database is away: the page itself says so, and nothing is kept.
            render(request, response);
            return;
        }
        if (shape.isEmpty()) {
            render(request, response);
            return;
        }
        String key = copies.key(request, site.locale(request), pageKey.get(), shape.get());
        Optional<AnonymousPages.Copy> copy = copies.find(key);
        if (copy.isPresent()) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Cache-Control", "private, no-cache");
            response.setHeader("Content-Language", copy.get().language());
            Layout.send(response, copy.get().body());
            return;
        }
        CapturedPage captured = new CapturedPage(response);
        render(request, captured);
        String html = captured.html();
        if (captured.status() == HttpServletResponse.SC_OK && !captured.remembersAChoice()) {
            Caller caller = callers.resolve(request, response);
            copies.keep(key, pageKey.get(), shape.get(), html, caller.locale().toLanguageTag(),
                    csrf.field(caller).value(), changesBefore);
        }
        Layout.send(response, html);
    }

    /** The key of the page a GET's path would name, if it names one: the copies are kept under it. */
    private static Optional<String> pageKey(String[] segments) {
        return segments.length == 0 ? Optional.of(PageRef.HOME)
                : segments.length == 1 && !PageRef.HOME.equals(segments[0]) ? Optional.of(segments[0])
                : Optional.empty();
    }

    /** The page a GET's path names: "/" is the home page, "/<widget-key>" a widget's own page. */
    private Optional<PageRef> page(String[] segments) {
        // "/home" is the home page's key, not an address: the home page lives at "/".
        return segments.length == 0 ? Optional.of(PageRef.home())
                : segments.length == 1 && !PageRef.HOME.equals(segments[0]) ? pages.find(segments[0])
                : Optional.empty();
    }

    private void render(HttpServletRequest request, HttpServletResponse response) {
        Caller caller = callers.resolve(request, response);
        try {
            Optional<PageRef> page = page(segments(Paths.of(request)));
            if (page.isEmpty()) {
                layout.error(request, response, caller, ErrorPage.NOT_FOUND, "/");
                return;
            }
            pages.show(request, response, caller, page.get(), HttpServletResponse.SC_OK, Optional.empty());
        } catch (IOException | RuntimeException e) {
            failed(request, response, caller, e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Caller caller = callers.resolve(request, response);
        try {
            String[] s = segments(Paths.of(request));
            Optional<PageRef> page = s.length >= 2 ? pages.find(s[0]) : Optional.empty();
            if (page.isEmpty()) {
                layout.error(request, response, caller, ErrorPage.NOT_FOUND, "/");
                return;
            }
            if (s.length == 2 && "add".equals(s[1])) {
                editor.add(request, response, caller, page.get());
            } else if (s.length == 3) {
                switch (s[1]) {
                    case "widgets" -> widgetPosts.post(request, response, caller, page.get(), s[2]);
                    case "configure" -> editor.configure(request, response, caller, page.get(), s[2]);
                    case "move" -> editor.move(request, response, caller, page.get(), s[2]);
                    case "remove" -> editor.remove(request, response, caller, page.get(), s[2]);
                    default -> layout.error(request, response, caller, ErrorPage.NOT_FOUND, page.get().path());
                }
            } else {
                layout.error(request, response, caller, ErrorPage.NOT_FOUND, page.get().path());
            }
        } catch (IOException | RuntimeException e) {
            failed(request, response, caller, e);
        }
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, Caller caller, Exception e) {
        log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        layout.error(request, response, caller, ErrorPage.SERVER_ERROR, "/");
    }

    static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
