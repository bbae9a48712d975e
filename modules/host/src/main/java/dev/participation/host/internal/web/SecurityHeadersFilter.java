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
 * no inline script or style at all.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("participation-security-headers")
public final class SecurityHeadersFilter implements Filter {

    private final String policy;

    @Activate
    public SecurityHeadersFilter(@Reference Site site) {
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors "
                + site.frameAncestors();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
            response.setHeader("Content-Security-Policy", policy);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            String path = Paths.of(request);
            // Intranet pages and anything a signed-in person sees may hold personal data: never
            // kept by a browser or proxy. Servlets may loosen this only for public static files.
            if (path.equals("/intranet") || path.startsWith("/intranet/") || path.equals("/sign-in")
                    || Cookies.read(request, Cookies.SESSION).isPresent()) {
                response.setHeader("Cache-Control", "no-store");
            }
        }
        chain.doFilter(req, res);
    }
}
