package dev.participation.api.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChoicesFromDataTest {

    private final WidgetType type = new WidgetType("pledge", "name", "description", "Participation", List.of(
            PreferenceDefinition.choiceFromData("pledge", "p", null, false, 20),
            PreferenceDefinition.choice("layout", "y", null, "full", true,
                    List.of(Choice.keyed("full", "f"), Choice.keyed("cards", "c")))));

    @Test
    void aStoredChoiceFromDataIsKeptForRenderingWithoutListingTheData() {
        Preferences resolved = type.resolve(Map.of("pledge", "withdrawn-long-ago", "layout", "cards"));

        assertThat(resolved.get("pledge")).isEqualTo("withdrawn-long-ago");
        assertThat(resolved.get("layout")).isEqualTo("cards");
    }

    @Test
    void theDeclaredCheckOfAChoiceFromDataIsItsLengthAlone() {
        assertThat(type.validate(Map.of("pledge", "any-slug", "layout", "full")).valid()).isTrue();
        assertThat(type.validate(Map.of("pledge", "x".repeat(21), "layout", "full")).errors())
                .containsOnlyKeys("pledge");
        assertThat(type.validate(Map.of("layout", "full")).valid()).isTrue();
    }

    @Test
    void aWidgetOffersTheDeclaredOptionsUnlessItListsItsOwn() {
        Widget widget = new Widget() {
            @Override
            public WidgetType type() {
                return type;
            }

            @Override
            public java.util.ResourceBundle messages(java.util.Locale locale) {
                throw new UnsupportedOperationException();
            }

            @Override
            public WidgetView render(WidgetRequest request) {
                throw new UnsupportedOperationException();
            }
        };

        assertThat(widget.choices(type.preference("layout").orElseThrow())).extracting(Choice::value)
                .containsExactly("full", "cards");
        assertThat(widget.choices(type.preference("pledge").orElseThrow())).isEmpty();
        assertThat(widget.validate(type.defaults())).isEmpty();
    }

    @Test
    void aWidgetsOwnChecksRunOnlyOnValuesThatPassedTheDeclaredOnes() {
        List<Preferences> seen = new ArrayList<>();
        PreferencesValidation refused = type.validate(Map.of("pledge", "gone", "layout", "full")).and(values -> {
            seen.add(values);
            return Map.of("pledge", Message.of("unpublished"), "undeclared", Message.of("ignored"));
        });
        PreferencesValidation malformed = type.validate(Map.of("pledge", "gone", "layout", "list")).and(values -> {
            seen.add(values);
            return Map.of();
        });

        assertThat(refused.errors()).containsOnlyKeys("pledge").containsEntry("pledge", Message.of("unpublished"));
        assertThat(refused.values().get("pledge")).isEqualTo("gone");
        assertThat(malformed.errors()).containsOnlyKeys("layout");
        assertThat(seen).hasSize(1);
    }

    @Test
    void onlyAChoiceWithoutDeclaredOptionsTakesThemFromData() {
        assertThatThrownBy(() -> new PreferenceDefinition("x", "x", null, PreferenceType.TEXT, "", false, List.of(),
                true, 0, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PreferenceDefinition.choiceFromData("x", "x", null, false, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
