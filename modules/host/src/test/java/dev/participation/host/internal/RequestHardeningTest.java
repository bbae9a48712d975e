package dev.participation.host.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.UnsupportedCharsetException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.participation.host.internal.web.ErrorPageServlet;
import dev.participation.host.internal.web.ForwardedRequests;
import dev.participation.host.internal.web.MalformedRequests;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.service.log.Logger;

class RequestHardeningTest {

    private final Portal portal = new Portal();
    private final MalformedRequests guard = new MalformedRequests(mock(Logger.class));

    @ParameterizedTest
    @CsvSource({"TRACE,405", "PUT,405", "DELETE,405", "PATCH,405", "PROPFIND,501", "FOO,501", "get,501"})
    void methodsNoPageAnswersAreTurnedAwayBeforeAnyServlet(String method, int status) throws Exception {
        Http.Exchange x = Http.exchange(method, "/pledge", null, Map.of());
        FilterChain chain = mock(FilterChain.class);

        guard.doFilter(x.request, x.response, chain);

        verify(chain, never()).doFilter(any(), any());
        verify(x.response).sendError(status);
        if (status == 405) {
            assertThat(x.header("Allow")).contains("GET, HEAD, POST, OPTIONS");
        }
    }

    @Test
    void optionsNamesTheMethodsWithoutTrace() throws Exception {
        Http.Exchange x = Http.exchange("OPTIONS", "/", null, Map.of());

        guard.doFilter(x.request, x.response, mock(FilterChain.class));

        assertThat(x.status()).isEqualTo(204);
        assertThat(x.header("Allow")).hasValueSatisfying(v -> assertThat(v).doesNotContain("TRACE"));
    }

    @ParameterizedTest
    @CsvSource({"form with too many fields > 1000,400", "form too large > 204800,413",
            "Request body is too large: 20971520>1048576,413", "Invalid UTF-8,400", "Not valid encoding '%zz',400"})
    void formsTheContainerCannotReadGetA4xx(String failure, int status) throws Exception {
        Http.Exchange x = Http.post("/sign-in", Map.of());
        // As the container throws them: lazily, wrapped, from the first parameter read.
        when(x.request.getParameterMap()).thenThrow(new IllegalStateException("Unable to parse form content",
                new RuntimeException(new IllegalStateException(failure))));
        FilterChain chain = mock(FilterChain.class);

        guard.doFilter(x.request, x.response, chain);

        verify(chain, never()).doFilter(any(), any());
        verify(x.response).sendError(status);
    }

    @Test
    void anUnknownCharsetIsAnUnsupportedMediaType() throws Exception {
        Http.Exchange x = Http.post("/sign-in", Map.of());
        when(x.request.getParameterMap()).thenThrow(new UnsupportedCharsetException("bogus-x"));

        guard.doFilter(x.request, x.response, mock(FilterChain.class));

        verify(x.response).sendError(415);
    }

    @Test
    void theJsonApiAnswersForItself() throws Exception {
        Http.Exchange x = Http.exchange("PROPFIND", "/api/openapi.json", null, Map.of());
        FilterChain chain = mock(FilterChain.class);

        guard.doFilter(x.request, x.response, chain);

        verify(chain).doFilter(x.request, x.response);
    }

    @Test
    void aVisitorWhoLeavesMidAnswerIsNoError() throws Exception {
        Http.Exchange x = Http.get("/");
        FilterChain chain = (req, res) -> {
            throw new java.io.EOFException("Broken pipe");
        };

        guard.doFilter(x.request, x.response, chain);

        verify(x.response, never()).sendError(org.mockito.ArgumentMatchers.anyInt());
    }

    @ParameterizedTest
    @CsvSource({"400,400", "413,413", "414,414", "415,415", "431,431", "404,404", "501,501", "500,500", "503,500"})
    void errorPagesKeepA4xxAndCarryTheSecurityHeaders(int asked, int answered) throws Exception {
        ErrorPageServlet errors = new ErrorPageServlet(portal.callers, portal.layout, portal.headers);
        Http.Exchange x = Http.get("/error");
        x.request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, asked);
        x.request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/pledge");

        errors.service(x.request, x.response);

        assertThat(x.status()).isEqualTo(answered);
        assertThat(x.header("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(x.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(x.body()).contains("<h1").doesNotContain("Exception");
    }

    @Test
    void theApiGetsProblemDetailsFromTheErrorPages() throws Exception {
        ErrorPageServlet errors = new ErrorPageServlet(portal.callers, portal.layout, portal.headers);
        Http.Exchange x = Http.get("/error");
        x.request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 413);
        x.request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/pledges\"<x>");

        errors.service(x.request, x.response);

