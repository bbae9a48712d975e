package dev.participation.groups.internal.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

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

    @Test
    void configuredBankHolidaysAreNotWorkingDaysAndAValueThatIsNoDateIsLeftOut() {
        Set<LocalDate> christmas = WorkingDays.holidays(new String[] {"2026-12-25", " 2026-12-28 ", "", "Boxing Day"});
        assertThat(christmas).containsExactlyInAnyOrder(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));

        LocalDate wednesday = LocalDate.of(2026, 12, 23);
        assertThat(WorkingDays.after(wednesday, 5)).isEqualTo(LocalDate.of(2026, 12, 30));
        // Thursday 24th, then Tuesday 29th to Friday 1 January: Friday 25th and Monday 28th are holidays.
        assertThat(WorkingDays.after(wednesday, 5, christmas)).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
