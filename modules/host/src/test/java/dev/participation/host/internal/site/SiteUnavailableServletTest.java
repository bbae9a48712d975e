package dev.participation.host.internal.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;

import dev.participation.host.internal.Http;
import dev.participation.host.internal.Portal;

import org.junit.jupiter.api.Test;

class SiteUnavailableServletTest {

    private final Portal portal = new Portal();
    private final SiteUnavailableServlet servlet = new SiteUnavailableServlet(portal.site, portal.assets, portal.headers);

    @Test
    void aVisitorIsToldInTheSitesWordsThatItIsAwayForNow() throws Exception {
        Http.Exchange x = Http.get("/events?type=forum");
        servlet.service(x.request, x.response);

        assertThat(x.status()).isEqualTo(503);
        assertThat(x.header("Retry-After")).contains("30");
        assertThat(x.header("Cache-Control")).contains("no-store");
        assertThat(x.body()).contains("<html lang=\"en-GB\"")
                .contains("<title>Sorry, this site is not available just now - " + portal.site.siteName() + "</title>")
                .contains("<h1 class=\"govuk-heading-l\">Sorry, this site is not available just now</h1>")
                .contains("Please try again in a few minutes.")
                .contains(portal.assets.stylesheet())
                .as("nothing that would need the database: no sign-in link, no form").doesNotContain("/sign-in")
                .doesNotContain("<form");
    }

    @Test
    void aFormSentMeanwhileIsSaidNotToBeSaved() throws Exception {
        Http.Exchange x = Http.post("/events/widgets/1", Map.of("name", "Sam"));
        servlet.service(x.request, x.response);

        assertThat(x.status()).isEqualTo(503);
        assertThat(x.body()).contains("it has not been saved");
    }

    @Test
    void aProgramAskingTheJsonApiIsToldInProblemDetailsToComeBack() throws Exception {
        Http.Exchange x = Http.get("/api/events?age=12");
        servlet.service(x.request, x.response);

        assertThat(x.status()).isEqualTo(503);
        assertThat(x.header("Retry-After")).contains("30");
        assertThat(x.header("Cache-Control")).contains("no-store");
        assertThat(x.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(x.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"Please try again in a few minutes.\",\"instance\":\"/api/events\"}");
    }

    @Test
    void aMonitorAskingTheHealthChecksBeforeTheyRunIsToldInTheirFormat() throws Exception {
        Http.Exchange x = Http.get("/health");
        servlet.service(x.request, x.response);

        assertThat(x.status()).isEqualTo(503);
        assertThat(x.header("Retry-After")).contains("30");
        assertThat(x.body()).isEqualTo("{\"status\":\"TEMPORARILY_UNAVAILABLE\"}");
    }

    @Test
    void aRequestTheContainerRefusesMeanwhileKeepsIts4xxInTheSitesWords() throws Exception {
        Http.Exchange x = errorDispatch(413, "/events/widgets/1");

        servlet.service(x.request, x.response);

        assertThat(x.status()).isEqualTo(413);
        assertThat(x.header("Retry-After")).as("sending it again would not help").isEmpty();
        assertThat(x.header("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src"));
        assertThat(x.body()).contains("<h1 class=\"govuk-heading-l\">What you sent is too long</h1>")
                .contains("<html lang=\"en-GB\"").doesNotContain("/sign-in");
    }

    @Test
    void underTheJsonApiARefusedRequestGetsProblemDetailsWithItsOwnStatus() throws Exception {
        Http.Exchange x = errorDispatch(413, "/api/events");

        servlet.service(x.request, x.response);

        assertThat(x.status()).isEqualTo(413);
        assertThat(x.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                + "\"instance\":\"/api/events\"}");
    }

    @Test
    void aServerErrorMeanwhileIsTheSiteBeingAway() throws Exception {
        Http.Exchange x = errorDispatch(500, "/events");

        servlet.service(x.request, x.response);

        assertThat(x.status()).isEqualTo(503);
        assertThat(x.header("Retry-After")).contains("30");
        assertThat(x.body()).contains("Sorry, this site is not available just now").doesNotContain("Exception");
    }

    /** How the container hands a request it refused to its error page. */
    private static Http.Exchange errorDispatch(int status, String uri) {
        Http.Exchange x = Http.get("/error");
        x.request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        x.request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return x;
    }
}
