package dev.participation.host.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.participation.api.widget.Message;
import dev.participation.host.internal.assets.GovukAssets;
import dev.participation.host.internal.widget.RegisteredWidget;
import dev.participation.host.internal.widget.WidgetRegistry;
import dev.participation.kit.cache.Recent;
import dev.participation.kit.i18n.Messages;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Wraps a page's content in the site's layout (skip link, header with navigation, main, footer)
 * and writes it. Modelled on the GOV.UK page template without its branding: the crown and the
 * Transport typeface belong to GOV.UK alone.
 */
@Component(service = Layout.class)
public final class Layout {

    private static final int FRAMES_MOST = 256;

    private final Site site;
    private final Csrf csrf;
    private final Notices notices;
    private final WidgetRegistry widgets;
    private final GovukAssets assets;
    private final Logger log;
    /** Visitors' layouts by language, title and navigation: a few per page of the site. */
    private final Recent<FrameKey, Frame> frames = new Recent<>(FRAMES_MOST);

    @Activate
    public Layout(@Reference Site site, @Reference Csrf csrf, @Reference Notices notices,
            @Reference WidgetRegistry widgets, @Reference GovukAssets assets,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.site = site;
        this.csrf = csrf;
        this.notices = notices;
        this.widgets = widgets;
        this.assets = assets;
        this.log = log;
    }

    public Messages messages(Caller caller) {
        return site.messages(caller.locale());
    }

