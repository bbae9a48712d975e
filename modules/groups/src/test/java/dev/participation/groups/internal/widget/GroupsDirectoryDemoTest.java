package dev.participation.groups.internal.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.participation.api.page.WidgetInstance;
import dev.participation.api.page.WidgetInstances;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class GroupsDirectoryDemoTest {

    private final WidgetInstances instances = mock(WidgetInstances.class);
    private final GroupsDirectoryDemo demo = new GroupsDirectoryDemo(instances);

    @Test
    @SuppressWarnings("unchecked")
    void placesTheDirectoryAndThenTheMapOnTheGroupsPageWithValidSettings() {
        when(instances.onPage("groups")).thenReturn(List.of());

        demo.install("admin");

        ArgumentCaptor<Map<String, String>> prefs = ArgumentCaptor.forClass(Map.class);
        verify(instances, times(2)).place(eq("groups"), eq(GroupsWidget.KEY), prefs.capture(), eq("admin"));
        assertThat(prefs.getAllValues()).extracting(p -> p.get(GroupsWidget.LAYOUT))
                .containsExactly(GroupsWidget.LAYOUT_LIST, GroupsWidget.LAYOUT_MAP);
        for (Map<String, String> placed : prefs.getAllValues()) {
            assertThat(GroupsWidget.TYPE.validate(placed).valid()).isTrue();
            assertThat(placed.get(GroupsWidget.SHOW)).isEqualTo(GroupsWidget.SHOW_ALL);
            assertThat(placed.get(GroupsWidget.FILTERS)).isEqualTo("true");
        }
    }

    @Test
    void leavesAPageThatAlreadyHasBothAsItIs() {
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        when(instances.onPage("groups")).thenReturn(List.of(
                new WidgetInstance("a", "groups", 0, GroupsWidget.KEY, Map.of(GroupsWidget.LAYOUT, "cards"), at, "x"),
                new WidgetInstance("b", "groups", 1, GroupsWidget.KEY, Map.of(GroupsWidget.LAYOUT, "map"), at, "x"),
                new WidgetInstance("c", "groups", 2, GroupsWidget.KEY, Map.of(GroupsWidget.LAYOUT, "list"), at, "x")));

        demo.install("admin");

        verify(instances, never()).place(anyString(), anyString(), any(), anyString());
    }
}
