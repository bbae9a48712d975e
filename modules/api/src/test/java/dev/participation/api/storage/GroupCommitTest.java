package dev.participation.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final GroupCommit<Long, String, String> commits = new GroupCommit<>(100);

    @Test
    void callersWhoArriveDuringAWriteAreWrittenTogetherInArrivalOrderAndEachGetsTheirOwnAnswer() throws Exception {
        List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(11);
        try {
            Future<String> first = pool.submit(() -> commits.submit(1L, "P0", group -> {
                groups.add(inputs(group));
                firstWriteStarted.countDown();
                await(othersQueued);
                answerAll(group);
            }));
            firstWriteStarted.await(5, TimeUnit.SECONDS);
            List<Future<String>> others = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                String input = "P" + i;
                others.add(pool.submit(() -> commits.submit(1L, input, group -> {
                    groups.add(inputs(group));
                    answerAll(group);
                })));
                // Each joins the queue before the next is sent, so arrival order is known.
                awaitWaiting(i);
            }
            othersQueued.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("written P0");
            for (int i = 1; i <= 10; i++) {
                assertThat(others.get(i - 1).get(5, TimeUnit.SECONDS)).isEqualTo("written P" + i);
            }
            assertThat(groups).as("one write for the first, one for everyone who came meanwhile").containsExactly(
                    List.of("P0"), List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLongRushOnFewKeysWritesEveryoneOnceOneGroupAtATimePerKeyAndLeavesNobodyWaiting() throws Exception {
        GroupCommit<Long, String, String> small = new GroupCommit<>(5);
        int callers = 24;
        int each = 400;
        Set<String> written = ConcurrentHashMap.newKeySet();
        List<AtomicInteger> writing = List.of(new AtomicInteger(), new AtomicInteger());
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                answers.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        long key = i % 2;
                        mine.add(small.submit(key, caller + "-" + i, group -> {
                            if (writing.get((int) key).incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            for (GroupCommit.Entry<String, String> entry : group) {
                                if (!written.add(entry.input())) {
                                    duplicates.incrementAndGet();
                                }
                            }
                            answerAll(group);
                            writing.get((int) key).decrementAndGet();
                        }));
                    }
                    return mine;
                }));
            }
            for (int c = 0; c < callers; c++) {
                // A caller left asleep with nobody to wake it would never answer.
                List<String> mine = answers.get(c).get(60, TimeUnit.SECONDS);
                for (int i = 0; i < each; i++) {
                    assertThat(mine.get(i)).isEqualTo("written " + c + "-" + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(written).hasSize(callers * each);
        assertThat(duplicates).as("written twice").hasValue(0);
        assertThat(overlaps).as("two groups of one key written at once").hasValue(0);
    }

    @Test
    void aGroupHoldsAtMostItsMaximumAndTheRestAreWrittenNext() throws Exception {
        GroupCommit<Long, String, String> small = new GroupCommit<>(3);
        List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> small.submit(1L, "P0", group -> {
                groups.add(inputs(group));
                firstWriteStarted.countDown();
                await(othersQueued);
                answerAll(group);
            })));
            firstWriteStarted.await(5, TimeUnit.SECONDS);
            for (int i = 1; i <= 5; i++) {
                String input = "P" + i;
                answers.add(pool.submit(() -> small.submit(1L, input, group -> {
                    groups.add(inputs(group));
                    answerAll(group);
                })));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (small.waiting(1L) < i && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
            othersQueued.countDown();
            for (int i = 0; i <= 5; i++) {
                assertThat(answers.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("written P" + i);
            }
            assertThat(groups).containsExactly(List.of("P0"), List.of("P1", "P2", "P3"), List.of("P4", "P5"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusalReachesOnlyTheCallerRefused() {
        assertThatThrownBy(() -> commits.submit(2L, "Refused", group ->
                group.forEach(e -> e.fail(new IllegalArgumentException("not open")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not open");
        assertThat(commits.submit(2L, "P5", GroupCommitTest::answerAll)).isEqualTo("written P5");
    }

    @Test
    void aWriteThatBreaksDownAnswersEveryoneItTookInsteadOfLeavingThemWaiting() {
        assertThatThrownBy(() -> commits.submit(3L, "P1", group -> {
            throw new IllegalStateException("disk full");
        })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        // The queue is not stuck: the next write is done.
        assertThat(commits.submit(3L, "P2", GroupCommitTest::answerAll)).isEqualTo("written P2");
    }

    @Test
    void anEntryTheWriteLeavesUndecidedFailsRatherThanAnsweringNothing() {
        assertThatThrownBy(() -> commits.submit(4L, "P1", group -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    private static List<String> inputs(List<GroupCommit.Entry<String, String>> group) {
        return group.stream().map(GroupCommit.Entry::input).toList();
    }

    private static void answerAll(List<GroupCommit.Entry<String, String>> group) {
        for (GroupCommit.Entry<String, String> e : group) {
            e.succeed("written " + e.input());
        }
    }

    private void awaitWaiting(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (commits.waiting(1L) < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(commits.waiting(1L)).as("writes waiting their turn").isEqualTo(count);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
