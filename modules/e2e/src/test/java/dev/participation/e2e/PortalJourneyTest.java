package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The executable jar from a fresh data directory, used over HTTP as a visitor and the first
 * administrator would use it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalJourneyTest {

    private Portal portal;
    private String adminPassword;

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of(System.getProperty("portal.workdir"), "journey-" + System.nanoTime());
        portal = Portal.start(dir);
        adminPassword = portal.printedAdminPassword()
                .orElseThrow(() -> new AssertionError("No administrator password printed:\n" + portal.output()));
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void theHomePageWelcomesVisitorsBehindSecurityHeaders() {
        HttpResponse<String> home = new Visitor(portal).get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(home.body());
        assertThat(page.select("main h1")).hasSize(1);
        assertThat(page.select("main section").text()).contains("Your voice matters here");
        assertThat(page.select("a[href*=configure]")).as("visitors see no editor controls").isEmpty();
        assertThat(home.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'").contains("frame-ancestors");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.headers().firstValue("Referrer-Policy")).isPresent();
    }

    @Test
    void theIntranetSendsVisitorsToSignIn() {
        HttpResponse<String> r = new Visitor(portal).get("/intranet");

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).get().asString().contains("/sign-in");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheNameKept() {
        Visitor visitor = new Visitor(portal);
        HttpResponse<String> r = visitor.signIn("admin", "not-the-password-at-all");

        assertThat(r.statusCode()).isEqualTo(401);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select(".govuk-error-summary").text()).isNotBlank();
        assertThat(page.select("input[name=username]").attr("value")).isEqualTo("admin");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("pw_session="));
        assertThat(visitor.get("/intranet").statusCode()).isEqualTo(303);
    }

    @Test
    void theAdministratorFromTheFirstStartSignsInAndOut() {
        Visitor admin = new Visitor(portal);
        HttpResponse<String> r = admin.signIn("admin", adminPassword);

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("pw_session=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        // The printed password must be replaced before any other intranet page.
        assertThat(r.headers().firstValue("Location")).contains("/intranet/password");
        assertThat(admin.get("/intranet/audit").headers().firstValue("Location")).contains("/intranet/password");
        HttpResponse<String> weak = admin.submit("/intranet/password", "form[action=/intranet/password]",
                Map.of("currentPassword", adminPassword, "newPassword", "password1234", "confirmPassword", "password1234"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(weak.body()).select(".govuk-error-summary").text()).contains("most common");
        String chosen = "lanterns along the towpath";
        HttpResponse<String> changed = admin.submit("/intranet/password", "form[action=/intranet/password]",
                Map.of("currentPassword", adminPassword, "newPassword", chosen, "confirmPassword", chosen));
        assertThat(changed.statusCode()).isEqualTo(303);
        adminPassword = chosen;
        HttpResponse<String> intranet = admin.get("/intranet");
        assertThat(intranet.statusCode()).isEqualTo(200);
        assertThat(intranet.headers().firstValue("Cache-Control")).get().asString().contains("no-store");

        HttpResponse<String> out = admin.submit("/intranet", "form[action=/sign-out]", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(admin.get("/intranet").statusCode()).isEqualTo(303);
    }

    @Test
    void aPostWithoutItsFormTokenChangesNothing() {
        Visitor visitor = new Visitor(portal);
        visitor.get("/sign-in");
        HttpResponse<String> forged = visitor.post(portal.uri("/sign-in"),
                Map.of("username", "admin", "password", adminPassword));

        assertThat(forged.statusCode()).isIn(400, 403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("pw_session="));
        assertThat(visitor.get("/intranet").statusCode()).isEqualTo(303);
    }

    @Test
    void healthTellsStrangersOnlyTheStatus() throws Exception {
        HttpResponse<String> r = new Visitor(portal).get("/health");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode health = new ObjectMapper().readTree(r.body());
        assertThat(health.path("status").asText()).isEqualTo("OK");
        assertThat(health.size()).as(r.body()).isEqualTo(1);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void healthListsEveryBundleActiveAndEveryComponentSatisfiedToAnAdmin() throws Exception {
        Visitor admin = new Visitor(portal);
        assertThat(admin.signIn("admin", adminPassword).statusCode()).isEqualTo(303);
        HttpResponse<String> r = admin.get("/health");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode health = new ObjectMapper().readTree(r.body());
        assertThat(health.path("status").asText()).isEqualTo("OK");
        assertThat(health.path("checks").findValuesAsText("name"))
                .contains("Bundles active", "Components satisfied", "Database");
        assertThat(health.path("bundles")).isNotEmpty().allSatisfy(b -> assertThat(b.path("healthy").asBoolean())
                .as(b.toString()).isTrue());
        assertThat(health.path("components")).isNotEmpty().allSatisfy(c -> assertThat(c.path("healthy").asBoolean())
                .as(c.toString()).isTrue());
        assertThat(health.path("bundles").findValuesAsText("symbolicName"))
                .contains("participation-service", "participation-host", "participation-rest");
    }

    @Test
    void theJsonApiDescribesItselfAndTheWidgetTypes() throws Exception {
        Visitor client = new Visitor(portal);
        JsonNode openApi = new ObjectMapper().readTree(client.get("/api/openapi.json").body());
        JsonNode types = new ObjectMapper().readTree(client.get("/api/widget-types").body());
        HttpResponse<String> missing = client.get("/api/widget-types/no-such-widget");

        assertThat(openApi.path("openapi").asText()).startsWith("3.");
        assertThat(openApi.path("paths").has("/api/widget-types")).isTrue();
        assertThat(types.findValuesAsText("key")).contains("introduction");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }
}