        assertThat(x.status()).isEqualTo(413);
        assertThat(x.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(x.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                + "\"instance\":\"/api/pledges\\\"\\u003cx\\u003e\"}");
    }

    @Test
    void onlyTrustedProxiesSayWhoTheVisitorIs() throws Exception {
        ForwardedRequests forwarded = new ForwardedRequests(Portal.config(Map.of("trustedProxies",
                new String[] {"10.0.0.0/8", "192.0.2.9"})), mock(Logger.class));

        HttpServletRequest viaProxy = seen(forwarded, "10.1.2.3", Map.of("X-Forwarded-For", "203.0.113.5, 10.9.9.9",
                "X-Forwarded-Proto", "https"));
        assertThat(viaProxy.getRemoteAddr()).isEqualTo("203.0.113.5");
        assertThat(viaProxy.isSecure()).isTrue();
        assertThat(viaProxy.getScheme()).isEqualTo("https");

        // A visitor's own X-Forwarded-For before the proxy's entry is not believed.
        HttpServletRequest spoofed = seen(forwarded, "10.1.2.3", Map.of("X-Forwarded-For", "1.1.1.1, 198.51.100.7"));
        assertThat(spoofed.getRemoteAddr()).isEqualTo("198.51.100.7");
        assertThat(spoofed.isSecure()).isFalse();

        HttpServletRequest stranger = seen(forwarded, "198.51.100.1", Map.of("X-Forwarded-For", "203.0.113.5",
                "X-Forwarded-Proto", "https"));
        assertThat(stranger.getRemoteAddr()).isEqualTo("198.51.100.1");
        assertThat(stranger.isSecure()).isFalse();

        HttpServletRequest standard = seen(forwarded, "192.0.2.9",
                Map.of("Forwarded", "for=\"[2001:db8::7]:4711\";proto=https;by=_proxy"));
        assertThat(standard.getRemoteAddr()).isEqualTo("2001:db8::7");
        assertThat(standard.isSecure()).isTrue();

        HttpServletRequest hidden = seen(forwarded, "192.0.2.9", Map.of("Forwarded", "for=_hidden;proto=http"));
        assertThat(hidden.getRemoteAddr()).isEqualTo("192.0.2.9");
    }

    @Test
    void nobodyIsTrustedByDefault() throws Exception {
        ForwardedRequests forwarded = new ForwardedRequests(Portal.config(Map.of()), mock(Logger.class));

        HttpServletRequest seen = seen(forwarded, "127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.5",
                "X-Forwarded-Proto", "https"));

        assertThat(seen.getRemoteAddr()).isEqualTo("127.0.0.1");
        assertThat(seen.isSecure()).isFalse();
    }

    @Test
    void httpsThroughATrustedProxyGivesSecureHostOnlyCookiesAndHsts() throws Exception {
        Portal secure = new Portal(Portal.config(Map.of("trustedProxies", new String[] {"127.0.0.1"},
                "hstsMaxAgeSeconds", 31536000)));
        ForwardedRequests forwarded = new ForwardedRequests(Portal.config(Map.of("trustedProxies",
                new String[] {"127.0.0.1"})), mock(Logger.class));
        Http.Exchange x = Http.get("/");
        when(x.request.getRemoteAddr()).thenReturn("127.0.0.1");
        headers(x.request, Map.of("X-Forwarded-Proto", "https"));

        forwarded.doFilter(x.request, x.response, (req, res) -> secure.headers.doFilter(req, res,
                (req2, res2) -> secure.publicSite.service(req2, res2)));

        assertThat(x.header("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(x.cookies()).anySatisfy(c -> assertThat(c).startsWith("__Host-pw_visitor=").contains("; Secure"));

        Http.Exchange plain = Http.get("/");
        secure.headers.doFilter(plain.request, plain.response, (req, res) -> secure.publicSite.service(req, res));
        assertThat(plain.header("Strict-Transport-Security")).isEmpty();
        assertThat(plain.cookies()).anySatisfy(c -> assertThat(c).startsWith("pw_visitor=").doesNotContain("Secure"));
    }

    private static HttpServletRequest seen(ForwardedRequests filter, String remote, Map<String, String> headers)
            throws Exception {
        Http.Exchange x = Http.get("/");
        when(x.request.getRemoteAddr()).thenReturn(remote);
        headers(x.request, headers);
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        filter.doFilter(x.request, x.response, (req, res) -> passed.set(req));
        return (HttpServletRequest) passed.get();
    }

    private static void headers(HttpServletRequest request, Map<String, String> headers) {
        when(request.getHeaders(org.mockito.ArgumentMatchers.anyString())).thenAnswer(i -> {
            String value = headers.get(i.<String>getArgument(0));
            return Collections.enumeration(value == null ? List.of() : List.of(value));
        });
    }
}
