package dev.participation.service.internal.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.participation.api.audit.AuditEntry;
import dev.participation.api.page.ChangedMeanwhileException;
import dev.participation.api.page.WidgetInstance;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.storage.DatabaseTest;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WidgetInstanceStoreTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Kind.H2);
        }
    }

    @Nested
    class OnPostgreSQL extends Contract {
        OnPostgreSQL() {
            super(Kind.POSTGRESQL);
        }
    }

    abstract static class Contract extends DatabaseTest {

        AuditLogStore audit;
        WidgetInstanceStore widgets;

        Contract(Kind kind) {
            super(kind);
        }

        @BeforeEach
        void createStore() {
            audit = new AuditLogStore(database(), clock);
            widgets = new WidgetInstanceStore(database(), audit, clock);
        }

        private List<String> typesOn(String page) {
            return widgets.onPage(page).stream().map(WidgetInstance::widgetType).toList();
        }

        private List<Integer> positionsOn(String page) {
            return widgets.onPage(page).stream().map(WidgetInstance::position).toList();
        }

        @Test
        void placedWidgetsGoToTheEndWithTheirSettings() {
            WidgetInstance pledge = widgets.place("home", "pledge", Map.of("view", "cards", "charter", "c1"), "editor1");
            widgets.place("home", "groups", Map.of(), "editor1");
            widgets.place("about", "events", Map.of(), "editor2");

            assertThat(typesOn("home")).containsExactly("pledge", "groups");
            assertThat(positionsOn("home")).containsExactly(0, 1);
            assertThat(widgets.find(pledge.id())).get().satisfies(found -> {
                assertThat(found.preferences()).isEqualTo(Map.of("view", "cards", "charter", "c1"));
                assertThat(found.updatedBy()).isEqualTo("editor1");
                assertThat(found.updatedAt()).isEqualTo(clock.instant());
            });
            assertThat(pledge.id()).matches("[A-Za-z0-9_-]{22}");
            assertThat(audit.forRecord("widget-instance", pledge.id())).singleElement().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("widget.place");
                assertThat(entry.actor()).isEqualTo("editor1");
                assertThat(entry.detail()).contains("pledge", "home", "charter", "view");
            });
        }

        @Test
        void aPageListsEachInstanceOnceWithItsOwnSettingsWhetherItHasManyOrNone() {
            WidgetInstance cards = widgets.place("home", "pledge", Map.of("view", "cards", "charter", "c1"), "editor1");
            WidgetInstance bare = widgets.place("home", "groups", Map.of(), "editor1");
            WidgetInstance one = widgets.place("home", "pledge", Map.of("view", "full"), "editor2");
            widgets.place("about", "pledge", Map.of("view", "principle"), "editor2");

            assertThat(widgets.onPage("home")).containsExactly(widgets.find(cards.id()).orElseThrow(),
                    widgets.find(bare.id()).orElseThrow(), widgets.find(one.id()).orElseThrow());
            assertThat(widgets.onPage("home")).extracting(WidgetInstance::preferences).containsExactly(
                    Map.of("view", "cards", "charter", "c1"), Map.of(), Map.of("view", "full"));
            assertThat(widgets.onPage("nowhere")).isEmpty();
        }

        @Test
        void concurrentPlacementsKeepPositionsDenseAndUnique() throws Exception {
            ExecutorService editors = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> placements = new ArrayList<>();
                for (int editor = 0; editor < 8; editor++) {
                    String actor = "editor" + editor;
                    placements.add(editors.submit(() -> {
                        for (int i = 0; i < 5; i++) {
                            widgets.place("busy-page", "feedback", Map.of("n", String.valueOf(i)), actor);
                        }
                    }));
                }
                for (Future<?> placement : placements) {
                    placement.get(60, TimeUnit.SECONDS);
                }
            } finally {
                editors.shutdownNow();
            }

            assertThat(positionsOn("busy-page")).containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
        }

        @Test
        void configuringReplacesTheSettingsAndAuditsWhichChanged() {
            WidgetInstance events = widgets.place("home", "events", Map.of("limit", "5", "audience", "all"), "editor1");
            clock.advance(Duration.ofHours(1));

            WidgetInstance configured = widgets.configure(events.id(),
                    Map.of("limit", "10", "audience", "all", "showPast", "true"), "editor2");

            assertThat(configured.preferences()).containsOnly(
                    Map.entry("limit", "10"), Map.entry("audience", "all"), Map.entry("showPast", "true"));
            assertThat(configured.updatedBy()).isEqualTo("editor2");
            assertThat(configured.updatedAt()).isEqualTo(clock.instant());
            AuditEntry entry = audit.recent(1).get(0);
            assertThat(entry.action()).isEqualTo("widget.configure");
            assertThat(entry.actor()).isEqualTo("editor2");
            assertThat(entry.recordId()).isEqualTo(events.id());
            assertThat(entry.detail()).contains("changed: limit", "added: showPast").doesNotContain("audience");
        }

        @Test
        void aSaveFromAnOldVersionIsRefusedAndTellsWhatIsThereNow() {
            WidgetInstance events = widgets.place("home", "events", Map.of("limit", "5"), "editor1");
            assertThat(events.version()).isEqualTo(WidgetInstance.FIRST_VERSION);

            WidgetInstance first = widgets.configure(events.id(), events.version(), Map.of("limit", "10"), "editor1");
            assertThat(first.version()).isEqualTo(events.version() + 1);

            assertThatThrownBy(() -> widgets.configure(events.id(), events.version(), Map.of("limit", "3"), "editor2"))
                    .isInstanceOfSatisfying(ChangedMeanwhileException.class, e -> {
                        assertThat(e.current().preferences()).isEqualTo(Map.of("limit", "10"));
                        assertThat(e.current().version()).isEqualTo(first.version());
                        assertThat(e.current().updatedBy()).isEqualTo("editor1");
                    });
            assertThat(widgets.find(events.id())).get().extracting(WidgetInstance::preferences)
                    .isEqualTo(Map.of("limit", "10"));
            assertThat(audit.forRecord("widget-instance", events.id())).extracting(AuditEntry::action)
                    .containsExactly("widget.place", "widget.configure");

            // Seen the other change, the editor saves again from the version it showed them.
            assertThat(widgets.configure(events.id(), first.version(), Map.of("limit", "3"), "editor2").version())
                    .isEqualTo(first.version() + 1);
        }

        @Test
        void ofRacingSavesFromOneVersionExactlyOneGoesThrough() throws Exception {
            WidgetInstance events = widgets.place("home", "events", Map.of("limit", "5"), "editor1");
            int editorsAtOnce = 6;
            CyclicBarrier together = new CyclicBarrier(editorsAtOnce);
            ExecutorService editors = Executors.newFixedThreadPool(editorsAtOnce);
            List<Future<String>> saves = new ArrayList<>();
            try {
                for (int editor = 0; editor < editorsAtOnce; editor++) {
                    String limit = String.valueOf(editor + 10);
                    saves.add(editors.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        try {
                            widgets.configure(events.id(), events.version(), Map.of("limit", limit), "editor" + limit);
                            return "saved " + limit;
                        } catch (ChangedMeanwhileException e) {
                            return "refused";
                        }
                    }));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> save : saves) {
                    outcomes.add(save.get(60, TimeUnit.SECONDS));
                }

                assertThat(outcomes).filteredOn(o -> o.startsWith("saved")).hasSize(1);
                assertThat(outcomes).filteredOn("refused"::equals).hasSize(editorsAtOnce - 1);
                String winner = outcomes.stream().filter(o -> o.startsWith("saved")).findFirst().orElseThrow();
                WidgetInstance stored = widgets.find(events.id()).orElseThrow();
                assertThat(stored.version()).isEqualTo(events.version() + 1);
                assertThat(stored.preferences()).isEqualTo(Map.of("limit", winner.substring("saved ".length())));
            } finally {
                editors.shutdownNow();
            }
        }

        @Test
        void removingFromAnOldVersionIsRefused() {
            WidgetInstance events = widgets.place("home", "events", Map.of("limit", "5"), "editor1");
            WidgetInstance changed = widgets.configure(events.id(), Map.of("limit", "8"), "editor2");

            assertThatThrownBy(() -> widgets.remove(events.id(), events.version(), "editor1"))
                    .isInstanceOfSatisfying(ChangedMeanwhileException.class,
                            e -> assertThat(e.current().preferences()).isEqualTo(Map.of("limit", "8")));
            assertThat(typesOn("home")).containsExactly("events");

            widgets.remove(events.id(), changed.version(), "editor1");
            assertThat(typesOn("home")).isEmpty();
            assertThatThrownBy(() -> widgets.remove(events.id(), changed.version(), "editor1"))
                    .isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> widgets.configure(events.id(), changed.version(), Map.of(), "editor1"))
                    .isInstanceOf(NoSuchElementException.class);
        }

        @Test
        void anIdNoWidgetCouldHaveNamesNothingEvenWithCharactersTheDatabaseRefuses() {
            WidgetInstance placed = widgets.place("home", "pledge", Map.of(), "editor1");
            String forged = placed.id().substring(0, 21) + "\u0000";

            assertThat(widgets.find(forged)).isEmpty();
            assertThat(widgets.find("x\u0000")).isEmpty();
            assertThatThrownBy(() -> widgets.move(forged, 0, "editor1")).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> widgets.remove(forged, placed.version(), "editor1"))
                    .isInstanceOf(NoSuchElementException.class);
            assertThat(widgets.find(placed.id())).isPresent();
        }

        @Test
        void configuringAMissingWidgetSaysSo() {
            assertThatThrownBy(() -> widgets.configure("nope", Map.of(), "editor1"))
                    .isInstanceOf(NoSuchElementException.class);
            assertThat(audit.recent(10)).isEmpty();
        }

        @Test
        void movingShiftsTheOthersAndIsAudited() {
            WidgetInstance a = widgets.place("home", "a", Map.of(), "editor1");
            widgets.place("home", "b", Map.of(), "editor1");
            WidgetInstance c = widgets.place("home", "c", Map.of(), "editor1");

            widgets.move(c.id(), 0, "editor2");
            assertThat(typesOn("home")).containsExactly("c", "a", "b");
            assertThat(positionsOn("home")).containsExactly(0, 1, 2);

            widgets.move(a.id(), 99, "editor2");
            assertThat(typesOn("home")).containsExactly("c", "b", "a");

            assertThat(audit.forRecord("widget-instance", c.id())).last().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("widget.move");
                assertThat(entry.actor()).isEqualTo("editor2");
                assertThat(entry.detail()).contains("from position 2 to 0");
            });
        }

        @Test
        void removingClosesTheGapAndKeepsTheSettingsInTheAuditLog() {
            widgets.place("home", "a", Map.of(), "editor1");
            WidgetInstance b = widgets.place("home", "b", Map.of("title", "Have your say"), "editor1");
            widgets.place("home", "c", Map.of(), "editor1");

            widgets.remove(b.id(), "editor3");

            assertThat(typesOn("home")).containsExactly("a", "c");
            assertThat(positionsOn("home")).containsExactly(0, 1);
            assertThat(widgets.find(b.id())).isEmpty();
            assertThat(audit.recent(1).get(0)).satisfies(entry -> {
                assertThat(entry.action()).isEqualTo("widget.remove");
                assertThat(entry.actor()).isEqualTo("editor3");
                assertThat(entry.detail()).contains("title=Have your say");
            });
        }

        @Test
        void concurrentMovesAndRemovalsLeaveADenseOrder() throws Exception {
            List<WidgetInstance> placed = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                placed.add(widgets.place("home", "w" + i, Map.of(), "editor1"));
            }
            ExecutorService editors = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> changes = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    WidgetInstance widget = placed.get(i);
                    int target = (i * 7) % 12;
                    changes.add(editors.submit(() -> {
                        if (widget.position() % 3 == 0) {
                            widgets.remove(widget.id(), "editor2");
                        } else {
                            widgets.move(widget.id(), target, "editor2");
                        }
                    }));
                }
                for (Future<?> change : changes) {
                    change.get(60, TimeUnit.SECONDS);
                }
            } finally {
                editors.shutdownNow();
            }

            assertThat(positionsOn("home")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        }

        @Test
        void badInputIsRefusedBeforeAnythingIsStored() {
            assertThatThrownBy(() -> widgets.place(" ", "pledge", Map.of(), "editor1"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> widgets.move("any", -1, "editor1")).isInstanceOf(IllegalArgumentException.class);
            assertThat(audit.recent(10)).isEmpty();
        }
    }
}
