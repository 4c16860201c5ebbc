package dev.bouncekit.receiver.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Entries in arrival order, at most {@code max} of them and none older than {@code maxAge}: the
 * oldest go first, and each one that goes is counted. Thread-safe.
 */
final class BoundedLog<T> {

    private final int max;
    private final Duration maxAge;
    private final Function<T, Instant> timeOf;
    private final Clock clock;
    private final ArrayDeque<T> entries = new ArrayDeque<>();
    private long evicted;

    BoundedLog(int max, Duration maxAge, Function<T, Instant> timeOf, Clock clock) {
        this.max = max;
        this.maxAge = maxAge;
        this.timeOf = timeOf;
        this.clock = clock;
    }

    synchronized void add(T entry) {
        entries.addLast(entry);
        while (entries.size() > max) {
            entries.removeFirst();
            evicted++;
        }
        expire();
    }

    synchronized List<T> snapshot() {
        expire();
        return new ArrayList<>(entries);
    }

    synchronized T find(Predicate<T> test) {
        expire();
        for (T entry : entries) {
            if (test.test(entry)) {
                return entry;
            }
        }
        return null;
    }

    synchronized boolean remove(Predicate<T> test) {
        Iterator<T> it = entries.iterator();
        while (it.hasNext()) {
            if (test.test(it.next())) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    synchronized int size() {
        expire();
        return entries.size();
    }

    synchronized int count(Predicate<T> test) {
        int n = 0;
        for (T entry : entries) {
            if (test.test(entry)) {
                n++;
            }
        }
        return n;
    }

    synchronized long evicted() {
        return evicted;
    }

    /** Forgets every entry; with {@code counts}, the eviction count too. */
    synchronized void clear(boolean counts) {
        entries.clear();
        if (counts) {
            evicted = 0;
        }
    }

    private void expire() {
        if (maxAge == null) {
            return;
        }
        Instant oldest = clock.instant().minus(maxAge);
        while (!entries.isEmpty() && timeOf.apply(entries.peekFirst()).isBefore(oldest)) {
            entries.removeFirst();
            evicted++;
        }
    }
}
