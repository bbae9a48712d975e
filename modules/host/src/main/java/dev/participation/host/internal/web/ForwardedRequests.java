package dev.participation.host.internal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import dev.participation.api.net.AddressRanges;
import dev.participation.host.internal.HostConfiguration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Requests that came through a trusted reverse proxy are seen as the visitor sent them: the
 * visitor's address ({@code getRemoteAddr()}, which sign-in throttling counts by) and whether they
 * used HTTPS ({@code isSecure()}, which decides Secure cookies and HSTS). Only the configured proxies
 * are believed: anyone else could write these headers to pass for someone else.
 *
 * <p>The first filter of all, so every other filter and servlet sees the visitor's view.
 */
@Component(service = Filter.class, configurationPid = HostConfiguration.PID, property = "service.ranking:Integer=300")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("participation-forwarded-requests")
public final class ForwardedRequests implements Filter {

    private final AddressRanges proxies;

    @Activate
    public ForwardedRequests(HostConfiguration config, @Reference(service = LoggerFactory.class) Logger log) {
        this.proxies = AddressRanges.parse(config.trustedProxies());
        if (!proxies.rejected().isEmpty()) {
            log.warn("trustedProxies: ignoring {}, which are not IP addresses or CIDR ranges", proxies.rejected());
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && proxies.contains(request.getRemoteAddr())) {
            chain.doFilter(forwarded(request), res);
        } else {
            chain.doFilter(req, res);
        }
    }

    /** The request as the visitor made it, read from the headers the trusted proxy added. */
    HttpServletRequest forwarded(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        String proto = null;
        List<String> forwarded = values(request, "Forwarded");
        if (!forwarded.isEmpty()) {
            for (String element : forwarded) {
                String hop = null;
                String elementProto = null;
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq < 0) {
                        continue;
                    }
                    String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(eq + 1).trim());
                    if (key.equals("for")) {
                        hop = withoutPort(value);
                    } else if (key.equals("proto")) {
                        elementProto = value;
                    }
                }
                hops.add(hop == null ? "" : hop);
                proto = elementProto == null ? proto : elementProto;
            }
        } else {
            for (String hop : values(request, "X-Forwarded-For")) {
                hops.add(withoutPort(hop));
            }
            List<String> protos = values(request, "X-Forwarded-Proto");
            proto = protos.isEmpty() ? null : protos.get(protos.size() - 1);
        }
        String client = client(request.getRemoteAddr(), hops);
        boolean secure = proto == null ? request.isSecure() : "https".equalsIgnoreCase(proto);
        return new Visitor(request, client, secure);
    }

    /**
     * Walks back from the nearest hop: each trusted proxy vouches for the address before it; the
     * first address no trusted proxy sent is the visitor's. A hop that names no address (unknown,
     * an obfuscated name) ends the walk at the last address that is known.
     */
    private String client(String remote, List<String> hops) {
        String client = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (AddressRanges.literal(hop).isEmpty()) {
                break;
            }
            client = hop.startsWith("[") ? hop.substring(1, hop.length() - 1) : hop;
            if (!proxies.contains(hop)) {
                break;
            }
        }
        return client;
    }

    private static List<String> values(HttpServletRequest request, String header) {
        List<String> values = new ArrayList<>();
        for (String line : Collections.list(request.getHeaders(header) == null
                ? Collections.emptyEnumeration() : request.getHeaders(header))) {
            for (String value : line.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.trim());
                }
            }
        }
        return values;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code 192.0.2.1:4711} and {@code [2001:db8::1]:4711} without the port; a bare IPv6 address as it is. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close < 0 ? hop : hop.substring(0, close + 1);
        }
        int colon = hop.indexOf(':');
        return colon >= 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    private static final class Visitor extends HttpServletRequestWrapper {
        private final String address;
        private final boolean secure;

        Visitor(HttpServletRequest request, String address, boolean secure) {
            super(request);
            this.address = address;
            this.secure = secure;
        }

        @Override
        public String getRemoteAddr() {
            return address;
        }

        @Override
        public String getRemoteHost() {
            return address;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getScheme() {
            return secure ? "https" : "http";
        }
    }
}
