package dev.participation.kit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.participation.api.json.ApiProblem;
import dev.participation.api.json.JsonRequest;

class JsonAddressesTest {

    private static final Predicate<String> SLUG = s -> s.matches("[a-z0-9]+(-[a-z0-9]+)*");

    private static JsonRequest at(String... segments) {
        return new JsonRequest(List.of(segments), Map.of(), null);
    }

    @Test
    void theCollectionIsAskedForWithOrWithoutATrailingSlash() {
        assertThat(JsonAddresses.collection(at())).isTrue();
        assertThat(JsonAddresses.collection(at(""))).isTrue();
        assertThat(JsonAddresses.collection(at("youth-forum"))).isFalse();
    }

    @Test
    void anItemIsOneWellShapedAddressAndAnythingElseNamesNothing() {
        assertThat(JsonAddresses.item(at("youth-forum"), SLUG, "No event here.")).isEqualTo("youth-forum");
        for (JsonRequest nothing : List.of(at("Youth Forum"), at("youth-forum", "sessions"), at("..", "etc"))) {
            assertThatThrownBy(() -> JsonAddresses.item(nothing, SLUG, "No event here."))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> {
                        assertThat(p.status()).isEqualTo(404);
                        assertThat(p.detail()).isEqualTo("No event here.");
                    });
        }
    }

    @Test
    void theOpenApiFragmentIsFoundBesideItsClassOrItsAbsenceIsNamed() {
        assertThat(JsonAddresses.openApi(JsonAddressesTest.class, "/dev/participation/kit/demo/Demo.properties"))
                .isNotNull();
        assertThatThrownBy(() -> JsonAddresses.openApi(JsonAddressesTest.class, "/no/such/openapi.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/no/such/openapi.json");
    }
}
