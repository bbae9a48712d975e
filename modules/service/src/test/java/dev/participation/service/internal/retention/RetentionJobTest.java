package dev.participation.service.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import dev.participation.api.audit.AuditEntry;
import dev.participation.api.jobs.JobSchedule;
import dev.participation.api.retention.RetentionRule;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.storage.Configs;
import dev.participation.service.internal.storage.DatabaseTest;
import dev.participation.api.storage.Sql;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RetentionJobTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Kind.H2);
        }
    }

    @Nested
    class OnPostgreSQL extends Contract {
        OnPostgreSQL() {
            super(Kind.POSTGRESQL);
        }
    }

    abstract static class Contract extends DatabaseTest {

        AuditLogStore audit;

        Contract(Kind kind) {
            super(kind);
        }

        @BeforeEach
        void createRecords() {
            audit = new AuditLogStore(database(), clock);
            Instant now = clock.instant();
            database().write(connection -> {
                try (PreparedStatement account = connection.prepareStatement("INSERT INTO account (username,"
                        + " display_name, password_hash, created_at, updated_at) VALUES ('amira', 'Amira', 'x', ?, ?)")) {
                    Sql.setInstant(account, 1, now);
                    Sql.setInstant(account, 2, now);
                    account.executeUpdate();
                }
                session(connection, "expired-10-days-ago", now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(5)));
                session(connection, "ended-10-days-ago", now.plus(Duration.ofDays(1)), now.minus(Duration.ofDays(10)));
                session(connection, "expired-2-days-ago", now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(5)));
                session(connection, "live", now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(5)));
                throttle(connection, "address:forgotten", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
                throttle(connection, "account:recent", now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(1)));
                throttle(connection, "address:still-blocked", now.minus(Duration.ofDays(3)), now.plus(Duration.ofHours(1)));
                return null;
            });
        }

        @Test
        void eachRuleErasesWhatIsPastItsPeriodAndLeavesOneAuditLineSaying() {
            RetentionJob job = job(sessions(7), throttle(24));

            job.run();

            assertThat(keys("SELECT token_hash FROM sign_in_session"))
                    .containsExactlyInAnyOrder("expired-2-days-ago", "live");
            assertThat(keys("SELECT throttle_key FROM sign_in_throttle"))
                    .containsExactlyInAnyOrder("account:recent", "address:still-blocked");
            assertThat(audit.recent(10))
                    .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::recordType, AuditEntry::detail)
                    .containsExactlyInAnyOrder(
                            tuple("system", "retention.erase", "sign-in-session",
                                    "Erased 2 kept longer than 7 days after the session expired"),
                            tuple("system", "retention.erase", "sign-in-throttle",
                                    "Erased 1 kept longer than 1 day after the last failed sign-in"));
        }

        @Test
        void theConfiguredPeriodDecidesWhatIsPastIt() {
            job(sessions(1), throttle(24 * 5)).run();

            assertThat(keys("SELECT token_hash FROM sign_in_session")).containsExactly("live");
            assertThat(keys("SELECT throttle_key FROM sign_in_throttle"))
                    .containsExactlyInAnyOrder("address:forgotten", "account:recent", "address:still-blocked");
        }

        @Test
        void aFailingRuleIsRecordedAndTheOthersStillRun() {
            RetentionRule broken = new RetentionRule() {
                @Override
                public String recordType() {
                    return "event-booking";
                }

                @Override
                public Duration keptFor() {
                    return Duration.ofDays(30);
                }

                @Override
                public String keptFrom() {
                    return "the event";
                }

                @Override
                public Treatment treatment() {
                    return Treatment.ANONYMISE;
                }

                @Override
                public int apply(Instant cutoff) {
                    throw new IllegalStateException("the bookings table is missing");
                }
            };

            job(broken, sessions(7)).run();

            assertThat(keys("SELECT token_hash FROM sign_in_session")).hasSize(2);
            assertThat(audit.forRecord("event-booking", "*")).singleElement().satisfies(line -> {
                assertThat(line.action()).isEqualTo("retention.fail");
                assertThat(line.detail()).startsWith("Nothing changed").contains("30 days after the event");
            });
        }

        @Test
        void runsDailyAtTheConfiguredTime() {
            assertThat(job().schedule()).isEqualTo(JobSchedule.dailyAt(LocalTime.of(3, 30)));
            assertThat(new RetentionJob(database(), audit, clock, Configs.of(RetentionJob.Config.class, "dailyAt", "01:15"))
                    .schedule()).isEqualTo(JobSchedule.dailyAt(LocalTime.of(1, 15)));
        }

        private RetentionJob job(RetentionRule... rules) {
            RetentionJob job = new RetentionJob(database(), audit, clock, Configs.of(RetentionJob.Config.class));
            for (RetentionRule rule : rules) {
                job.addRule(rule);
            }
            return job;
        }

        private SignInSessionRetention sessions(int days) {
            return new SignInSessionRetention(database(), Configs.of(SignInSessionRetention.Config.class, "keptDays", days));
        }

        private SignInThrottleRetention throttle(int hours) {
            return new SignInThrottleRetention(database(), clock,
                    Configs.of(SignInThrottleRetention.Config.class, "keptHours", hours));
        }

        private List<String> keys(String sql) {
            return database().read(connection -> {
                List<String> keys = new ArrayList<>();
                try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        keys.add(rows.getString(1));
                    }
                }
                return keys;
            });
        }

        private static void session(Connection connection, String token, Instant idleEnd, Instant absoluteEnd)
                throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sign_in_session (token_hash,"
                    + " username, started_at, last_seen_at, idle_expires_at, absolute_expires_at)"
                    + " VALUES (?, 'amira', ?, ?, ?, ?)")) {
                Instant started = absoluteEnd.minus(Duration.ofDays(14));
                insert.setString(1, token);
                Sql.setInstant(insert, 2, started);
                Sql.setInstant(insert, 3, started);
                Sql.setInstant(insert, 4, idleEnd);
                Sql.setInstant(insert, 5, absoluteEnd);
                insert.executeUpdate();
            }
        }

        private static void throttle(Connection connection, String key, Instant lastFailure, Instant blockedUntil)
                throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sign_in_throttle (throttle_key,"
                    + " failures, last_failure_at, blocked_until) VALUES (?, 3, ?, ?)")) {
                insert.setString(1, key);
                Sql.setInstant(insert, 2, lastFailure);
                Sql.setInstant(insert, 3, blockedUntil);
                insert.executeUpdate();
            }
        }
    }
}
