package dev.participation.host.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The host's answers under the JSON API's path when the API itself cannot give them (an error the
 * container raised, or the site away while its database is): RFC 9457 problem details in the shape
 * the JSON API writes, so a program reading {@code /api/} never gets an HTML page instead.
 *
 * <p>Written by hand: the host has no JSON library, and nothing here needs escaping but the path
 * and the site's own words.
 */
public final class ProblemJson {

    private ProblemJson() {
    }

    /** Whether a path is the JSON API's: {@code /api} and everything below it. */
    public static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /**
     * Writes the problem, unless the response has gone out already.
     *
     * @param detail what the caller can do about it, or {@code null} for none
     * @param withBody false for a HEAD request
     */
    public static void write(HttpServletResponse response, int status, String path, String detail, boolean withBody)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        StringBuilder body = new StringBuilder("{\"type\":\"about:blank\",\"title\":\"").append(title(status))
                .append("\",\"status\":").append(status);
        if (detail != null && !detail.isBlank()) {
            body.append(",\"detail\":\"").append(jsonString(detail)).append('"');
        }
        body.append(",\"instance\":\"").append(jsonString(path)).append("\"}");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        if (withBody) {
            response.getOutputStream().write(bytes);
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> status < 500 ? "Client Error" : "Internal Server Error";
        };
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
