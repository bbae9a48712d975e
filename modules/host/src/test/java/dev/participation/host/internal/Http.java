package dev.participation.host.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Mockito-backed servlet requests and responses that record what a browser would receive. */
public final class Http {

    private Http() {
    }

    /** One request and the response written to it. */
    public static final class Exchange {
        public final HttpServletRequest request = mock(HttpServletRequest.class);
        public final HttpServletResponse response = mock(HttpServletResponse.class);
        private final StringWriter text = new StringWriter();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final Map<String, Object> attributes = new HashMap<>();
        private int status = 200;

        public int status() {
            return status;
        }

        public String body() {
            return text.toString() + bytes.toString(StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
        }

        public List<String> cookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }

        /** The value a Set-Cookie header gave a cookie, as the browser would keep it. */
        public Optional<String> cookie(String name) {
            return cookies().stream().filter(c -> c.startsWith(name + "=")).reduce((a, b) -> b)
                    .map(c -> c.substring(name.length() + 1, c.indexOf(';')));
        }
    }

    public static Exchange get(String pathAndQuery, Cookie... cookies) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> params = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return exchange("GET", path, q < 0 ? null : pathAndQuery.substring(q + 1), params, cookies);
    }

    public static Exchange post(String path, Map<String, String> params, Cookie... cookies) {
        return exchange("POST", path, null, params, cookies);
    }

    public static Exchange exchange(String method, String path, String query, Map<String, String> params,
            Cookie... cookies) {
        Exchange x = new Exchange();
        HttpServletRequest r = x.request;
        when(r.getMethod()).thenReturn(method);
        when(r.getServletPath()).thenReturn(path);
        when(r.getPathInfo()).thenReturn(null);
        when(r.getRequestURI()).thenReturn(path);
        when(r.getQueryString()).thenReturn(query);
        when(r.getCookies()).thenReturn(cookies.length == 0 ? null : cookies);
        when(r.getParameter(anyString())).thenAnswer(i -> params.get(i.<String>getArgument(0)));
        when(r.getParameterValues(anyString())).thenAnswer(i -> {
            String v = params.get(i.<String>getArgument(0));
            return v == null ? null : v.split("\u0000");
        });
        Map<String, String[]> map = params.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().split("\u0000"), (a, b) -> a, LinkedHashMap::new));
        when(r.getParameterMap()).thenReturn(map);
        when(r.getAttribute(anyString())).thenAnswer(i -> x.attributes.get(i.<String>getArgument(0)));
        doAnswer(i -> x.attributes.put(i.getArgument(0), i.getArgument(1))).when(r).setAttribute(anyString(), any());
        doAnswer(i -> x.attributes.remove(i.<String>getArgument(0))).when(r).removeAttribute(anyString());

        HttpServletResponse s = x.response;
        doAnswer(i -> x.status = i.getArgument(0)).when(s).setStatus(anyInt());
        doAnswer(i -> {
            x.headers.put(i.<String>getArgument(0).toLowerCase(), new ArrayList<>(List.of(i.<String>getArgument(1))));
            return null;
        }).when(s).setHeader(anyString(), anyString());
        doAnswer(i -> x.headers.computeIfAbsent(i.<String>getArgument(0).toLowerCase(), k -> new ArrayList<>())
                .add(i.getArgument(1))).when(s).addHeader(anyString(), anyString());
        doAnswer(i -> {
            x.headers.put("content-type", new ArrayList<>(List.of(i.<String>getArgument(0))));
            return null;
        }).when(s).setContentType(anyString());
        doAnswer(i -> {
            x.text.getBuffer().setLength(0);
            x.bytes.reset();
            return null;
        }).when(s).resetBuffer();
        try {
            when(s.getWriter()).thenReturn(new PrintWriter(x.text));
            when(s.getOutputStream()).thenReturn(new ServletOutputStream() {
                @Override
                public void write(int b) {
                    x.bytes.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return x;
    }

    /** Several values for one parameter, as checkboxes send them. */
    public static String values(String... values) {
        return String.join("\u0000", values);
    }
}
