package dev.participation.events.internal.store;

import static dev.participation.events.EventExamples.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.participation.events.EventExamples;
import dev.participation.events.api.BookingState;
import dev.participation.events.api.EventProblem;
import dev.participation.events.api.SignUpReceipt;

import org.junit.jupiter.api.Test;

class SignUpQueueTest {

    private final SignUpQueue queue = new SignUpQueue();

    private static SignUpReceipt receipt(long id) {
        return new SignUpReceipt(id, 1, BookingState.PLACE, null, 1, null, "token-" + id, false);
    }

    @Test
    void peopleWhoArriveDuringAWriteAreWrittenTogetherInArrivalOrderAndEachGetsTheirOwnAnswer() throws Exception {
        List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(11);
        try {
            Future<SignUpReceipt> first = pool.submit(() -> queue.submit(1, pending("P0"), group -> {
                groups.add(names(group));
                firstWriteStarted.countDown();
                await(othersQueued);
                answerAll(group);
            }));
            firstWriteStarted.await(5, TimeUnit.SECONDS);
            List<Future<SignUpReceipt>> others = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                SignUpQueue.Pending pending = pending("P" + i);
                others.add(pool.submit(() -> queue.submit(1, pending, group -> {
                    groups.add(names(group));
                    answerAll(group);
                })));
                // Each joins the queue before the next is sent, so arrival order is known.
                awaitWaiting(i);
            }
            othersQueued.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS).cancelToken()).isEqualTo("token-0");
            for (int i = 1; i <= 10; i++) {
                assertThat(others.get(i - 1).get(5, TimeUnit.SECONDS).cancelToken()).isEqualTo("token-" + i);
            }
            assertThat(groups).as("one write for the first, one for everyone who came meanwhile").containsExactly(
                    List.of("P0"), List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusalReachesOnlyThePersonRefused() {
        SignUpQueue.Pending refused = pending("Refused");
        assertThatThrownBy(() -> queue.submit(2, refused, group -> {
            group.forEach(p -> p.fail(EventProblem.of("", "events.error.notOpen")));
            group.forEach(SignUpQueue.Pending::answer);
        })).isInstanceOf(EventProblem.class);
        SignUpReceipt next = queue.submit(2, pending("P5"), group -> answerAll(group));
        assertThat(next.cancelToken()).isEqualTo("token-5");
    }

    @Test
    void aWriteThatBreaksDownAnswersEveryoneItTookInsteadOfLeavingThemWaiting() {
        assertThatThrownBy(() -> queue.submit(3, pending("P1"), group -> {
            throw new IllegalStateException("disk full");
        })).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        // The queue is not stuck: the next sign-up is written.
        assertThat(queue.submit(3, pending("P2"), group -> answerAll(group)).cancelToken()).isEqualTo("token-2");
    }

    private static SignUpQueue.Pending pending(String name) {
        return new SignUpQueue.Pending(person(name), EventExamples.LINK, SignUpStore.PUBLIC);
    }

    private static List<String> names(List<SignUpQueue.Pending> group) {
        return group.stream().map(p -> p.form.attendees().get(0).firstName()).toList();
    }

    private static void answerAll(List<SignUpQueue.Pending> group) {
        for (SignUpQueue.Pending p : group) {
            p.succeed(receipt(Long.parseLong(p.form.attendees().get(0).firstName().substring(1))));
            p.answer();
        }
    }

    private void awaitWaiting(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (queue.waiting(1) < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(queue.waiting(1)).as("sign-ups waiting their turn").isEqualTo(count);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
