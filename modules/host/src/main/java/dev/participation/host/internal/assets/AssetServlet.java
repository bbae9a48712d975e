package dev.participation.host.internal.assets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.participation.host.internal.intranet.StaffPageRegistry;
import dev.participation.host.internal.widget.RegisteredWidget;
import dev.participation.host.internal.widget.WidgetRegistry;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Static files: {@code /assets/govuk/} (GOV.UK Frontend without its typeface),
 * {@code /assets/host/} (the host's script and styles), {@code /assets/w/<widget-key>/} and
 * {@code /assets/s/<staff-page-key>/} (the {@code /assets/} folder of the bundle that registered
 * that widget or staff page).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/assets/*")
@HttpWhiteboardServletName("participation-assets")
public final class AssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String YEAR = "public, max-age=31536000, immutable";
    private static final String DAY = "public, max-age=86400";
    // Plain names only: no "..", no leading dot, no backslash or percent tricks.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css;charset=UTF-8"), Map.entry("js", "text/javascript;charset=UTF-8"),
            Map.entry("mjs", "text/javascript;charset=UTF-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"),
            Map.entry("txt", "text/plain;charset=UTF-8"), Map.entry("ics", "text/calendar;charset=UTF-8"));

    private final transient GovukAssets own;
    private final transient WidgetRegistry widgets;
    private final transient StaffPageRegistry staffPages;

    @Activate
    public AssetServlet(@Reference GovukAssets own, @Reference WidgetRegistry widgets,
            @Reference StaffPageRegistry staffPages) {
        this.own = own;
        this.widgets = widgets;
        this.staffPages = staffPages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (!SAFE.matcher(path).matches()) {
            notFound(response);
            return;
        }
        Optional<Asset> asset = own.find(path);
        if (asset.isPresent()) {
            // URLs carry the content's hash, so a matching one can be kept for a year.
            boolean versioned = asset.get().version().equals(request.getParameter("v"));
            send(response, asset.get().content(), asset.get().contentType(), versioned ? YEAR : DAY);
            return;
        }
        String[] parts = path.split("/", 3);
        if (parts.length == 3 && ("w".equals(parts[0]) || "s".equals(parts[0]))) {
            Optional<Bundle> bundle = "w".equals(parts[0])
                    ? widgets.find(parts[1]).map(RegisteredWidget::bundle)
                    : staffPages.find(parts[1]).map(StaffPageRegistry.Registered::bundle);
            Optional<URL> entry = bundle.map(b -> b.getEntry("assets/" + parts[2]));
            if (entry.isPresent() && !parts[2].endsWith("/")) {
                try (InputStream in = entry.get().openStream()) {
                    send(response, in.readAllBytes(), type(parts[2]), DAY);
                    return;
                }
            }
        }
        notFound(response);
    }

    private static String type(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream" : TYPES.getOrDefault(path.substring(dot + 1).toLowerCase(), "application/octet-stream");
    }

    private static void send(HttpServletResponse response, byte[] content, String type, String cache) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type);
        response.setHeader("Cache-Control", cache);
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("Not found");
    }
}
