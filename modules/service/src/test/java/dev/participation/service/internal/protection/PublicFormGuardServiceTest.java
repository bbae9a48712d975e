package dev.participation.service.internal.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import dev.participation.api.audit.AuditEntry;
import dev.participation.api.protection.GuardFields;
import dev.participation.api.protection.Screening;
import dev.participation.api.protection.Verdict;
import dev.participation.api.widget.HostRequest;
import dev.participation.api.widget.Message;
import dev.participation.service.internal.audit.AuditLogStore;
import dev.participation.service.internal.security.SharedSecretStore;
import dev.participation.service.internal.storage.Configs;
import dev.participation.service.internal.storage.DatabaseTest;
import dev.participation.service.internal.storage.TestDatabase.Kind;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PublicFormGuardServiceTest {

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

        static final String FORM = "feedback.comment";
        static final String VISITOR = "192.0.2.10";

        AuditLogStore audit;

        Contract(Kind kind) {
            super(kind);
        }

        @BeforeEach
        void audit() {
            audit = new AuditLogStore(database(), clock);
        }

        PublicFormGuardService guard(Object... config) {
            return new PublicFormGuardService(database(), new SharedSecretStore(database(), clock), audit, clock,
                    Configs.of(PublicFormGuardConfiguration.class, config));
        }

        /** A person who reads the form, types for a while and sends it. */
        Verdict sendAfterReading(PublicFormGuardService guard, String address) {
            GuardFields fields = guard.fields(FORM);
            clock.advance(Duration.ofSeconds(20));
            return guard.check(FORM, PostedForm.of(fields, address, "comment", "More benches, please"));
        }

        @Test
        void aPersonWhoTakesTheirTimeGetsThrough() {
            assertThat(sendAfterReading(guard(), VISITOR).passed()).isTrue();
        }

        @Test
        void aFilledHoneypotIsRefusedKindlyAndUsesUpNoAllowance() {
            PublicFormGuardService guard = guard("postsPerAddress", 1);
            GuardFields fields = guard.fields(FORM);
            clock.advance(Duration.ofSeconds(20));

            Verdict verdict = guard.check(FORM, PostedForm.of(fields, VISITOR, "comment", "Buy now")
                    .with(fields.honeypotName(), "http://spam.example"));

            assertThat(verdict.refusal()).contains(Message.of("protection.refused.honeypot"));
            assertThat(sendAfterReading(guard, VISITOR).passed()).isTrue();
        }

        @Test
        void aFormSentTooQuicklyIsRefusedAndTheNextSendWithAFreshFormWorks() {
            PublicFormGuardService guard = guard();
            GuardFields fields = guard.fields(FORM);
            clock.advance(Duration.ofSeconds(1));

            Verdict verdict = guard.check(FORM, PostedForm.of(fields, VISITOR, "comment", "Hi"));

            assertThat(verdict.refusal()).contains(Message.of("protection.refused.tooQuick"));
            // The form is drawn again with fresh fields; the person reads the message and sends again.
            assertThat(sendAfterReading(guard, VISITOR).passed()).isTrue();
        }

        @Test
        void theMinimumFillTimeIsConfigurable() {
            PublicFormGuardService guard = guard("minimumFillSeconds", 30);
            GuardFields fields = guard.fields(FORM);
            clock.advance(Duration.ofSeconds(20));

            assertThat(guard.check(FORM, PostedForm.of(fields, VISITOR)).refusal())
                    .contains(Message.of("protection.refused.tooQuick"));
        }

        @Test
        void aFormLeftOpenTooLongIsRefused() {
            PublicFormGuardService guard = guard("formOpenHours", 2);
            GuardFields fields = guard.fields(FORM);
            clock.advance(Duration.ofHours(2).plusSeconds(1));

            assertThat(guard.check(FORM, PostedForm.of(fields, VISITOR)).refusal())
                    .contains(Message.of("protection.refused.tooOld"));
        }

        @Test
        void aMissingOrForgedTokenIsRefused() {
            PublicFormGuardService guard = guard();
            GuardFields fields = guard.fields(FORM);
            clock.advance(Duration.ofSeconds(20));
            PostedForm posted = PostedForm.of(fields, VISITOR);

            assertThat(guard.check(FORM, posted.with(fields.tokenName(), null)).refusal())
                    .contains(Message.of("protection.refused.checkAgain"));
            assertThat(guard.check(FORM, posted.with(fields.tokenName(), "1.forged")).refusal())
                    .contains(Message.of("protection.refused.checkAgain"));
            assertThat(guard.check("events.booking", posted).refusal())
                    .contains(Message.of("protection.refused.checkAgain"));
        }

        @Test
        void everyNodeChecksWhatAnotherNodeDrew() {
            GuardFields drawnByOne = guard().fields(FORM);
            clock.advance(Duration.ofSeconds(20));

            assertThat(guard().check(FORM, PostedForm.of(drawnByOne, VISITOR)).passed()).isTrue();
        }

        @Test
        void oneAddressOverItsLimitIsToldWhenToTryAgainWhileOthersGetThrough() {
            PublicFormGuardService guard = guard("postsPerAddress", 3, "windowMinutes", 60);
            clock.advance(Duration.ofMinutes(15)); // 09:15, 45 minutes before the window ends
            for (int i = 0; i < 3; i++) {
                assertThat(sendAfterReading(guard, VISITOR).passed()).isTrue();
            }

            Verdict fourth = sendAfterReading(guard, VISITOR);

            assertThat(fourth.refusal()).contains(Message.of("protection.refused.busyHere", 44L));
            assertThat(sendAfterReading(guard, "192.0.2.99").passed()).isTrue();
            clock.advance(Duration.ofMinutes(45));
            assertThat(sendAfterReading(guard, VISITOR).passed()).isTrue();
        }

        @Test
        void theOverallLimitHoldsForEveryoneAndARefusedPostUsesUpNoAddressAllowance() {
            PublicFormGuardService guard = guard("postsOverall", 2, "postsPerAddress", 1);
            assertThat(sendAfterReading(guard, "192.0.2.1").passed()).isTrue();
            assertThat(sendAfterReading(guard, "192.0.2.2").passed()).isTrue();

            Verdict third = sendAfterReading(guard, "192.0.2.3");

            assertThat(third.refusal()).hasValueSatisfying(message ->
                    assertThat(message.key()).isEqualTo("protection.refused.busy"));
            // 192.0.2.3's refused post took nothing from its own allowance.
            assertThat(db.count("SELECT COUNT(*) FROM public_form_window WHERE counter LIKE 'address:%' AND posts > 0"))
                    .isEqualTo(2);
        }

        @Test
        void anOverallLimitOfNoneClosesTheFormDuringAnAttack() {
            PublicFormGuardService guard = guard("postsOverall", 0);

            assertThat(sendAfterReading(guard, VISITOR).refusal()).hasValueSatisfying(message ->
                    assertThat(message.key()).isEqualTo("protection.refused.busy"));
            assertThat(db.count("SELECT COUNT(*) FROM public_form_window WHERE counter = 'refused:overall-limit'"))
                    .isEqualTo(1);
        }

        @Test
        void withoutAnAddressOnlyTheOverallLimitCounts() {
            PublicFormGuardService guard = guard("postsOverall", 3, "postsPerAddress", 1);

            assertThat(sendAfterReading(guard, null).passed()).isTrue();
            assertThat(sendAfterReading(guard, null).passed()).isTrue();
        }

        @Test
        void theAddressIsNeverStored() {
            sendAfterReading(guard(), VISITOR);

            assertThat(db.count("SELECT COUNT(*) FROM public_form_window WHERE counter LIKE 'address:%'")).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM public_form_window WHERE counter LIKE ?", "%192.0.2%"))
                    .isZero();
        }

        @Test
        void parallelPostsOverALimitAdmitExactlyTheLimit() throws Exception {
            int limit = 7;
            int posts = 24;
            PostWindows windows = new PostWindows(database(), Duration.ofHours(1));
            List<PostWindows.Limit> limits = List.of(new PostWindows.Limit("all", limit));
            Instant now = clock.instant();
            int admitted = admittedAtOnce(windows, post -> limits, posts, now);

            assertThat(admitted).isEqualTo(limit);
            assertThat(db.count("SELECT posts FROM public_form_window WHERE counter = 'all'")).isEqualTo(limit);
        }

        @Test
        void postsWrittenTogetherStillTakeFromAllTheirLimitsOrFromNone() throws Exception {
            int posts = 30;
            PostWindows windows = new PostWindows(database(), Duration.ofHours(1));
            Instant now = clock.instant();
            // Ten addresses, three posts each, all at once against an overall limit of 5.
            int admitted = admittedAtOnce(windows, post -> List.of(new PostWindows.Limit("address:" + post % 10, 3),
                    new PostWindows.Limit("all", 5)), posts, now);

            assertThat(admitted).isEqualTo(5);
            // The 25 refused overall took nothing from their addresses.
            assertThat(db.count("SELECT SUM(posts) FROM public_form_window WHERE counter LIKE 'address:%'"))
                    .isEqualTo(5);
        }

        @Test
        void aLargeLimitIsLeasedInSharesSoARushDoesNotWriteEveryPost() {
            PostWindows windows = new PostWindows(database(), Duration.ofHours(1));
            List<PostWindows.Limit> limits = List.of(new PostWindows.Limit("all", 1000));
            Instant now = clock.instant();

            assertThat(windows.admit(FORM, limits, now)).isEmpty();
            assertThat(db.count("SELECT posts FROM public_form_window WHERE counter = 'all'")).isEqualTo(20);
            for (int i = 1; i < 20; i++) {
                assertThat(windows.admit(FORM, limits, now)).isEmpty();
            }
            assertThat(db.count("SELECT posts FROM public_form_window WHERE counter = 'all'")).isEqualTo(20);
            assertThat(windows.admit(FORM, limits, now)).isEmpty();
            assertThat(db.count("SELECT posts FROM public_form_window WHERE counter = 'all'")).isEqualTo(40);
        }

        @Test
        void twoNodesLeasingFromOneLargeLimitNeverAdmitMoreThanItAndUseItAll() throws Exception {
            int limit = 1000;
            List<PostWindows.Limit> limits = List.of(new PostWindows.Limit("all", limit));
            List<PostWindows> nodes = List.of(new PostWindows(database(), Duration.ofHours(1)),
                    new PostWindows(database(), Duration.ofHours(1)));
            Instant now = clock.instant();
            int threadsPerNode = 4;
            int postsPerThread = 200; // 1,600 posts in all, each node alone sending more than half the limit
            List<Callable<Integer>> senders = new ArrayList<>();
            for (PostWindows node : nodes) {
                for (int t = 0; t < threadsPerNode; t++) {
                    senders.add(() -> {
                        int mine = 0;
                        for (int i = 0; i < postsPerThread; i++) {
                            mine += node.admit(FORM, limits, now).isEmpty() ? 1 : 0;
                        }
                        return mine;
                    });
                }
            }

            int admitted = allAtOnce(senders, Duration.ofSeconds(120));

            // Both nodes posted until refused, so neither was left holding a lease: all of it was used.
            assertThat(admitted).isEqualTo(limit);
            assertThat(db.count("SELECT posts FROM public_form_window WHERE counter = 'all'")).isEqualTo(limit);
        }

        @Test
        void postsWrittenTogetherShareALeaseRatherThanEachTakingOne() throws Exception {
            // A rush's posts reach the database in groups of up to a hundred; if each took a lease
            // of its own, fifty of them would take all 1,000 and the rest would be turned away.
            int limit = 1000;
            int posts = 200;
            PostWindows windows = new PostWindows(database(), Duration.ofHours(1));
            List<PostWindows.Limit> limits = List.of(new PostWindows.Limit("address:rush", limit),
                    new PostWindows.Limit("all", limit));
            Instant now = clock.instant();
            int admitted = admittedAtOnce(windows, post -> limits, posts, now);

            assertThat(admitted).isEqualTo(posts);
            // Taken from the database: the posts and a lease or two left over, not a lease a post.
            long leftOverAtMost = 2L * PostWindows.leaseSize(limit);
            assertThat(db.count("SELECT posts FROM public_form_window WHERE counter = 'all'"))
                    .isBetween((long) posts, posts + leftOverAtMost);
            assertThat(db.count("SELECT posts FROM public_form_window WHERE counter = 'address:rush'"))
                    .isBetween((long) posts, posts + leftOverAtMost);
        }

        @Test
        void aScreenedPostIsCountedInItsWritersTransactionAndOnlyIfThatCommits() {
            PublicFormGuardService guard = guard("postsPerAddress", 1, "postsOverall", 1000);
            Screening first = screened(guard, VISITOR);
            assertThat(first.verdict().passed()).isTrue();
            assertThat(db.count("SELECT COUNT(*) FROM public_form_window")).isZero();

            // The writer's own work fails after the count: the count goes with it, memory included.
            assertThatThrownBy(() -> database().write(connection -> {
                assertThat(first.admit().passed()).isTrue();
                throw new IllegalStateException("the post's own record could not be written");
            })).hasMessageContaining("could not be written");
            assertThat(db.count("SELECT COUNT(*) FROM public_form_window")).isZero();

            // Committed with the writer's: the address's post, and a lease of the large limit...
            Verdict committed = database().write(connection -> first.admit());
            assertThat(committed.passed()).isTrue();
            assertThat(db.count("SELECT posts FROM public_form_window WHERE counter LIKE 'address:%'")).isEqualTo(1);
            assertThat(db.count("SELECT posts FROM public_form_window WHERE counter = 'all'")).isEqualTo(20);
            // ...whose spare, kept once it committed, serves the next post.
            Verdict second = database().write(connection -> screened(guard, "192.0.2.99").admit());
            assertThat(second.passed()).isTrue();
            assertThat(db.count("SELECT posts FROM public_form_window WHERE counter = 'all'")).isEqualTo(20);

            // The first address's allowance is used: its next post is refused.
            Verdict refused = database().write(connection -> screened(guard, VISITOR).admit());
            assertThat(refused.refusal()).isPresent();
            assertThat(db.count("SELECT SUM(posts) FROM public_form_window WHERE counter LIKE 'address:%'"))
                    .isEqualTo(2);
        }

        /** A post screened after the person took their time over the form. */
        Screening screened(PublicFormGuardService guard, String address) {
            GuardFields fields = guard.fields(FORM);
            clock.advance(Duration.ofSeconds(20));
            return guard.screen(FORM, PostedForm.of(fields, address, "comment", "More benches, please"));
        }

        @Test
        void aScreenedPostRefusedByARuleWithoutTheDatabaseIsRefusedAgainOnAdmissionAndCountsNothing() {
            PublicFormGuardService guard = guard();
            GuardFields fields = guard.fields(FORM);
            Screening tooQuick = guard.screen(FORM, PostedForm.of(fields, VISITOR, "comment", "x"));

            assertThat(tooQuick.verdict().refusal()).contains(Message.of("protection.refused.tooQuick"));
            Verdict admitted = database().write(connection -> tooQuick.admit());
            assertThat(admitted).isEqualTo(tooQuick.verdict());
            assertThat(db.count("SELECT COUNT(*) FROM public_form_window WHERE counter = 'all'"
                    + " OR counter LIKE 'address:%'")).isZero();
        }

        @Test
        void aPostRefusedOverallGivesBackWhatItTookFromALease() {
            PostWindows windows = new PostWindows(database(), Duration.ofHours(1));
            Instant now = clock.instant();
            PostWindows.Limit address = new PostWindows.Limit("address:x", 500);
            assertThat(windows.admit(FORM, List.of(address, new PostWindows.Limit("all", 1)), now)).isEmpty();

            // The overall limit is full: the address's lease keeps the post it would have used.
            assertThat(windows.admit(FORM, List.of(address, new PostWindows.Limit("all", 1)), now))
                    .hasValueSatisfying(full -> assertThat(full.counter()).isEqualTo("all"));
            int admittedAfter = 0;
            while (windows.admit(FORM, List.of(address), now).isEmpty()) {
                admittedAfter++;
            }
            assertThat(admittedAfter).isEqualTo(499);
        }

        /** Sends {@code posts} posts all at once, post {@code i} against {@code limitsOf(i)}; how many were admitted. */
        static int admittedAtOnce(PostWindows windows, IntFunction<List<PostWindows.Limit>> limitsOf, int posts,
                Instant now) throws Exception {
            List<Callable<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                List<PostWindows.Limit> limits = limitsOf.apply(i);
                sends.add(() -> windows.admit(FORM, limits, now).isEmpty() ? 1 : 0);
            }
            return allAtOnce(sends, Duration.ofSeconds(60));
        }

        /** Runs every task on its own thread, all released together, and adds up what they return. */
        static int allAtOnce(List<Callable<Integer>> tasks, Duration wait) throws Exception {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (Callable<Integer> task : tasks) {
                    answers.add(pool.submit(() -> {
                        ready.countDown();
                        ready.await(10, TimeUnit.SECONDS);
                        return task.call();
                    }));
                }
                int sum = 0;
                for (Future<Integer> answer : answers) {
                    sum += answer.get(wait.toSeconds(), TimeUnit.SECONDS);
                }
                return sum;
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void refusalsAreCountedAndStaffSeeThemInTheAuditLogWithoutBeingFlooded() {
            PublicFormGuardService guard = guard();
            GuardFields fields = guard.fields(FORM);
            clock.advance(Duration.ofSeconds(20));
            PostedForm bot = PostedForm.of(fields, VISITOR).with(fields.honeypotName(), "x");

            for (int i = 0; i < 12; i++) {
                assertThat(guard.check(FORM, bot).passed()).isFalse();
            }

            assertThat(db.count("SELECT posts FROM public_form_window WHERE counter = 'refused:honeypot'"))
                    .isEqualTo(12);
            List<AuditEntry> lines = audit.forRecord(Refusals.RECORD_TYPE, FORM);
            assertThat(lines).extracting(AuditEntry::detail).hasSize(2)
                    .allSatisfy(detail -> assertThat(detail).contains("hidden field").doesNotContain(VISITOR));
            assertThat(lines.get(0).detail()).startsWith("1 post refused");
            assertThat(lines.get(1).detail()).startsWith("10 posts refused");
        }

        @Test
        void retentionErasesWindowsLongOverAndKeepsTheCurrentOne() {
            PublicFormGuardService guard = guard();
            sendAfterReading(guard, VISITOR);
            clock.advance(Duration.ofDays(4));
            sendAfterReading(guard, VISITOR);
            PublicFormWindowRetention retention = new PublicFormWindowRetention(database(),
                    Configs.of(PublicFormWindowRetention.Config.class));

            int erased = retention.apply(clock.instant().minus(retention.keptFor()));

            assertThat(erased).isEqualTo(2);
            assertThat(db.count("SELECT COUNT(*) FROM public_form_window")).isEqualTo(2);
        }
    }
}
