package dev.participation.testing.json;

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
import dev.participation.api.storage.Storage;
import dev.participation.rest.internal.core.ApiAnswer;
import dev.participation.rest.internal.core.ApiConfiguration;
import dev.participation.rest.internal.core.ApiRequest;
import dev.participation.rest.internal.core.JsonApi;
import dev.participation.rest.internal.core.WidgetTypesResource;

/**
 * The portal's real JSON API with a widget's resources bound, as DS binds them, and a client that
 * checks every answer against the assembled {@code /api/openapi.json} with Atlassian's OpenAPI
 * validator. For example {@code new JsonApiClient(new EventJsonResource(...)).conforming("/api/events", 200)}.
 *
 * <p>A module using it declares {@code participation-rest} and {@code swagger-request-validator-core}
 * in test scope.
 */
public final class JsonApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonApi api;
    private OpenApiInteractionValidator validator;

    /** What the API answered: its status, content type and body as text. */
    public record Answer(int status, String contentType, String body) {

        /** The body parsed as JSON; not JSON fails the test. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public JsonApiClient(JsonResource... resources) {
        Logger logger = mock(Logger.class);
        ApiConfiguration config = mock(ApiConfiguration.class);
        when(config.defaultLanguage()).thenReturn("en-GB");
        when(config.maxAgeSeconds()).thenReturn(0);
        api = new JsonApi(config, new WidgetTypesResource(logger), logger);
        api.bindPlatformStorage(mock(Storage.class));
        for (JsonResource resource : resources) {
            api.bindJsonResource(resource, Map.of());
        }
    }

    /** A GET of {@code /api/...}, the query percent-encoded as sent. */
    public Answer get(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        Map<String, String[]> parameters = parameters(q < 0 ? null : uri.substring(q + 1));
        ApiAnswer answer = api.answer(new ApiRequest("GET", path, "", "/api",
                URLDecoder.decode(path.substring("/api".length()), StandardCharsets.UTF_8), () -> parameters,
                header -> null));
        return new Answer(answer.status(), answer.contentType(), new String(answer.body(), StandardCharsets.UTF_8));
    }

    /** A GET whose answer must have this status and conform to the OpenAPI document. */
    public Answer conforming(String uri, int status) {
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
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> result = new LinkedHashMap<>();
        values.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
        return result;
    }
}
