package dev.participation.rest.internal.core;

import static dev.participation.rest.internal.core.Fixtures.api;
import static dev.participation.rest.internal.core.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.participation.api.json.JsonResource;
import dev.participation.rest.internal.core.Exchange.Result;
import dev.participation.rest.internal.core.Fixtures.Things;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** The assembled document: what is merged, what is left out, and that it stays a valid OpenAPI 3.0 document. */
class OpenApiTest {

    private Logger logger;
    private JsonApi api;

    @BeforeEach
    void setUp() {
        logger = mock(Logger.class);
        api = api(config("en-GB", 0), logger);
    }

    private JsonNode document() throws Exception {
        Result r = Exchange.get("/api/openapi.json").sendTo(api);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
        // A real parser is the oracle: the document must be valid OpenAPI 3.0 with every $ref resolving.
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body());
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
        return r.json();
    }

    @Test
    void theBaseDocumentDescribesTheBuiltInResources() throws Exception {
        JsonNode doc = document();

        assertThat(doc.at("/info/title").asText()).isNotBlank();
        assertThat(doc.at("/info/version").asText()).isNotBlank();
        assertThat(doc.get("paths").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("/api/openapi.json", "/api/widget-types", "/api/widget-types/{key}");
        assertThat(doc.at("/components/schemas/Problem/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance");
        assertThat(doc.has("servers")).isFalse();
    }

    @Test
    void fragmentsOfEveryResourceAreMerged() throws Exception {
        api.bindJsonResource(new Things(), Map.of());
        api.bindJsonResource(new Things("notices", "fragments/notices.json"), Map.of());

        JsonNode doc = document();

        assertThat(doc.get("paths").fieldNames()).toIterable().contains("/api/widget-types", "/api/things",
                "/api/things/{id}", "/api/notices");
        assertThat(doc.at("/components/schemas").fieldNames()).toIterable().contains("Problem", "WidgetType",
                "Thing", "ThingList", "Notice");
    }

    @Test
    void theDocumentFollowsResourcesComingAndGoing() throws Exception {
        assertThat(document().get("paths").has("/api/things")).isFalse();
        Things things = new Things();
        api.bindJsonResource(things, Map.of());
        assertThat(document().get("paths").has("/api/things")).isTrue();
        api.unbindJsonResource(things);
        assertThat(document().get("paths").has("/api/things")).isFalse();
    }

    @Test
    void aFragmentsBadPartsAreLeftOutAndTheRestKept() throws Exception {
        api.bindJsonResource(new Things(), Map.of());
        api.bindJsonResource(new Things("rogue", "fragments/rogue.json"), Map.of());

        JsonNode doc = document();

        assertThat(doc.get("paths").fieldNames()).toIterable()
                .contains("/api/things", "/api/rogue")
                .doesNotContain("/api/things/hijacked", "/api/rogue/problem", "/api/rogue/dangling");
        // The base Problem schema survives a fragment that redefines it.
        assertThat(doc.at("/components/schemas/Problem/type").asText()).isEqualTo("object");
        assertThat(doc.at("/components/schemas/RogueItem").isObject()).isTrue();
        assertThat(Logs.messages(logger, "warn"))
                .anyMatch(m -> m.contains("outside"))
                .anyMatch(m -> m.contains("already taken"))
                .anyMatch(m -> m.contains("does not resolve"));
    }

    @Test
    void unreadableFragmentsDoNotBreakTheDocument() throws Exception {
        api.bindJsonResource(new Things(), Map.of());
        api.bindJsonResource(new Things("broken", "fragments/broken.json"), Map.of());
        api.bindJsonResource(new Things("array", "fragments/array.json"), Map.of());
        api.bindJsonResource(new Things("missing", "fragments/does-not-exist.json"), Map.of());
        JsonResource throwing = mock(JsonResource.class);
        when(throwing.name()).thenReturn("throwing");
        when(throwing.openApi()).thenThrow(new IllegalStateException("bundle stopping"));
        api.bindJsonResource(throwing, Map.of());

        JsonNode doc = document();

        assertThat(doc.get("paths").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("/api/openapi.json", "/api/widget-types", "/api/widget-types/{key}",
                        "/api/things", "/api/things/{id}");
        // The undescribed resources still answer.
        assertThat(Exchange.get("/api/broken/park").sendTo(api).status()).isEqualTo(200);
    }

    @Test
    void behindAContextPathTheDocumentNamesItsServer() throws Exception {
        Result r = Exchange.get("/api/openapi.json").contextPath("/o").sendTo(api);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/servers/0/url").asText()).isEqualTo("/o");
        // The cached document is not changed for callers without one.
        assertThat(document().has("servers")).isFalse();
    }

    @Test
    void underAPrefixedServletPathTheServerIsWhatComesBeforeApi() throws Exception {
        // Liferay: the whiteboard's default context at /o, the servlet at /participation/api/*.
        Result liferay = Exchange.get("/participation/api/openapi.json").contextPath("/o")
                .servletPath("/participation/api").sendTo(api);
        // A whiteboard whose default context is the server's root.
        Result root = Exchange.get("/participation/api/openapi.json").servletPath("/participation/api").sendTo(api);

        assertThat(liferay.json().at("/servers/0/url").asText()).isEqualTo("/o/participation");
        assertThat(root.json().at("/servers/0/url").asText()).isEqualTo("/participation");
        assertThat(liferay.json().get("paths").has("/api/widget-types")).isTrue();
    }

    @Test
    void theDocumentIsPublicJsonLikeEveryOtherAnswer() throws Exception {
        Result r = Exchange.get("/api/openapi.json").sendTo(api);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(Logs.messages(logger, "warn")).isEmpty();
    }
}
