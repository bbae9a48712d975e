package dev.participation.service.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import dev.participation.api.audit.AuditEntry;
import dev.participation.api.audit.AuditLine;
import dev.participation.service.internal.storage.DatabaseTest;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuditLogStoreTest {

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
        void createStore() {
            audit = new AuditLogStore(database(), clock);
        }

        @Test
        void recentShowsTheNewestFirstUpToTheLimit() {
            audit.record("amira", "pledge.publish", "pledge", "p1", "first");
            clock.advance(Duration.ofMinutes(1));
            audit.record("ben", "pledge.publish", "pledge", "p2", "second");
            clock.advance(Duration.ofMinutes(1));
            audit.record("chloe", "event.cancel", "event", "e1", "third");

            assertThat(audit.recent(2)).extracting(AuditEntry::detail).containsExactly("third", "second");
            AuditEntry newest = audit.recent(1).get(0);
            assertThat(newest.actor()).isEqualTo("chloe");
            assertThat(newest.at()).isEqualTo(clock.instant());
        }

        @Test
        void pagesWalkTheWholeLogBackAndForthByIdNewestFirst() {
            for (int i = 1; i <= 7; i++) {
                audit.record("amira", "widget.configure", "widget-instance", "w" + i, "line " + i);
            }
            List<AuditEntry> newest = audit.olderThan(Long.MAX_VALUE, 3);
            assertThat(newest).extracting(AuditEntry::detail).containsExactly("line 7", "line 6", "line 5");

            List<AuditEntry> older = audit.olderThan(newest.get(2).id(), 3);
            assertThat(older).extracting(AuditEntry::detail).containsExactly("line 4", "line 3", "line 2");
            List<AuditEntry> oldest = audit.olderThan(older.get(2).id(), 3);
            assertThat(oldest).extracting(AuditEntry::detail).containsExactly("line 1");
            assertThat(audit.olderThan(oldest.get(0).id(), 3)).isEmpty();

            // Back towards the newest: the page just above the first line shown, newest first.
            assertThat(audit.newerThan(oldest.get(0).id(), 3)).extracting(AuditEntry::detail)
                    .containsExactly("line 4", "line 3", "line 2");
            assertThat(audit.newerThan(older.get(0).id(), 3)).extracting(AuditEntry::detail)
                    .containsExactly("line 7", "line 6", "line 5");
            assertThat(audit.newerThan(newest.get(0).id(), 3)).isEmpty();

            // A line written meanwhile shifts no page: it only adds one at the newest end.
            audit.record("ben", "pledge.publish", "pledge", "p1", "line 8");
            assertThat(audit.olderThan(newest.get(2).id(), 3)).isEqualTo(older);
            assertThat(audit.newerThan(newest.get(0).id(), 3)).extracting(AuditEntry::detail)
                    .containsExactly("line 8");
        }

        @Test
        void forRecordShowsOneRecordsHistoryOldestFirst() {
            audit.record("amira", "widget.place", "widget-instance", "w1", "placed");
            audit.record("amira", "widget.place", "widget-instance", "w2", "other");
            audit.record("ben", "widget.configure", "widget-instance", "w1", "configured");

            assertThat(audit.forRecord("widget-instance", "w1"))
                    .extracting(AuditEntry::action, AuditEntry::actor)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("widget.place", "amira"),
                            org.assertj.core.groups.Tuple.tuple("widget.configure", "ben"));
        }

        @Test
        void aLineRecordedInAFailedChangeIsRolledBackWithIt() {
            assertThatThrownBy(() -> database().write(connection -> {
                audit.record("amira", "pledge.publish", "pledge", "p1", "published");
                throw new IllegalStateException("publishing failed");
            })).hasMessage("publishing failed");

            assertThat(audit.recent(10)).isEmpty();
        }

        @Test
        void linesRecordedTogetherAreKeptInOrderAndRolledBackTogether() {
            audit.recordAll(List.of(new AuditLine("public", "event.booking.sign-up", "event-booking", "1", "Booked 1"),
                    new AuditLine("sam", "event.booking.add-for", "event-booking", "2", "x".repeat(5000)),
                    new AuditLine("public", "event.booking.sign-up", "event-booking", "3", null)));
            assertThatThrownBy(() -> database().write(connection -> {
                audit.recordAll(List.of(new AuditLine("amira", "pledge.publish", "pledge", "p1", "published"),
                        new AuditLine("amira", "pledge.publish", "pledge", "p2", "published")));
                throw new IllegalStateException("publishing failed");
            })).hasMessage("publishing failed");
            audit.recordAll(List.of());

            List<AuditEntry> lines = audit.recent(10);
            assertThat(lines).extracting(AuditEntry::recordId).containsExactly("3", "2", "1");
            assertThat(lines.get(0).detail()).isEmpty();
            assertThat(lines.get(1).detail()).hasSize(AuditLogStore.MAX_DETAIL);
            assertThat(lines.get(1).actor()).isEqualTo("sam");
        }

        @Test
        void anOverlongDetailIsCutNotLost() {
            audit.record("amira", "form.publish", "form", "f1", "x".repeat(5000));

            assertThat(audit.recent(1).get(0).detail()).hasSize(AuditLogStore.MAX_DETAIL).startsWith("xxx");
        }
    }
}
