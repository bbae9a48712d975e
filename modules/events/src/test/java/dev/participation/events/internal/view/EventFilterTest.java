package dev.participation.events.internal.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.participation.events.api.EventQuery;
import dev.participation.events.api.EventType;

import org.junit.jupiter.api.Test;

class EventFilterTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Wednesday in British summer time. */
    static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

    static EventFilter read(Map<String, List<String>> parameters) {
        return EventFilter.read(parameters, LONDON, TODAY);
    }

    @Test
    void thisWeekRunsFromTodayToTheEndOfSundayAndThisMonthToTheEndOfTheMonthInTheVisitorsZone() {
        EventFilter week = read(Map.of("when", List.of("week")));
        assertThat(week.from()).isEqualTo(Instant.parse("2026-06-16T23:00:00Z"));
        assertThat(week.to()).isEqualTo(Instant.parse("2026-06-21T23:00:00Z"));

        EventFilter month = read(Map.of("when", List.of("month")));
        assertThat(month.to()).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
    }

    @Test
    void typedDatesAreWholeDaysAndNarrowThisMonth() {
        EventFilter dates = read(Map.of("when", List.of("month"), "from-day", List.of("20"), "from-month",
                List.of("6"), "from-year", List.of("2026"), "to-day", List.of("2"), "to-month", List.of("8"),
                "to-year", List.of("2026")));

        assertThat(dates.valid()).isTrue();
        assertThat(dates.from()).isEqualTo(Instant.parse("2026-06-19T23:00:00Z"));
        assertThat(dates.to()).as("the month's end is sooner than 2 August").isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
        EventQuery query = dates.query(Set.of(), Set.of(), false, 10);
        assertThat(query.from()).isEqualTo(dates.from());
        assertThat(query.limit()).isEqualTo(10);
    }

    @Test
    void theWidgetsKindsWinOverTheVisitorsAndLinksCarryTheSearch() {
        EventFilter kinds = read(Map.of("type", List.of("forum", "residential"), "age", List.of(" 12 ")));

        assertThat(kinds.types()).containsExactlyInAnyOrder(EventType.FORUM, EventType.RESIDENTIAL);
        assertThat(kinds.query(Set.of(EventType.CONSULTATION), Set.of("send"), true, 5).types())
                .containsExactly(EventType.CONSULTATION);
        assertThat(kinds.age()).isEqualTo(12);
        assertThat(kinds.linkParameters()).containsEntry("age", "12").containsEntry("type", "forum\nresidential");
        assertThat(read(Map.of("type", List.of("forum\nresidential"))).types()).hasSize(2);
        assertThat(read(Map.of()).narrowed()).isFalse();
        assertThat(kinds.narrowed()).isTrue();
    }

    @Test
    void junkBecomesMessagesNeverExceptions() {
        EventFilter junk = read(Map.of("when", List.of("yesterday"), "age", List.of("-3"), "type",
                List.of("x".repeat(1000)), "from-day", List.of("99"), "from-month", List.of("1"), "from-year",
                List.of("2026")));

        assertThat(junk.valid()).isFalse();
        assertThat(junk.errors()).containsOnlyKeys("when", "age", "type", "from");
        assertThat(read(Map.of("type", List.of("forum,forum,forum,forum,forum,forum,forum,forum,forum,forum,forum"
                .replace(',', '\n')))).valid()).as("more ticks than kinds").isFalse();
    }
}
