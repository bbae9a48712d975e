package dev.participation.rest.internal.core;

import static dev.participation.rest.internal.core.Fixtures.api;
import static dev.participation.rest.internal.core.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;

import dev.participation.api.json.JsonResource;
import dev.participation.rest.internal.core.Exchange.Result;
import dev.participation.rest.internal.core.Fixtures.EventsWidget;
import dev.participation.rest.internal.core.Fixtures.Things;
import dev.participation.rest.internal.core.Fixtures.UntranslatedWidget;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;

/**
 * Real answers checked against the document the same api serves, with Atlassian's OpenAPI
 * validator: the description other councils' developers code against must match what they get.
 */
class ContractTest {

    private JsonApi api;

    @BeforeEach
    void setUp() {
        api = api(config("en-GB", 0), mock(Logger.class), new EventsWidget(), new UntranslatedWidget());
        api.bindJsonResource(new Things(), Map.of());
    }

    private String servedDocument() throws Exception {
        Result r = Exchange.get("/api/openapi.json").sendTo(api);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /** Validates request and response together, so an undocumented path or status is an error too. */
    private ValidationReport validate(String path, Result r, String acceptLanguage) throws Exception {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(servedDocument()).build();
        SimpleRequest.Builder request = SimpleRequest.Builder.get(path);
        if (acceptLanguage != null) {
            request.withHeader("Accept-Language", acceptLanguage);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(r.status()).withContentType(r.contentType())
                .withBody(r.body());
        r.headers().forEach(response::withHeader);
        return validator.validate(request.build(), response.build());
    }

    private ValidationReport validGet(String path) throws Exception {
        Result r = Exchange.get(path).header("Accept-Language", "cy").sendTo(api);
        return validate(path, r, "cy");
    }

    @Test
    void widgetTypeListMatchesTheDocument() throws Exception {
        ValidationReport report = validGet("/api/widget-types");
        assertThat(report.getMessages()).isEmpty();
    }

    @Test
    void widgetTypeMatchesTheDocument() throws Exception {
        assertThat(validGet("/api/widget-types/event-signup").getMessages()).isEmpty();
        assertThat(validGet("/api/widget-types/acorn").getMessages()).isEmpty();
    }

    @Test
    void unknownWidgetTypeProblemMatchesTheDocument() throws Exception {
        Result r = Exchange.get("/api/widget-types/nope").sendTo(api);
        assertThat(r.status()).isEqualTo(404);
        assertThat(validate("/api/widget-types/nope", r, null).getMessages()).isEmpty();
    }

    @Test
    void aResourceMatchesItsOwnFragment() throws Exception {
        assertThat(validGet("/api/things").getMessages()).isEmpty();
        assertThat(validGet("/api/things/park").getMessages()).isEmpty();
        // Its documented failures, problem details from the base document's shared response.
        for (String path : new String[] {"/api/things/unknown", "/api/things/gone", "/api/things/boom"}) {
            Result r = Exchange.get(path).sendTo(api);
            assertThat(r.status()).as(path).isGreaterThanOrEqualTo(400);
            assertThat(validate(path, r, null).getMessages()).as(path).isEmpty();
        }
    }

    @Test
    void theValidatorCatchesAnAnswerThatBreaksItsFragment() throws Exception {
        // The oracle must be able to fail: a resource whose answer lacks required fields.
        JsonResource liar = mock(JsonResource.class);
        when(liar.name()).thenReturn("things");
        when(liar.openApi()).thenReturn(Fixtures.class.getResource("fragments/things.json"));
        when(liar.get(any())).thenReturn(Map.of("id", "park", "colour", "green"));
        api = api(config("en-GB", 0), mock(Logger.class));
        api.bindJsonResource(liar, Map.of());

        Result r = Exchange.get("/api/things/park").sendTo(api);
        assertThat(r.status()).isEqualTo(200);
        assertThat(validate("/api/things/park", r, null).hasErrors()).isTrue();
    }

    /**
     * Answers at paths or with methods the document cannot list (any name, any method): their bodies
     * are checked against the served Problem schema, their media type against the served Problem response.
     */
    @Test
    void undocumentedFailuresAreServedProblemDetails() throws Exception {
        OpenAPI document = new OpenAPIV3Parser().readContents(servedDocument()).getOpenAPI();
        SchemaValidator schemas = new SchemaValidator(document, new MessageResolver());
        String problemMediaType = document.getComponents().getResponses().get("Problem").getContent().keySet()
                .iterator().next();

        Result[] failures = {
            Exchange.get("/api/nothing-here").sendTo(api),
            Exchange.request("POST", "/api/widget-types").sendTo(api),
            Exchange.request("DELETE", "/api/things/park").sendTo(api)};
        for (Result r : failures) {
            assertThat(r.status()).isIn(404, 405);
            assertThat(r.contentType()).startsWith(problemMediaType + ";");
            ValidationReport report = schemas.validate(r.body(), document.getComponents().getSchemas().get("Problem"),
                    "response.body");
            assertThat(report.getMessages()).as(r.body()).isEmpty();
        }

        // And the same schema does reject something that is not a problem detail.
        assertThat(schemas.validate("{\"status\":\"bad\"}", document.getComponents().getSchemas().get("Problem"),
                "response.body").hasErrors()).isTrue();
    }
}
