package dev.participation.api.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WidgetTypeTest {

    private final WidgetType type = new WidgetType("pledge", "name", "description", "Participation", List.of(
            PreferenceDefinition.text("heading", "h", null, "Our pledge", true, 10),
            PreferenceDefinition.integer("level", "l", null, 2, 1, 6),
            PreferenceDefinition.bool("easyRead", "e", null, true),
            PreferenceDefinition.choice("layout", "y", null, "full", true,
                    List.of(Choice.keyed("full", "f"), Choice.keyed("cards", "c")))));

    @Test
    void defaultsAreWhatANewInstanceStartsWith() {
        assertThat(type.defaults().asMap()).containsExactly(Map.entry("heading", "Our pledge"),
                Map.entry("level", "2"), Map.entry("easyRead", "true"), Map.entry("layout", "full"));
    }

    @Test
    void validInputIsNormalisedAndUndeclaredKeysDropped() {
        PreferencesValidation v = type.validate(Map.of("heading", "  Promise ", "level", "3", "easyRead", "true",
                "layout", "cards", "forged", "x"));
        assertThat(v.valid()).isTrue();
        assertThat(v.values().asMap()).containsOnlyKeys("heading", "level", "easyRead", "layout")
                .containsEntry("heading", "Promise");
    }

    @Test
    void eachBrokenRuleGetsItsOwnMessageAndTheTypedValueIsKept() {
        PreferencesValidation v = type.validate(Map.of("heading", "", "level", "9", "layout", "list"));
        assertThat(v.errors()).containsEntry("heading", Message.of("preference.error.required"))
                .containsEntry("level", Message.of("preference.error.range", 1, 6))
                .containsEntry("layout", Message.of("preference.error.choice"))
                .doesNotContainKey("easyRead");
        assertThat(v.values().get("level")).isEqualTo("9");
        assertThat(v.values().get("easyRead")).isEqualTo("false");
        assertThat(type.validate(Map.of("heading", "much too long here", "level", "x", "layout", "full")).errors())
                .containsEntry("heading", Message.of("preference.error.tooLong", 10))
                .containsEntry("level", Message.of("preference.error.integer"));
    }

    @Test
    void aTextWithANulOrADirectionOverrideIsRefusedAndKeptAsTyped() {
        PreferencesValidation nul = type.validate(Map.of("heading", "Our\u0000pledge", "level", "2", "layout", "full"));
        assertThat(nul.errors()).containsExactly(Map.entry("heading", Message.of("preference.error.characters")));
        assertThat(nul.values().get("heading")).isEqualTo("Our\u0000pledge");
        assertThat(type.validate(Map.of("heading", "Sam\u202Egnp", "level", "2", "layout", "full")).errors())
                .containsKey("heading");
        assertThat(type.validate(Map.of("heading", "Zo\u00eb \uD83D\uDE00", "level", "2", "layout", "full")).valid())
                .isTrue();
    }

    @Test
    void storedValuesThatNoLongerFitFallBackToDefaults() {
        assertThat(type.resolve(Map.of("layout", "carousel", "level", "4")).asMap())
                .containsEntry("layout", "full").containsEntry("level", "4").containsEntry("heading", "Our pledge");
    }

    @Test
    void declarationsThatCouldNeverRenderAreRefused() {
        assertThatThrownBy(() -> PreferenceDefinition.integer("n", "n", null, 9, 1, 6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WidgetType("Bad Key", "n", "d", "c", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WidgetType("twice", "n", "d", "c", List.of(
                PreferenceDefinition.bool("a", "a", null, true), PreferenceDefinition.bool("a", "a", null, false))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
