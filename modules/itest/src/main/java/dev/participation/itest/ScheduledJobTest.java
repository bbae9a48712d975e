package dev.participation.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.participation.api.jobs.JobSchedule;
import dev.participation.api.jobs.ScheduledJob;
import dev.participation.api.retention.RetentionRule;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * The embedded db-scheduler (not itself a bundle) runs inside the service bundle: a job another
 * bundle registers as a service is run on the portal's database, and the retention job and rules
 * for today's personal records are there once the database is.
 */
class ScheduledJobTest {

    @InjectBundleContext
    BundleContext context;

    @Test
    void aRegisteredJobRunsOnTheEmbeddedDatabase() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        String name = "itest.job-" + UUID.randomUUID();
        ScheduledJob job = new ScheduledJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public JobSchedule schedule() {
                return JobSchedule.everyMinutes(60);
            }

            @Override
            public void run() {
                ran.countDown();
            }
        };
        Dictionary<String, Object> properties = new Hashtable<>();
        ServiceRegistration<ScheduledJob> registration = context.registerService(ScheduledJob.class, job, properties);
        try {
            // A new every-N-minutes job is due at once; the bound covers startup and the 10 s poll.
            assertThat(ran.await(90, TimeUnit.SECONDS)).as("job %s ran", name).isTrue();
        } finally {
            registration.unregister();
        }
    }

    @Test
    void theRetentionJobAndTheSignInRulesAreRegistered() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Set<String> ruleTypes = new TreeSet<>();
        Set<String> jobNames = new TreeSet<>();
        // The components wait for the database, which the launch connects in the background.
        while (!(jobNames.contains("platform.retention") && ruleTypes.size() >= 2)) {
            assertThat(System.nanoTime()).as("retention services after 60 s: %s %s", jobNames, ruleTypes)
                    .isLessThan(deadline);
            Thread.sleep(100);
            ruleTypes.clear();
            jobNames.clear();
            for (var reference : context.getServiceReferences(RetentionRule.class, null)) {
                ruleTypes.add(context.getService(reference).recordType());
                context.ungetService(reference);
            }
            for (var reference : context.getServiceReferences(ScheduledJob.class, null)) {
                jobNames.add(context.getService(reference).name());
                context.ungetService(reference);
            }
        }
        assertThat(ruleTypes).contains("sign-in-session", "sign-in-throttle");
    }
}
