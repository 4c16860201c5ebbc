package dev.bouncekit.junit;

import dev.bouncekit.receiver.FakeReceiver;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One test at a time at a shared {@link FakeReceiver}, also under JUnit's parallel execution: the
 * turns that {@link FakeReceiverExtension} and other test support sharing a receiver between tests
 * (the Spring Boot test listener) take, since each test resets the receiver's rules and mail.
 */
public final class ReceiverTurns {

    /** One turn per receiver; forgotten with the receiver. */
    private static final Map<FakeReceiver, Semaphore> TURNS = new WeakHashMap<>();

    private ReceiverTurns() {
    }

    /**
     * Waits until no other test holds {@code receiver}'s turn, as a blocked thread of JUnit's
     * parallel executor may (the pool makes up for it), and takes it.
     *
     * @throws IllegalStateException when the thread is interrupted while it waits
     */
    public static Turn take(FakeReceiver receiver) {
        Semaphore turn;
        synchronized (TURNS) {
            turn = TURNS.computeIfAbsent(receiver, r -> new Semaphore(1));
        }
        try {
            ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                private boolean acquired;

                @Override
                public boolean block() throws InterruptedException {
                    if (!acquired) {
                        turn.acquire();
                        acquired = true;
                    }
                    return true;
                }

                @Override
                public boolean isReleasable() {
                    if (!acquired) {
                        acquired = turn.tryAcquire();
                    }
                    return acquired;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a shared fake receiver", e);
        }
        return new Turn(turn);
    }

    /** A test's turn at a shared receiver; closing it, once or more, lets the next test in. */
    public static final class Turn implements AutoCloseable {
        private final Semaphore turn;
        private final AtomicBoolean released = new AtomicBoolean();

        private Turn(Semaphore turn) {
            this.turn = turn;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                turn.release();
            }
        }
    }
}
