package dev.participation.rest.internal.core;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One request as a whiteboard hands it to the API's servlet (raw, percent-encoded URI under the
 * servlet path, decoded path info, parsed query), and what a client receives. The same exchange
 * drives the core directly and each host's servlet through mocked requests, so their answers can
 * be compared.
 */
public final class Exchange {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String rawUri;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String contextPath = "";
    private String servletPath = "/api";

    private Exchange(String method, String rawUri) {
        this.method = method;
        this.rawUri = rawUri;
    }

    /** A GET of {@code rawUri}, a path under the context path that starts with the servlet path. */
    public static Exchange get(String rawUri) {
        return new Exchange("GET", rawUri);
    }

    public static Exchange request(String method, String rawUri) {
        return new Exchange(method, rawUri);
    }

    public Exchange header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Exchange contextPath(String path) {
        contextPath = path;
        return this;
    }

    /** Where the host mounts the API's servlet, {@code /api} unless set. */
    public Exchange servletPath(String path) {
        servletPath = path;
        return this;
    }

    public String method() {
        return method;
    }

    public String requestUri() {
        return contextPath + path();
    }

    public String contextPath() {
        return contextPath;
    }

    public String servletPath() {
        return servletPath;
    }

    public String queryString() {
        int q = rawUri.indexOf('?');
        return q < 0 ? null : rawUri.substring(q + 1);
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The decoded path info a container would give; null when there is none or it would have refused the URI. */
    public String pathInfo() {
        String path = path();
        if (path.length() <= servletPath.length()) {
            return null;
        }
        try {
            return URLDecoder.decode(path.substring(servletPath.length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The query parameters as a container parses them; a malformed query string makes it throw,
     * as containers do.
     */
    public Map<String, String[]> parameters() {
        String query = queryString();
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> result = new LinkedHashMap<>();
        values.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
        return result;
    }

    private String path() {
        int q = rawUri.indexOf('?');
        return q < 0 ? rawUri : rawUri.substring(0, q);
    }

    /** What a client sees. */
    public record Result(int status, Map<String, String> headers, String contentType, Integer contentLength,
            String body) {

        public Result {
            Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(headers);
            headers = copy;
        }

        public String header(String name) {
            return headers.get(name);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** Asks the core, as a servlet would. */
    public Result sendTo(JsonApi api) {
        ApiAnswer answer = api.answer(new ApiRequest(method, requestUri(), contextPath, servletPath, pathInfo(),
                this::parameters, this::header));
        return new Result(answer.status(), answer.headers(), answer.contentType(),
                answer.contentType() == null ? null : answer.body().length,
                answer.bodySent() ? new String(answer.body(), StandardCharsets.UTF_8) : "");
    }
}
