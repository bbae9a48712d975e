package dev.participation.api.jobs;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Work a bundle registers as an OSGi service to have it run on a schedule. However many portal
 * nodes share the database, each due run happens on one of them only.
 *
 * <p>Implemented by widget bundles, so this is a consumer type: the platform only calls it.
 */
@ConsumerType
public interface ScheduledJob {

    /**
     * Identifies the job across nodes and restarts; two services with the same name are one job,
     * so keep it stable and unique, for example {@code events.reminders}.
     */
    String name();

    JobSchedule schedule();

    /**
     * Does one run. An exception marks the run failed; the job still runs at its next scheduled
     * time.
     */
    void run();
}
