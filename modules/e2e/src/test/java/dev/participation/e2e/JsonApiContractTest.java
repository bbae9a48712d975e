package dev.participation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every JSON answer of the running portal, demo content included, matches the OpenAPI document
 * the same portal serves, checked by a real OpenAPI validator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonApiContractTest {

    private Portal portal;
    private Visitor client;
    private OpenApiInteractionValidator validator;

    @BeforeAll
    void start() {
        portal = Portal.start(Path.of(System.getProperty("portal.workdir"), "api-" + System.nanoTime()));
        client = new Visitor(portal);
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(client.get("/api/openapi.json").body())
                .build();
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void widgetTypesMatchTheDocument() {
        assertConforms("/api/widget-types", 200);
        assertConforms("/api/widget-types/pledge", 200);
        assertConforms("/api/widget-types/no-such-widget", 404);
    }

    @Test
    void publishedPledgesMatchTheDocument() throws Exception {
        JsonNode list = new ObjectMapper().readTree(assertConforms("/api/pledges", 200));
        assertThat(list).isNotEmpty();
        for (JsonNode pledge : list) {
            assertConforms("/api/pledges/" + pledge.path("slug").asText(), 200);
        }
        assertConforms("/api/pledges/no-such-pledge", 404);
    }

    private String assertConforms(String path, int status) {
        HttpResponse<String> r = client.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(r.statusCode()).withBody(r.body());
        r.headers().firstValue("Content-Type").ifPresent(type -> response.withContentType(type));
        ValidationReport report = validator.validate(SimpleRequest.Builder.get(path).build(), response.build());
        assertThat(report.getMessages()).as(path + " against /api/openapi.json").isEmpty();
        return r.body();
    }
}
