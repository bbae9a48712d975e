package dev.participation.events.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.log.Logger;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.participation.api.json.JsonResource;
import dev.participation.rest.internal.core.ApiAnswer;
import dev.participation.rest.internal.core.ApiConfiguration;
import dev.participation.rest.internal.core.ApiRequest;
import dev.participation.rest.internal.core.JsonApi;
import dev.participation.rest.internal.core.WidgetTypesResource;

/**
 * The portal's real JSON API with the events' resource bound as DS binds it; every answer is
 * checked against the assembled {@code /api/openapi.json} by Atlassian's OpenAPI validator.
 * (The groups' tests hold a client of the same shape; the test fixtures would be a shared home.)
 */
final class JsonApiClient {

    private final JsonApi api;
    private OpenApiInteractionValidator validator;

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    JsonApiClient(JsonResource resource) {
        Logger logger = mock(Logger.class);
        ApiConfiguration config = mock(ApiConfiguration.class);
        when(config.defaultLanguage()).thenReturn("en-GB");
        when(config.maxAgeSeconds()).thenReturn(0);
        api = new JsonApi(config, new WidgetTypesResource(logger), logger);
        api.bindJsonResource(resource, Map.of());
    }

    /** A GET of {@code /api/...}, the query percent-encoded as sent. */
    Answer get(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        Map<String, String[]> parameters = parameters(q < 0 ? null : uri.substring(q + 1));
        ApiAnswer answer = api.answer(new ApiRequest("GET", path, "", "/api",
                URLDecoder.decode(path.substring("/api".length()), StandardCharsets.UTF_8), () -> parameters,
                header -> null));
        return new Answer(answer.status(), answer.contentType(), new String(answer.body(), StandardCharsets.UTF_8));
    }

    /** A GET whose answer has this status and conforms to the OpenAPI document. */
    Answer conforming(String uri, int status) {
        Answer answer = get(uri);
        assertThat(answer.status()).as(uri + ": " + answer.body()).isEqualTo(status);
        if (validator == null) {
            Answer document = get("/api/openapi.json");
            assertThat(document.status()).isEqualTo(200);
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.body()).build();
        }
        int q = uri.indexOf('?');
        SimpleRequest.Builder request = SimpleRequest.Builder.get(q < 0 ? uri : uri.substring(0, q));
        parameters(q < 0 ? null : uri.substring(q + 1)).forEach(request::withQueryParam);
        // A refused request breaks the document on purpose; its answer must still be as described.
        assertThat(validator.validate(request.build(), SimpleResponse.Builder.status(status)
                .withContentType(answer.contentType()).withBody(answer.body()).build()).getMessages())
                .filteredOn(m -> status < 400 || !m.getKey().startsWith("validation.request"))
                .as(uri + " against /api/openapi.json").isEmpty();
        return answer;
    }

    private static Map<String, String[]> parameters(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                values.computeIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        k -> new ArrayList<>())
                        .add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        Map<String, String[]> result = new LinkedHashMap<>();
        values.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
        return result;
    }
}
