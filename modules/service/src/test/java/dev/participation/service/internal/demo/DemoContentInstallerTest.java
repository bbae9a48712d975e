package dev.participation.service.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

import dev.participation.api.demo.DemoContent;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.storage.DatabaseTest;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DemoContentInstallerTest {

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

    @Test
    void configurationDecidesAndOtherwiseTheFrameworkPropertyDoes() {
        assertThat(DemoContentInstaller.isEnabled(Map.of(), "true")).isTrue();
        assertThat(DemoContentInstaller.isEnabled(Map.of(), null)).isFalse();
        assertThat(DemoContentInstaller.isEnabled(Map.of("enabled", false), "true")).isFalse();
        assertThat(DemoContentInstaller.isEnabled(Map.of("enabled", true), null)).isTrue();
    }

    /** Runs installs on the calling thread so the test sees their effect at once. */
    static final class DirectExecutor extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    abstract static class Contract extends DatabaseTest {

        final List<String> installed = Collections.synchronizedList(new ArrayList<>());

        Contract(Kind kind) {
            super(kind);
        }

        /** A contribution that writes an audit line through the ordinary services, as real ones do. */
        DemoContent pledge(String key, boolean fails) {
            AuditLogStore audit = new AuditLogStore(database(), clock);
            return new DemoContent() {
                @Override
                public String key() {
                    return key;
                }

                @Override
                public void install(String actor) {
                    audit.record(actor, "pledge.publish", "pledge", key, "demo");
                    if (fails) {
                        throw new IllegalStateException("demo broke half way");
                    }
                    installed.add(key);
                }
            };
        }

        DemoContentInstaller node(boolean enabled) {
            DemoContentInstaller installer = new DemoContentInstaller(new DemoContentInstallation(database(), clock),
                    enabled, new DirectExecutor());
            return installer;
        }

        @Test
        void eachContributionIsInstalledOncePerDatabaseIncludingLateOnes() {
            DemoContentInstaller first = node(true);
            first.addContent(pledge("pledge", false));
            first.start();
            first.addContent(pledge("groups", false));

            DemoContentInstaller second = node(true);
            second.addContent(pledge("pledge", false));
            second.addContent(pledge("groups", false));
            second.start();

            assertThat(installed).containsExactly("pledge", "groups");
            assertThat(db.count("SELECT COUNT(*) FROM demo_content_installed")).isEqualTo(2);
        }

        @Test
        void nothingIsInstalledWhenTheSwitchIsOff() {
            DemoContentInstaller installer = node(false);
            installer.addContent(pledge("pledge", false));
            installer.start();

            assertThat(installed).isEmpty();
            assertThat(db.count("SELECT COUNT(*) FROM demo_content_installed")).isZero();
        }

        @Test
        void aFailedInstallLeavesNoTraceAndIsTriedAgainNextTime() {
            DemoContentInstaller broken = node(true);
            broken.addContent(pledge("pledge", true));
            broken.start();
            assertThat(db.count("SELECT COUNT(*) FROM demo_content_installed")).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM audit_log")).isZero();

            DemoContentInstaller fixed = node(true);
            fixed.addContent(pledge("pledge", false));
            fixed.start();
            assertThat(installed).containsExactly("pledge");
        }
    }
}
