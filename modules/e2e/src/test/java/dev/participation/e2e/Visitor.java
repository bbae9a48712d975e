package dev.participation.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A person using the portal without a browser: keeps cookies, does not follow redirects (so tests
 * see them), and fills in forms the way a browser would, hidden fields included.
 */
final class Visitor {

    private final Portal portal;
    private final HttpClient client;

    Visitor(Portal portal) {
        this.portal = portal;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(portal.uri(path)).GET().build());
    }

    Document page(String path) {
        HttpResponse<String> r = get(path);
        return Jsoup.parse(r.body(), portal.base() + path);
    }

    /**
     * Submits the form matched by {@code formSelector} on the page at {@code path}, with its hidden
     * fields (the CSRF token among them) and the given values.
     */
    HttpResponse<String> submit(String path, String formSelector, Map<String, String> values) {
        Document page = page(path);
        Element form = page.selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("No form " + formSelector + " on " + path + ":\n" + page.outerHtml());
        }
        return submit(form, values);
    }

    /** Posts a form as a browser would: every field's current value, then the given changes. */
    HttpResponse<String> submit(Element form, Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if (input.tagName().equals("textarea")) {
                fields.put(input.attr("name"), input.text());
            } else if (input.tagName().equals("select")) {
                Element chosen = input.selectFirst("option[selected]");
                fields.put(input.attr("name"), chosen != null ? chosen.attr("value") : "");
            } else if (type.equals("checkbox") || type.equals("radio")) {
                if (input.hasAttr("checked")) {
                    fields.put(input.attr("name"), input.attr("value"));
                }
            } else if (!type.equals("submit")) {
                fields.put(input.attr("name"), input.attr("value"));
            }
        }
        fields.putAll(changes);
        return post(URI.create(form.absUrl("action")), fields);
    }

    HttpResponse<String> post(URI target, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Signs in through the sign-in form and returns the response to the form post. */
    HttpResponse<String> signIn(String username, String password) {
        return submit("/sign-in", "form[action*=sign-in]", Map.of("username", username, "password", password));
    }

    /**
     * Signs in with the password printed at first start and replaces it, as the portal asks before
     * any other intranet page.
     *
     * @return the new password
     */
    String signInAndReplacePrintedPassword(String username, String printed) {
        HttpResponse<String> signedIn = signIn(username, printed);
        if (signedIn.statusCode() != 303) {
            throw new AssertionError("Sign-in answered " + signedIn.statusCode() + ":\n" + signedIn.body());
        }
        String chosen = "tulips by the old canal gate";
        HttpResponse<String> changed = submit("/intranet/password", "form[action=/intranet/password]",
                Map.of("currentPassword", printed, "newPassword", chosen, "confirmPassword", chosen));
        if (changed.statusCode() != 303) {
            throw new AssertionError("Changing the password answered " + changed.statusCode() + ":\n" + changed.body());
        }
        return chosen;
    }

    /** A request as a program or a broken client might send it: any method, body and content type. */
    HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(portal.uri(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
