package dev.participation.events.internal.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.participation.api.page.WidgetInstance;
import dev.participation.api.page.WidgetInstances;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class EventsDemoTest {

    private final WidgetInstances instances = mock(WidgetInstances.class);
    private final EventsDemo demo = new EventsDemo(instances);

    @Test
    @SuppressWarnings("unchecked")
    void placesTheEventsWidgetWithItsFiltersOnTheEventsPage() {
        when(instances.onPage("events")).thenReturn(List.of());

        demo.install("admin");

        ArgumentCaptor<Map<String, String>> prefs = ArgumentCaptor.forClass(Map.class);
        verify(instances).place(eq("events"), eq(EventsWidget.KEY), prefs.capture(), eq("admin"));
        assertThat(EventsWidget.TYPE_DECLARATION.validate(prefs.getValue()).valid()).isTrue();
        assertThat(prefs.getValue()).containsEntry(EventsWidget.SHOW, EventsWidget.SHOW_ALL)
                .containsEntry(EventsWidget.FILTERS, "true").containsEntry(EventsWidget.PAST, "false");
    }

    @Test
    void leavesAPageThatAlreadyHasItAsItIs() {
        when(instances.onPage("events")).thenReturn(List.of(new WidgetInstance("a", "events", 0, EventsWidget.KEY,
                Map.of(), Instant.parse("2026-01-01T00:00:00Z"), "x")));

        demo.install("admin");

        verify(instances, never()).place(anyString(), anyString(), any(), anyString());
    }
}
