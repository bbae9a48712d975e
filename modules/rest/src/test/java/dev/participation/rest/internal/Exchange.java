package dev.participation.rest.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
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

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Drives the servlet as the whiteboard would: a request under the {@code /api} servlet path (raw,
 * percent-encoded URI as a container hands it over) and a response that records what a client
 * would receive.
 */
final class Exchange {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String rawUri;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String contextPath = "";

    private Exchange(String method, String rawUri) {
        this.method = method;
        this.rawUri = rawUri;
    }

    static Exchange get(String rawUri) {
        return new Exchange("GET", rawUri);
    }

    static Exchange request(String method, String rawUri) {
        return new Exchange(method, rawUri);
    }

    Exchange header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Exchange contextPath(String path) {
        contextPath = path;
        return this;
    }

    /** What a client sees. */
    record Result(int status, Map<String, String> headers, String contentType, Integer contentLength, String body) {

        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Result sendTo(ApiServlet servlet) throws Exception {
        int q = rawUri.indexOf('?');
        String path = q < 0 ? rawUri : rawUri.substring(0, q);
        String query = q < 0 ? null : rawUri.substring(q + 1);

        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getRequestURI()).thenReturn(contextPath + path);
        when(request.getContextPath()).thenReturn(contextPath);
        when(request.getServletPath()).thenReturn("/api");
        when(request.getPathInfo()).thenReturn(pathInfo(path));
        when(request.getQueryString()).thenReturn(query);
        when(request.getParameterMap()).thenReturn(parse(query));
        when(request.getHeader(anyString())).thenAnswer(i -> headers.get(i.getArgument(0, String.class)));

        HttpServletResponse response = mock(HttpServletResponse.class);
        Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int[] status = {200};
        String[] contentType = {null};
        Integer[] contentLength = {null};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        doAnswer(i -> responseHeaders.put(i.getArgument(0), i.getArgument(1))).when(response)
                .setHeader(anyString(), anyString());
        doAnswer(i -> status[0] = i.getArgument(0)).when(response).setStatus(anyInt());
        doAnswer(i -> contentType[0] = i.getArgument(0)).when(response).setContentType(any());
        doAnswer(i -> contentLength[0] = i.getArgument(0)).when(response).setContentLength(anyInt());
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        });

        servlet.service(request, response);
        return new Result(status[0], responseHeaders, contentType[0], contentLength[0],
                body.toString(StandardCharsets.UTF_8));
    }

    /** The decoded path info a container would give; null when it would have refused the URI. */
    private static String pathInfo(String path) {
        if (path.length() <= "/api".length()) {
            return null;
        }
        try {
            return URLDecoder.decode(path.substring("/api".length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String[]> parse(String query) {
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
}
