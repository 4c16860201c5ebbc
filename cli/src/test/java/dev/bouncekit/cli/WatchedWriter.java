package dev.bouncekit.cli;

import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A writer that keeps what is written, for a command's output in tests, and lets a test wait for
 * what it expects: each write wakes the waiters, so nothing polls.
 */
final class WatchedWriter extends Writer {

    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
        notifyAll();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** Waits until the text written so far satisfies {@code condition}; false when it did not in time. */
    synchronized boolean awaitUntil(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(text.toString())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public synchronized String toString() {
        return text.toString();
    }
}
