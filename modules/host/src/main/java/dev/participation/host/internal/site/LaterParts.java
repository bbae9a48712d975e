package dev.participation.host.internal.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.participation.host.internal.web.ProblemJson;

/**
 * The parts of the embedded portal that start after the public pages, each at an address of its
 * own: the JSON API under {@code /api/} and the health checks at {@code /health}. While one is not
 * running (the portal is starting, or its database is away) a request for it falls through to the
 * servlet at {@code /}; it is answered here with 503 and {@code Retry-After} in the part's own
 * format, so a program or a load balancer is told to come back, never that the address is gone.
 */
final class LaterParts {

    static final String HEALTH = "/health";

    private LaterParts() {
    }

    static boolean owns(String path) {
        return ProblemJson.isApiPath(path) || HEALTH.equals(path);
    }

    /**
     * @param detail what a program reading the JSON API is told, in the site's words
     */
    static void notRunning(HttpServletRequest request, HttpServletResponse response, String path,
            int retryAfterSeconds, String detail) throws IOException {
        response.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
        boolean withBody = !"HEAD".equals(request.getMethod());
        if (ProblemJson.isApiPath(path)) {
            ProblemJson.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, path, detail, withBody);
            return;
        }
        // The health servlet's own words for a check that cannot run yet.
        byte[] body = "{\"status\":\"TEMPORARILY_UNAVAILABLE\"}".getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        }
    }
}
