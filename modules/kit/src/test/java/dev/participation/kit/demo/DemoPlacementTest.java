package dev.participation.kit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.participation.api.page.WidgetInstance;
import dev.participation.api.page.WidgetInstances;
import dev.participation.api.widget.Choice;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.WidgetType;

class DemoPlacementTest {

    private static final WidgetType BOARD = new WidgetType("board", "board.name", "board.description", "Participation",
            List.of(PreferenceDefinition.choice("layout", "board.layout", null, "list", true,
                    List.of(Choice.keyed("list", "board.list"), Choice.keyed("map", "board.map"))),
                    PreferenceDefinition.integer("count", "board.count", null, 10, 1, 50)));

    /** The page's widgets as the portal keeps them, and what the demo placed. */
    private final List<WidgetInstance> onPage = new ArrayList<>();
    private final WidgetInstances instances = new WidgetInstances() {
        @Override
        public List<WidgetInstance> onPage(String page) {
            return List.copyOf(onPage);
        }

        @Override
        public WidgetInstance place(String page, String widgetType, Map<String, String> preferences, String actor) {
            WidgetInstance placed = new WidgetInstance("w" + onPage.size(), page, onPage.size(), widgetType,
                    preferences, Instant.parse("2026-03-02T09:00:00Z"), actor);
            onPage.add(placed);
            return placed;
        }

        // A demo only reads the page and places widgets.
        @Override
        public Optional<WidgetInstance> find(String instanceId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public WidgetInstance configure(String instanceId, Map<String, String> preferences, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public WidgetInstance configure(String instanceId, long expectedVersion, Map<String, String> preferences,
                String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void move(String instanceId, int position, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(String instanceId, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(String instanceId, long expectedVersion, String actor) {
            throw new UnsupportedOperationException();
        }
    };

    /** A demo whose install places what each test asks for. */
    private final class BoardsDemo extends DemoPlacement {

        private Map<String, String> identity = Map.of();
        private Map<String, String> settings = Map.of();

        BoardsDemo() {
            super("boards.demo", instances, "boards");
        }

        BoardsDemo with(Map<String, String> identity, Map<String, String> settings) {
            this.identity = identity;
            this.settings = settings;
            return this;
        }

        @Override
        public void install(String actor) {
            place(BOARD, identity, settings, actor);
        }
    }

    @Test
    void aWidgetStartsFromItsTypesDefaultsWithTheDemosChangesAndIsPlacedOnce() {
        new BoardsDemo().with(Map.of("layout", "map"), Map.of("count", "5")).install("admin");
        new BoardsDemo().with(Map.of("layout", "map"), Map.of("count", "5")).install("admin");
        new BoardsDemo().with(Map.of("layout", "list"), Map.of()).install("admin");

        assertThat(onPage).extracting(WidgetInstance::preferences).containsExactly(
                Map.of("layout", "map", "count", "5"), Map.of("layout", "list", "count", "10"));
        assertThat(onPage).extracting(WidgetInstance::pageKey, WidgetInstance::updatedBy)
                .containsOnly(tuple("boards", "admin"));
    }

    @Test
    void anyWidgetOfTheTypeWillDoWhenNothingIdentifiesIt() {
        instances.place("boards", "board", Map.of("layout", "map", "count", "3"), "edith");

        new BoardsDemo().install("admin");

        assertThat(onPage).hasSize(1);
        assertThat(new BoardsDemo().key()).isEqualTo("boards.demo");
    }

    @Test
    void settingsTheTypeWouldRefuseAreNeverPlaced() {
        assertThatThrownBy(() -> new BoardsDemo().with(Map.of(), Map.of("count", "500")).install("admin"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("count");
        assertThat(onPage).isEmpty();
    }
}
