package dev.participation.host.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import dev.participation.api.widget.Roles;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

class HeadersAndAssetsTest {

    private final Portal portal = new Portal();

    /** Runs a request through the security filter and then the servlet, as the whiteboard does. */
    private Http.Exchange through(Http.Exchange x, jakarta.servlet.http.HttpServlet servlet) throws Exception {
        FilterChain chain = (ServletRequest req, ServletResponse res) -> servlet.service(req, res);
        portal.headers.doFilter(x.request, x.response, chain);
        return x;
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        Cookie editor = portal.editor();
        List<Http.Exchange> responses = List.of(
                through(Http.get("/"), portal.publicSite),
                through(Http.get("/nowhere"), portal.publicSite),
                through(Http.get("/sign-in"), portal.signIn),
                through(Http.get("/intranet"), portal.intranet),
                through(Http.post("/home/add", Map.of(), editor), portal.publicSite),
                through(asset("/govuk/govuk-frontend.min.css"), portal.assetServlet));

        for (Http.Exchange x : responses) {
            assertThat(x.header("Content-Security-Policy")).contains("default-src 'self'; script-src 'self'; "
                    + "style-src 'self'; img-src 'self' data: https:; font-src 'self'; object-src 'none'; base-uri 'self'; "
                    + "form-action 'self'; frame-ancestors 'self'");
            assertThat(x.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(x.header("Referrer-Policy")).contains("strict-origin-when-cross-origin");
            assertThat(x.header("Permissions-Policy")).hasValueSatisfying(v ->
                    assertThat(v).contains("camera=()").contains("microphone=()").contains("geolocation=()"));
        }
    }

    @Test
    void intranetAndSignedInResponsesAreNeverStored() throws Exception {
        assertThat(through(Http.get("/intranet"), portal.intranet).header("Cache-Control")).contains("no-store");
        assertThat(through(Http.get("/", portal.signedIn("sam", Roles.STAFF)), portal.publicSite).header("Cache-Control"))
                .contains("no-store");
        assertThat(through(Http.get("/"), portal.publicSite).header("Cache-Control")).contains("private, no-cache");
    }

    @Test
    void frameAncestorsComeFromConfiguration() throws Exception {
        Portal framed = new Portal(Portal.config(Map.of("frameAncestors", "https://www.council.example")));
        Http.Exchange x = Http.get("/");
        framed.headers.doFilter(x.request, x.response, (req, res) -> framed.publicSite.service(req, res));

        assertThat(x.header("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).endsWith("frame-ancestors https://www.council.example"));
    }

    @Test
    void theStylesheetIsServedWithoutTheGovukTypeface() throws Exception {
        Http.Exchange x = Portal.run(portal.assetServlet, asset("/govuk/govuk-frontend.min.css"));

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.header("Content-Type")).contains("text/css;charset=UTF-8");
        assertThat(x.body()).contains(".govuk-link{font-family:arial,sans-serif")
                .doesNotContain("GDS Transport").doesNotContain("@font-face").doesNotContain("/assets/fonts/")
                .hasSizeGreaterThan(100_000);
    }

    @Test
    void pagesLinkHashedAssetsThatMayBeCachedForAYear() {
        String page = portal.page("/").body();
        String css = page.replaceAll("(?s).*<link rel=\"stylesheet\" href=\"([^\"]+)\">.*<link rel=\"stylesheet\".*", "$1");
        assertThat(css).startsWith("/assets/govuk/govuk-frontend.min.css?v=");
        assertThat(page).contains("<script type=\"module\" src=\"/assets/host/init.js?v=");

        Http.Exchange x = asset("/govuk/govuk-frontend.min.css");
        when(x.request.getParameter("v")).thenReturn(css.substring(css.indexOf("v=") + 2));
        Portal.run(portal.assetServlet, x);
        assertThat(x.header("Cache-Control")).contains("public, max-age=31536000, immutable");

        Http.Exchange script = Portal.run(portal.assetServlet, asset("/host/init.js"));
        assertThat(script.body()).contains("govuk-frontend-supported").contains("initAll()");
        assertThat(script.header("Cache-Control")).contains("public, max-age=86400");
    }

    @Test
    void pathsOutsideTheAssetFoldersAreRefused() {
        for (String path : List.of("/w/introduction/../../../etc/passwd", "/w/introduction/.hidden", "/govuk/..%2f",
                "/w/nothing/app.css", "/fonts/bold-b542beb274-v2.woff2")) {
            Http.Exchange x = Portal.run(portal.assetServlet, asset(path));
            assertThat(x.status()).as(path).isEqualTo(404);
        }
    }

    private static Http.Exchange asset(String pathInfo) {
        Http.Exchange x = Http.get("/assets" + pathInfo);
        when(x.request.getServletPath()).thenReturn("/assets");
        when(x.request.getPathInfo()).thenReturn(pathInfo);
        return x;
    }
}
