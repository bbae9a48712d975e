package dev.participation.host.internal.web;

import java.io.IOException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Turns requests no page can serve away with the right 4xx before any servlet sees them, in one
 * place rather than in each servlet: methods the site does not answer, and query strings or form
 * bodies the container cannot read (invalid UTF-8, an unknown charset, too many fields, too big).
 * The container parses parameters lazily and throws from {@code getParameter}, so they are read
 * here first; servlets then read them from the container's cache and never meet the failure.
 *
 * <p>The JSON API at {@code /api} answers its own problem details and is left alone.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=100")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("participation-malformed-requests")
public final class MalformedRequests implements Filter {

    static final String ALLOW = "GET, HEAD, POST, OPTIONS";
    /** Methods HTTP defines that no page here answers; anything else is unknown (501). */
    private static final Set<String> KNOWN_UNSUPPORTED = Set.of("PUT", "DELETE", "PATCH", "TRACE", "CONNECT");

    private final Logger log;

    @Activate
    public MalformedRequests(@Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || ProblemJson.isApiPath(Paths.of(request))) {
            chain.doFilter(req, res);
            return;
        }
        String method = request.getMethod();
        switch (method) {
            case "GET", "HEAD", "POST" -> {
                // served below
            }
            case "OPTIONS" -> {
                response.setHeader("Allow", ALLOW);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
            default -> {
                if (KNOWN_UNSUPPORTED.contains(method)) {
                    // TRACE included: it would echo the request's cookies back to a script.
                    response.setHeader("Allow", ALLOW);
                    response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED);
                }
                return;
            }
        }
        try {
            request.getParameterMap();
        } catch (RuntimeException e) {
            int status = statusOf(e);
            // The visitor's mistake (or an attack), not the portal's: one line, no stack trace.
            log.info("Refused {} {} with {}: {}", method, request.getRequestURI(), status, describe(e));
            response.sendError(status);
            return;
        }
        try {
            chain.doFilter(req, res);
        } catch (IOException e) {
            // Reading or writing failed because the visitor went away or sent less than announced:
            // nothing can be answered, and nothing is wrong with the portal.
            log.debug("{} {}: the connection ended early: {}", method, request.getRequestURI(), describe(e));
        }
    }

    /**
     * The status for a request whose parameters could not be read: 413 when it was too big, 415
     * for a charset nobody knows, else 400.
     */
    static int statusOf(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof UnsupportedCharsetException) {
                return HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
            }
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("too large")) {
                return HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            }
        }
        return HttpServletResponse.SC_BAD_REQUEST;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < 20; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
