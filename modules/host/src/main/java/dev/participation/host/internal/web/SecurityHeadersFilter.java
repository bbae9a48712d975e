package dev.participation.host.internal.web;

import java.io.IOException;

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
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Security headers on every response, set before the servlet runs so error pages and assets carry
 * them too. The policy allows only this site's own scripts and styles, which is why the pages use
 * no inline script or style at all; images may also come from any https address, since editors
 * may link pictures hosted elsewhere on the council's sites.
 *
 * <p>Ranked after {@link ForwardedRequests} (which decides whether the request is secure, for HSTS)
 * and before every other filter, so even a request another filter turns away carries the headers.
 */
@Component(service = {Filter.class, SecurityHeadersFilter.class}, property = "service.ranking:Integer=200")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("participation-security-headers")
public final class SecurityHeadersFilter implements Filter {

    private final String policy;
    private final Site site;

    @Activate
    public SecurityHeadersFilter(@Reference Site site) {
        this.site = site;
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
                + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors "
                + site.frameAncestors();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
            apply(request, response);
        }
        chain.doFilter(req, res);
    }

    /** Sets the headers; also called by the error pages, which the container may show without filters. */
    public void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        // Sent only over HTTPS: browsers ignore it on plain http, and a proxy that ends TLS makes
        // the request secure through ForwardedRequests.
        if (site.hstsMaxAgeSeconds() > 0 && request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=" + site.hstsMaxAgeSeconds());
        }
        String path = Paths.of(request);
        // Intranet pages and anything a signed-in person sees may hold personal data: never
        // kept by a browser or proxy. Servlets may loosen this only for public static files.
        if (path.equals("/intranet") || path.startsWith("/intranet/") || path.equals("/sign-in")
                || Cookies.present(request, Cookies.SESSION)) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
