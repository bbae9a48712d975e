package dev.participation.testing.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;
import dev.participation.api.json.JsonResource;

/**
 * The client's oracle: an answer as its OpenAPI fragment describes passes, one that leaves out a
 * required property fails, and a refused request's problem answer is checked too. The resource is
 * the sketch widget's notices, answering what each test gives it.
 */
class JsonApiClientTest {

    private static final Map<String, Object> NOTICE = Map.of("id", 7, "title", "Youth Forum moves",
            "text", "The forum meets at the library from May.", "postedAt", "2026-03-02T09:00:00Z");

    /** {@code /api/notices} answering these notices, and a problem for any address below it. */
    private static JsonResource notices(List<Map<String, Object>> answer) {
        return new JsonResource() {
            @Override
            public String name() {
                return "notices";
            }

            @Override
            public URL openApi() {
                return JsonApiClientTest.class.getResource("/dev/participation/sketch/openapi.json");
            }

            @Override
            public Object get(JsonRequest request) {
                if (!request.segments().stream().allMatch(String::isEmpty)) {
                    throw ApiProblem.notFound("There is nothing here.");
                }
                return answer;
            }
        };
    }

    @Test
    void anAnswerAsDescribedConformsAndReadsAsJson() {
        JsonApiClient client = new JsonApiClient(notices(List.of(NOTICE)));

        JsonApiClient.Answer answer = client.conforming("/api/notices", 200);

        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get(0).get("title").asText()).isEqualTo("Youth Forum moves");
    }

    @Test
    void anAnswerMissingARequiredPropertyFails() {
        JsonApiClient client = new JsonApiClient(notices(List.of(Map.of("id", 7, "title", "No text"))));

        assertThatThrownBy(() -> client.conforming("/api/notices", 200))
                .hasMessageContaining("/api/notices against /api/openapi.json").hasMessageContaining("text");
    }

    @Test
    void theStatusMustBeTheOneExpected() {
        JsonApiClient client = new JsonApiClient(notices(List.of(NOTICE)));

        assertThatThrownBy(() -> client.conforming("/api/notices/elsewhere", 200)).hasMessageContaining("404");
        assertThat(client.get("/api/notices/elsewhere").json().get("status").asInt()).isEqualTo(404);
    }
}
