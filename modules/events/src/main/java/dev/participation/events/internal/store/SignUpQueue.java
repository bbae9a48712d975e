package dev.participation.events.internal.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import dev.participation.events.api.ManageLink;
import dev.participation.events.api.SignUpForm;
import dev.participation.events.api.SignUpReceipt;

/**
 * Sign-ups for one session that arrive on this node while another is being written wait here and
 * are then written together, in arrival order, in one transaction under one hold of the session's
 * lock: a group commit.
 *
 * <p>Every sign-up to a session must take the session's row lock and commit while holding it, so one
 * at a time a session takes as many sign-ups a second as it can do commits a second, and each
 * commit waits for the disk. In a rush, people who arrive while a commit is under way are written
 * by the next one together, so the disk is waited for once per group, not once per person. Nobody
 * is told anything before the commit that holds their sign-up; nodes sharing a database still take
 * turns on the row lock, as before.
 *
 * <p>The first waiting caller to get its turn writes everyone waiting (up to {@link #GROUP_MAX});
 * callers it wrote find their answer ready when their own turn comes and return at once.
 */
final class SignUpQueue {

    /** At most this many sign-ups in one transaction, so one group never holds the lock for long. */
    static final int GROUP_MAX = 100;

    /** One sign-up waiting to be written, and then what became of it. */
    static final class Pending {
        final SignUpForm form;
        final ManageLink manage;
        final String actor;
        private SignUpReceipt receipt;
        private RuntimeException failure;
        private volatile boolean answered;

        Pending(SignUpForm form, ManageLink manage, String actor) {
            this.form = form;
            this.manage = manage;
            this.actor = actor;
        }

        void succeed(SignUpReceipt value) {
            receipt = value;
            failure = null;
        }

        void fail(RuntimeException problem) {
            receipt = null;
            failure = problem;
        }

        void forget() {
            receipt = null;
            failure = null;
        }

        /** Publishes what was decided, once the transaction that decided it is over. */
        void answer() {
            answered = true;
        }

        SignUpReceipt result() {
            if (failure != null) {
                throw failure;
            }
            return receipt;
        }
    }

    private static final class Session {
        final ReentrantLock turn = new ReentrantLock(true);
        final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    }

    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();

    /** How many sign-ups for the session are waiting for their turn on this node. */
    int waiting(long sessionId) {
        Session session = sessions.get(sessionId);
        if (session == null) {
            return 0;
        }
        synchronized (session.waiting) {
            return session.waiting.size();
        }
    }

    /**
     * Waits for {@code pending}'s sign-up to be written, by this caller or by one before it.
     *
     * @param write writes a group of sign-ups in one transaction and answers each of them
     */
    SignUpReceipt submit(long sessionId, Pending pending, Consumer<List<Pending>> write) {
        Session session = sessions.computeIfAbsent(sessionId, id -> new Session());
        synchronized (session.waiting) {
            session.waiting.add(pending);
        }
        session.turn.lock();
        try {
            while (!pending.answered) {
                List<Pending> group = new ArrayList<>();
                synchronized (session.waiting) {
                    while (!session.waiting.isEmpty() && group.size() < GROUP_MAX) {
                        group.add(session.waiting.poll());
                    }
                }
                try {
                    write.accept(group);
                } finally {
                    // Whatever happened, nobody drained here waits for an answer that will not come.
                    for (Pending drained : group) {
                        if (!drained.answered) {
                            if (drained.receipt == null && drained.failure == null) {
                                drained.fail(new IllegalStateException("The sign-up could not be written"));
                            }
                            drained.answer();
                        }
                    }
                }
            }
        } finally {
            session.turn.unlock();
        }
        return pending.result();
    }
}
