package dev.participation.service.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.participation.api.jobs.JobSchedule;
import dev.participation.api.jobs.ScheduledJob;
import dev.participation.service.internal.storage.Configs;
import dev.participation.service.internal.storage.DatabaseTest;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JobSchedulerTest {

    /** The embedded portal: one node on H2. */
    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Kind.H2, 1);
        }
    }

    /** Several portal nodes sharing one PostgreSQL database. */
    @Nested
    class OnPostgreSQL extends Contract {
        OnPostgreSQL() {
            super(Kind.POSTGRESQL, 2);
        }
    }

    @Test
    void aDailyJobRunsAtItsTimeInTheSiteZone() {
        JobScheduler scheduler = new JobScheduler(null,
                java.time.Clock.fixed(Instant.EPOCH, ZoneId.of("Europe/London")), Configs.of(JobScheduler.Config.class));

        // 03:00 in London during summer time is 02:00 UTC.
        assertThat(scheduler.schedule(JobSchedule.dailyAt(LocalTime.of(3, 0)))
                .getInitialExecutionTime(Instant.parse("2026-07-01T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-02T02:00:00Z"));
    }

    abstract static class Contract extends DatabaseTest {

        private final int nodeCount;
        private final List<JobScheduler> nodes = new ArrayList<>();

        Contract(Kind kind, int nodeCount) {
            super(kind);
            this.nodeCount = nodeCount;
        }

        @BeforeEach
        void createCounter() throws SQLException {
            try (Connection connection = db.rawConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE job_run (job VARCHAR(50) NOT NULL)");
            }
        }

        @AfterEach
        void stopNodes() {
            nodes.forEach(JobScheduler::deactivate);
        }

        @Test
        void aDueJobRunsOnceAcrossAllNodesEachTimeItIsDue() {
            for (int i = 0; i < nodeCount; i++) {
                JobScheduler node = node();
                // Each node has its own instance of the job, as each node's widget bundle would register.
                node.addJob(countingJob("reminders"));
                node.activate();
            }

            // A new job is due at once; then it is made due again several times, as the clock would.
            for (int run = 1; run <= 4; run++) {
                if (run > 1) {
                    makeDue("reminders");
                    nodes.forEach(JobScheduler::checkNow);
                }
                int expected = run;
                pollUntil(() -> runs("reminders") >= expected && settled("reminders"));
                assertThat(runs("reminders")).as("runs after due execution %d", run).isEqualTo(run);
            }
        }

        @Test
        void aJobRegisteredLaterRunsAndAJobWithATakenNameDoesNot() {
            JobScheduler node = node();
            node.addJob(countingJob("reminders"));
            node.activate();

            node.addJob(countingJob("retention"));
            node.addJob(countingJob("retention"));
            pollUntil(() -> runs("retention") >= 1 && settled("retention"));

            assertThat(node.jobNames()).containsExactly("reminders", "retention");
            assertThat(runs("retention")).isEqualTo(1);
        }

        @Test
        void jobsRegisteredOneAfterAnotherAtStartUpStartTheSchedulerOnceWithAllOfThem() {
            JobScheduler node = node();
            node.activate();
            node.addJob(countingJob("reminders"));
            node.addJob(countingJob("retention"));
            node.addJob(countingJob("escalation"));

            pollUntil(() -> runs("reminders") >= 1 && runs("retention") >= 1 && runs("escalation") >= 1);

            assertThat(node.starts()).isEqualTo(1);
        }

        @Test
        void aRemovedJobIsNoLongerRunByThisNode() {
            JobScheduler node = node();
            ScheduledJob reminders = countingJob("reminders");
            node.addJob(reminders);
            node.activate();
            pollUntil(() -> runs("reminders") >= 1 && settled("reminders"));

            node.removeJob(reminders);

            assertThat(node.jobNames()).isEmpty();
        }

        private JobScheduler node() {
            JobScheduler node = new JobScheduler(db::dataSource, clock,
                    Configs.of(JobScheduler.Config.class, "pollingSeconds", 1));
            nodes.add(node);
            return node;
        }

        private ScheduledJob countingJob(String name) {
            return new ScheduledJob() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public JobSchedule schedule() {
                    // Not due again on its own while the test runs; the test makes it due.
                    return JobSchedule.everyMinutes(60);
                }

                @Override
                public void run() {
                    try (Connection connection = db.rawConnection();
                            PreparedStatement insert = connection.prepareStatement("INSERT INTO job_run (job) VALUES (?)")) {
                        insert.setString(1, name);
                        insert.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
        }

        private long runs(String job) {
            return db.count("SELECT COUNT(*) FROM job_run WHERE job = ?", job);
        }

        /** Not claimed by any node and next due in the future: no run is under way or pending. */
        private boolean settled(String job) {
            try (Connection connection = db.rawConnection(); PreparedStatement query = connection.prepareStatement(
                    "SELECT picked, execution_time FROM scheduled_tasks WHERE task_name = ?")) {
                query.setString(1, job);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() && !rows.getBoolean(1) && rows.getTimestamp(2).toInstant().isAfter(Instant.now());
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private void makeDue(String job) {
            try (Connection connection = db.rawConnection(); PreparedStatement update = connection.prepareStatement(
                    "UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ?")) {
                update.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
                update.setString(2, job);
                assertThat(update.executeUpdate()).isEqualTo(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void pollUntil(BooleanSupplier condition) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!condition.getAsBoolean()) {
                assertThat(System.nanoTime()).as("condition still false after 30 s").isLessThan(deadline);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
