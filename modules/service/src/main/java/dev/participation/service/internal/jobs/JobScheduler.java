package dev.participation.service.internal.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import dev.participation.api.jobs.JobSchedule;
import dev.participation.api.jobs.ScheduledJob;
import dev.participation.service.internal.storage.DirectConnections;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Runs every registered {@link ScheduledJob} with db-scheduler on the shared database, so each due
 * run happens on one portal node only. Starts once the database is migrated (the
 * {@link DirectConnections} service appears only then) and stops when this component does.
 *
 * <p>db-scheduler fixes its tasks when it is built, so the scheduler is rebuilt when jobs come or
 * go. Nothing is lost by that: what is due lives in the table, not in this node's memory. At
 * start-up the bundles register their jobs one after another, so the rebuild waits until they
 * have settled ({@link Config#settleMillis}) and happens on a thread of its own: built for every
 * job in turn, on the thread that registered it, it had stood three times in the portal's start.
 */
@Component(immediate = true, configurationPid = JobScheduler.PID)
@Designate(ocd = JobScheduler.Config.class)
public final class JobScheduler {

    public static final String PID = "dev.participation.jobs";
    private static final System.Logger LOG = System.getLogger(JobScheduler.class.getName());

    @ObjectClassDefinition(name = "Participation scheduled jobs",
            description = "How often this portal node looks for due jobs in the shared database.")
    public @interface Config {

        @AttributeDefinition(name = "Polling interval (seconds)", min = "1", max = "3600",
                description = "A due job starts at most this long after its time.")
        int pollingSeconds() default 10;

        @AttributeDefinition(name = "Threads", min = "1", max = "50",
                description = "Jobs this node runs at the same time.")
        int threads() default 2;

        @AttributeDefinition(name = "Shutdown wait (seconds)", min = "0", max = "3600",
                description = "How long stopping waits for running jobs to finish.")
        int shutdownSeconds() default 30;

        @AttributeDefinition(name = "Settle time (milliseconds)", min = "0", max = "60000",
                description = "After jobs come or go, how long to wait for more before starting the scheduler"
                        + " again with all of them.")
        int settleMillis() default 500;
    }

    private final Map<String, ScheduledJob> jobs = new TreeMap<>();
    private final DirectConnections connections;
    private final Clock clock;
    private final Config config;
    private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "participation-jobs-start");
        thread.setDaemon(true);
        return thread;
    });
    private boolean active;
    private Scheduler scheduler;
    private ScheduledFuture<?> pendingStart;
    private int starts;

    @Activate
    public JobScheduler(@Reference DirectConnections connections, @Reference Clock clock, Config config) {
        this.connections = connections;
        this.clock = clock;
        this.config = config;
    }

    @Activate
    synchronized void activate() {
        active = true;
        restart();
    }

    @Deactivate
    synchronized void deactivate() {
        active = false;
        cancelPendingStart();
        stop();
        starter.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    synchronized void addJob(ScheduledJob job) {
        ScheduledJob earlier = jobs.putIfAbsent(job.name(), job);
        if (earlier != null) {
            LOG.log(System.Logger.Level.WARNING, "Two scheduled jobs are named {0}; only the first one runs",
                    job.name());
            return;
        }
        restart();
    }

    synchronized void removeJob(ScheduledJob job) {
        if (jobs.remove(job.name(), job)) {
            restart();
        }
    }

    /** How many times this node has started its scheduler, for the tests. */
    synchronized int starts() {
        return starts;
    }

    /** The names of the jobs this node runs, for the tests and the log. */
    synchronized List<String> jobNames() {
        return List.copyOf(jobs.keySet());
    }

    /** Looks for due runs now rather than at the next poll (starting at once if a start is waiting). */
    synchronized void checkNow() {
        if (pendingStart != null) {
            cancelPendingStart();
            start();
        }
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    private void restart() {
        // Initial jobs bind before activation; starting once they are all there saves rebuilds.
        if (!active) {
            return;
        }
        cancelPendingStart();
        pendingStart = starter.schedule(this::startSettled, Math.max(0, config.settleMillis()), TimeUnit.MILLISECONDS);
    }

    private synchronized void startSettled() {
        if (pendingStart != null && active) {
            pendingStart = null;
            start();
        }
    }

    private void cancelPendingStart() {
        if (pendingStart != null) {
            pendingStart.cancel(false);
            pendingStart = null;
        }
    }

    private void start() {
        stop();
        starts++;
        List<RecurringTask<Void>> tasks = new ArrayList<>();
        for (ScheduledJob job : jobs.values()) {
            tasks.add(Tasks.recurring(job.name(), schedule(job.schedule()))
                    .execute((instance, context) -> job.run()));
        }
        scheduler = Scheduler.create(connections.dataSource())
                .startTasks(tasks)
                .pollingInterval(Duration.ofSeconds(Math.max(1, config.pollingSeconds())))
                .threads(Math.max(1, config.threads()))
                .shutdownMaxWait(Duration.ofSeconds(Math.max(0, config.shutdownSeconds())))
                .build();
        scheduler.start();
        LOG.log(System.Logger.Level.INFO, "Scheduled jobs running: {0}", jobs.keySet());
    }

    private void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    Schedule schedule(JobSchedule schedule) {
        return schedule.dailyAt()
                .<Schedule>map(time -> Schedules.daily(clock.getZone(), time))
                .orElseGet(() -> Schedules.fixedDelay(Duration.ofMinutes(schedule.everyMinutes())));
    }
}
