package dev.participation.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A minimal HTTP/1.1 client whose socket is bound to a chosen local address, so the portal sees
 * requests from different client addresses (all of 127.0.0.0/8 reaches the loopback). The JDK's
 * HttpClient cannot bind its local address. Keeps cookies, one connection per request.
 */
final class RawClient {

    /** One answer: status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final InetAddress from;
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    RawClient(String fromAddress, int port) {
        try {
            this.from = InetAddress.getByName(fromAddress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = port;
    }

    Answer get(String path) {
        return exchange("GET", path, null);
    }

    /** Fetches the sign-in form (for its token and the visitor cookie) and posts it. */
    Answer signIn(String username, String password) {
        Element form = Jsoup.parse(get("/sign-in").body()).selectFirst("form[action=/sign-in]");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element hidden : form.select("input[type=hidden]")) {
            fields.put(hidden.attr("name"), hidden.attr("value"));
        }
        fields.put("username", username);
        fields.put("password", password);
        return exchange("POST", "/sign-in", fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
    }

    private Answer exchange(String method, String path, String form) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(30_000);
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.US_ASCII);
            StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Connection: close\r\n");
            if (!cookies.isEmpty()) {
                request.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "))).append("\r\n");
            }
            if (form != null) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\n")
                        .append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        for (String cookie : headers.getOrDefault("set-cookie", List.of())) {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals);
            String value = pair.substring(equals + 1);
            if (value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        byte[] raw = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream()
                .anyMatch(v -> v.equalsIgnoreCase("chunked"));
        return new Answer(status, headers, new String(chunked ? unchunk(raw) : raw, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] raw) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < raw.length) {
            int lineEnd = at;
            while (raw[lineEnd] != '\r') {
                lineEnd++;
            }
            String size = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            body.write(raw, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
