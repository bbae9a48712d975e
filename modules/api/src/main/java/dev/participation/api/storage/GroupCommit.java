package dev.participation.api.storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes that arrive while another write of the same kind is under way wait here and are then
 * written together, in arrival order, by one transaction: a group commit.
 *
 * <p>A write that must take a hot row's lock (a session's places, a form's post count) and commit
 * while holding it goes at the speed of commits, and each commit waits for the disk. In a rush,
 * the callers who arrive during one commit are written by the next one together, so the disk is
 * waited for once per group rather than once per caller. Nobody gets an answer before the commit
 * that holds their write; nodes sharing a database still take turns on the row lock, as before.
 *
 * <p>Each key (a session, say) has its own queue and turn. The first waiting caller to get its turn
 * writes everyone waiting for that key (up to the group's maximum); callers it wrote find their
 * answer ready when their own turn comes and return at once.
 *
 * @param <K> what a queue is for: writes with the same key are grouped
 * @param <I> what one caller asks to have written
 * @param <O> what the caller is told once it is written
 */
public final class GroupCommit<K, I, O> {

    /** One caller's write in a group, and then what became of it. */
    public static final class Entry<I, O> {
        private final I input;
        private O result;
        private RuntimeException failure;
        private volatile boolean answered;

        Entry(I input) {
            this.input = input;
        }

        public I input() {
            return input;
        }

        /** What the caller is told, unless the transaction then fails. */
        public void succeed(O value) {
            result = value;
            failure = null;
        }

        /** The caller is told this problem, thrown from {@link GroupCommit#submit}. */
        public void fail(RuntimeException problem) {
            result = null;
            failure = problem;
        }

        /** Forgets what was decided in a transaction that did not commit, before the write is tried again. */
        public void forget() {
            result = null;
            failure = null;
        }

        private boolean decided() {
            return result != null || failure != null;
        }

        private O result() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    private static final class Queue<I, O> {
        final ReentrantLock turn = new ReentrantLock(true);
        final ArrayDeque<Entry<I, O>> waiting = new ArrayDeque<>();
    }

    private final int groupMax;
    private final Map<K, Queue<I, O>> queues = new ConcurrentHashMap<>();

    /** @param groupMax at most this many writes in one transaction, so one group never holds a lock for long */
    public GroupCommit(int groupMax) {
        if (groupMax < 1) {
            throw new IllegalArgumentException("A group holds at least one write");
        }
        this.groupMax = groupMax;
    }

    /** How many writes for the key are waiting for their turn on this node. */
    public int waiting(K key) {
        Queue<I, O> queue = queues.get(key);
        if (queue == null) {
            return 0;
        }
        synchronized (queue.waiting) {
            return queue.waiting.size();
        }
    }

    /**
     * Waits for {@code input} to be written, by this caller or by one before it, and returns what
     * the write decided for it.
     *
     * <p>Never call it inside a transaction of the caller's own: the group is written in a
     * transaction of the writer's, so the caller's would not hold this write, and a caller holding
     * row locks while it waits for its turn can block the writer it is waiting for.
     *
     * @param write writes a group in one transaction and decides each entry ({@link Entry#succeed}
     *              or {@link Entry#fail}); an entry it leaves undecided, or every entry when it
     *              throws, fails
     * @throws RuntimeException the problem the write gave this caller's entry, or the write's own
     */
    public O submit(K key, I input, Consumer<List<Entry<I, O>>> write) {
        Queue<I, O> queue = queues.computeIfAbsent(key, k -> new Queue<>());
        Entry<I, O> mine = new Entry<>(input);
        synchronized (queue.waiting) {
            queue.waiting.add(mine);
        }
        queue.turn.lock();
        try {
            while (!mine.answered) {
                List<Entry<I, O>> group = new ArrayList<>();
                synchronized (queue.waiting) {
                    while (!queue.waiting.isEmpty() && group.size() < groupMax) {
                        group.add(queue.waiting.poll());
                    }
                }
                RuntimeException broke = null;
                try {
                    write.accept(group);
                } catch (RuntimeException e) {
                    broke = e;
                }
                // Whatever happened, nobody taken here waits for an answer that will not come.
                for (Entry<I, O> entry : group) {
                    if (broke != null) {
                        entry.fail(broke);
                    } else if (!entry.decided()) {
                        entry.fail(new IllegalStateException("The write was not done"));
                    }
                    entry.answered = true;
                }
            }
        } finally {
            queue.turn.unlock();
        }
        return mine.result();
    }
}
