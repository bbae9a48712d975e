package dev.participation.events.internal.staff;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.post.PostReply;
import dev.participation.testing.FakeStaffRequest;
import dev.participation.testing.People;
import dev.participation.testing.StaffPosts;

/**
 * A staff page served over HTTP the way a host serves it, for a browser to use as a person does: a
 * GET draws the page's screen inside a minimal page with the GOV.UK styles, a form's POST goes
 * through the page's staff action (signed in as {@link People#STAFF}), a refused or redrawn form
 * comes back as the answer, and a done post is a 303 to where it leads. Nothing here runs script,
 * so what works in the browser works without JavaScript.
 */
final class StaffHost implements AutoCloseable {

    private final StaffPage page;
    private final StaffPosts posts;
    private final Path styles;
    private final HttpServer server;

    StaffHost(StaffPage page, StaffPosts posts, Path styles) throws IOException {
        this.page = page;
        this.posts = posts;
        this.styles = styles;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** The address of a path below the staff page, such as {@code 12/add}. */
    String address(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix() + path;
    }

    private String prefix() {
        return "/intranet/" + page.key() + "/";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/govuk.css")) {
                send(exchange, 200, "text/css", Files.readAllBytes(styles));
                return;
            }
            if (!path.startsWith(prefix())) {
                send(exchange, 404, "text/plain", new byte[0]);
                return;
            }
            FakeStaffRequest request = FakeStaffRequest.to(page.key(), path.substring(prefix().length()), People.STAFF);
            if (exchange.getRequestMethod().equals("POST")) {
                try (InputStream body = exchange.getRequestBody()) {
                    form(request, new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                // As the hosts answer it: every location here is this test site's own.
                PostReply reply = PostReply.of(posts.post(request), location -> true);
                if (reply instanceof PostReply.Redirect redirect) {
                    exchange.getResponseHeaders().set("Location", redirect.location().orElseThrow());
                    send(exchange, 303, "text/plain", new byte[0]);
                } else if (reply instanceof PostReply.ShowAgain again) {
                    html(exchange, again.status(), again.view());
                } else {
                    send(exchange, ((PostReply.Refuse) reply).status(), "text/plain", new byte[0]);
                }
                return;
            }
            WidgetView view = page.render(request);
            html(exchange, view.status(), view);
        }
    }

    /** The fields of an application/x-www-form-urlencoded body, as the host hands them on. */
    private static void form(FakeStaffRequest request, String body) {
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            request.with(name, value);
        }
    }

    private static void html(HttpExchange exchange, int status, WidgetView view) throws IOException {
        String title = view.title().orElse("Events");
        String html = "<!DOCTYPE html><html lang=\"en-GB\" class=\"govuk-template\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title><link rel=\"stylesheet\" href=\"/govuk.css\"></head>"
                + "<body class=\"govuk-template__body\"><div class=\"govuk-width-container\">"
                + "<main class=\"govuk-main-wrapper\" id=\"main-content\"><h1 class=\"govuk-heading-l\">" + title
                + "</h1>" + view.html() + "</main></div></body></html>";
        send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
