package dev.participation.api.jobs;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/** When a {@link ScheduledJob} runs: daily at a time of day in the site's time zone, or every N minutes. */
public final class JobSchedule {

    private final LocalTime dailyAt;
    private final int everyMinutes;

    private JobSchedule(LocalTime dailyAt, int everyMinutes) {
        this.dailyAt = dailyAt;
        this.everyMinutes = everyMinutes;
    }

    /** Once a day at this local time in the site's time zone (the participation clock's zone). */
    public static JobSchedule dailyAt(LocalTime time) {
        return new JobSchedule(Objects.requireNonNull(time, "time"), 0);
    }

    /**
     * Again this many minutes after the previous run finished; the first run is as soon as the
     * job is first registered on any node.
     */
    public static JobSchedule everyMinutes(int minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException("A job runs at most once a minute, not every " + minutes);
        }
        return new JobSchedule(null, minutes);
    }

    /** The time of day for a daily job; empty for an every-N-minutes job. */
    public Optional<LocalTime> dailyAt() {
        return Optional.ofNullable(dailyAt);
    }

    /** The minutes between runs; 0 for a daily job. */
    public int everyMinutes() {
        return everyMinutes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JobSchedule that && Objects.equals(dailyAt, that.dailyAt)
                && everyMinutes == that.everyMinutes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dailyAt, everyMinutes);
    }

    @Override
    public String toString() {
        return dailyAt != null ? "daily at " + dailyAt : "every " + everyMinutes + " minutes";
    }
}
