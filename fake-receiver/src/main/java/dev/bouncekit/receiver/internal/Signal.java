package dev.bouncekit.receiver.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Wakes up waiters whenever something was recorded, so that tests wait for the receiver's own
 * events instead of sleeping. Writers must not hold other locks while they {@link #bump()}.
 * With nobody waiting (a server under load, no test polling) a bump is one volatile read: a
 * waiter counts itself before it first looks at the state, and a writer changes the state before
 * it looks at the count, so either the writer sees the waiter and wakes it or the waiter sees the
 * change.
 */
final class Signal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicInteger waiters = new AtomicInteger();

    void bump() {
        if (waiters.get() == 0) {
            return;
        }
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code done} holds, re-checking it after every change; false on timeout. */
    boolean awaitUntil(BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        waiters.incrementAndGet();
        try {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done.getAsBoolean();
        } finally {
            waiters.decrementAndGet();
            lock.unlock();
        }
    }
}