    /** Renders one of the host's body templates with the caller's words and CSRF field. */
    public String body(String template, Map<String, ?> model, Caller caller) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("csrf", csrf.field(caller));
        return site.templates().render(template, data, messages(caller));
    }

    /**
     * Writes a whole page.
     *
     * @param current the navigation link this page belongs to, marked as the current one
     */
    public void write(HttpServletRequest request, HttpServletResponse response, Caller caller, int status,
            String title, String current, String bodyHtml) throws IOException {
        Messages messages = messages(caller);
        Optional<String> notice = "GET".equals(request.getMethod()) && status < 300
                ? notices.take(request, response, site.secureCookies(request))
                : Optional.empty();
        Map<String, Object> model = frameModel(site, assets, title, navigation(caller, current));
        model.put("signedIn", caller.signedIn());
        model.put("notice", notice.orElse(""));
        if (caller.signedIn() || notice.isPresent()) {
            model.put("csrf", csrf.field(caller));
            model.put("body", bodyHtml);
            String html = site.templates().render("layout.ftlh", model, messages);
            headers(response, caller, status);
            send(response, html);
            return;
        }
        // A visitor's layout shows no CSRF field and no notice: it is the same around every body
        // for the same words, title and navigation, so it is drawn once for them.
        Frame frame = frames.get(new FrameKey(caller.locale(), new HashMap<>(model)), () -> {
            Map<String, Object> marked = new LinkedHashMap<>(model);
            marked.put("csrf", csrf.field(caller));
            marked.put("body", Frame.BODY);
            return Frame.around(site.templates().render("layout.ftlh", marked, messages));
        });
        headers(response, caller, status);
        frame.send(response, bodyHtml);
    }

    private static void headers(HttpServletResponse response, Caller caller, int status) {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Pages carry CSRF tokens bound to one browser, so no shared cache may keep them; signed-in
        // pages may hold personal data, so no cache at all.
        response.setHeader("Cache-Control", caller.signedIn() ? "no-store" : "private, no-cache");
        response.setHeader("Content-Language", caller.locale().toLanguageTag());
    }

    private record FrameKey(Locale locale, Map<String, Object> shown) {
    }

    /**
     * The layout around a page's body, as UTF-8: the body is encoded alone and sent between the
     * two halves, so a kept frame is neither copied nor encoded again.
     */
    private record Frame(byte[] before, byte[] after) {

        /** Stands for the body while a frame is drawn; only the body is written unescaped. */
        static final String BODY = "<!--pw-layout-body-->";

        static Frame around(String page) {
            int at = page.indexOf(BODY);
            if (at < 0) {
                throw new IllegalStateException("layout.ftlh does not show the body");
            }
            return new Frame(page.substring(0, at).getBytes(StandardCharsets.UTF_8),
                    page.substring(at + BODY.length()).getBytes(StandardCharsets.UTF_8));
        }

        void send(HttpServletResponse response, String body) throws IOException {
            byte[] middle = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(before.length + middle.length + after.length);
            ServletOutputStream out = response.getOutputStream();
            out.write(before);
            out.write(middle);
            out.write(after);
        }
    }

    /**
     * Sends a page's HTML as UTF-8 bytes with its length. Encoding the whole text at once is far
     * cheaper than Jetty's writer, which encodes character by character (a quarter of the cost of
     * a pledge page), and with the length known the page goes out in one write, not in chunks.
     */
    public static void send(HttpServletResponse response, String html) throws IOException {
        send(response, html.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a page already encoded as UTF-8, with its length. */
    public static void send(HttpServletResponse response, byte[] body) throws IOException {
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Writes a body template inside the layout. */
    public void page(HttpServletRequest request, HttpServletResponse response, Caller caller, int status,
            String title, String current, String template, Map<String, ?> model) throws IOException {
        write(request, response, caller, status, title, current, body(template, model, caller));
    }

    /** Writes an error page; never a stack trace, and plain text if even the layout fails. */
    public void error(HttpServletRequest request, HttpServletResponse response, Caller caller, ErrorPage kind,
            String back) {
        error(request, response, caller, kind, back, kind.status());
    }

    /** As above, answering with the given status: a 4xx the container chose keeps its own code. */
    public void error(HttpServletRequest request, HttpServletResponse response, Caller caller, ErrorPage kind,
            String back, int status) {
        try {
            if (response.isCommitted()) {
                return;
            }
            response.resetBuffer();
            Messages messages = messages(caller);
            write(request, response, caller, status, kind.title(messages), "",
                    body("error.ftlh", kind.model(messages, Paths.localOr(back, "/")), caller));
        } catch (IOException | RuntimeException e) {
            log.error("Could not write the {} page", kind, e);
            try {
                if (!response.isCommitted()) {
                    response.resetBuffer();
                    response.setStatus(status);
                    response.setContentType("text/plain;charset=UTF-8");
                    send(response, kind.title(site.messages(caller.locale())));
                }
            } catch (IOException | RuntimeException ignored) {
                // The connection is gone; nothing more can be said to the visitor.
            }
        }
    }

    /**
     * What {@code layout.ftlh} shows around a body, as for a visitor who is not signed in and has no
     * notice. Static so that a page drawn while this component waits for the database (the site
     * saying it is away) is framed by the same model.
     */
    public static Map<String, Object> frameModel(Site site, GovukAssets assets, String title,
            List<Map<String, Object>> navigation) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("siteName", site.siteName());
        model.put("title", title);
        model.put("nav", navigation);
        model.put("signedIn", false);
        model.put("notice", "");
        model.put("css", assets.stylesheet());
        model.put("hostCss", assets.hostStylesheet());
        model.put("script", assets.script());
        return model;
    }

    private List<Map<String, Object>> navigation(Caller caller, String current) {
        Messages messages = messages(caller);
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item(messages.get("nav.home"), "/", current));
        for (RegisteredWidget w : widgets.pages()) {
            items.add(item(w.name(caller.locale()), "/" + w.key(), current));
        }
        if (caller.signedIn()) {
            items.add(item(messages.get("nav.intranet"), "/intranet", current));
        } else {
            items.add(item(messages.get("nav.signIn"), "/sign-in", current));
        }
        return items;
    }

    private static Map<String, Object> item(String label, String href, String current) {
        boolean active = href.equals(current) || (!"/".equals(href) && current != null && current.startsWith(href + "/"));
        return Map.of("label", label, "href", href, "current", active);
    }
}
