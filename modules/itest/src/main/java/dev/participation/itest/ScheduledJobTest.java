package dev.participation.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.participation.api.jobs.JobSchedule;
import dev.participation.api.jobs.ScheduledJob;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * The embedded db-scheduler (not itself a bundle) runs inside the service bundle: a job another
 * bundle registers as a service is run on the portal's database.
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
}
