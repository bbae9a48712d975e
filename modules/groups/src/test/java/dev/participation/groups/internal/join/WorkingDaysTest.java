package dev.participation.groups.internal.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void weekendsAreSkipped() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        assertThat(WorkingDays.after(monday, 5)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(WorkingDays.after(monday.plusDays(4), 1)).as("Friday + 1").isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(WorkingDays.after(monday.plusDays(4), 5)).as("Friday + 5").isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(WorkingDays.after(monday.plusDays(5), 5)).as("Saturday + 5").isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(WorkingDays.after(monday.plusDays(6), 1)).as("Sunday + 1").isEqualTo(LocalDate.of(2026, 3, 9));
    }
}
