package dev.bouncekit.suppression.mailet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the store answered for an address, kept for a while so that most mail needs no round trip
 * to the store. Bounded: past {@link #MAX_ENTRIES} it starts again empty. Thread-safe.
 */
final class LookupCache {

    /** The most addresses kept. */
    static final int MAX_ENTRIES = 100_000;

    private record Answer(boolean suppressed, long until) {
    }

    private final long ttlNanos;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /** Answers are kept {@code ttlNanos}; 0 keeps none. */
    LookupCache(long ttlNanos) {
        this.ttlNanos = ttlNanos;
    }

    /** The kept answer for {@code address} (normalized), or null when there is none or it is too old. */
    Boolean get(String address, long nowNanos) {
        Answer answer = answers.get(address);
        if (answer == null) {
            return null;
        }
        if (nowNanos - answer.until() > 0) {
            answers.remove(address, answer);
            return null;
        }
        return answer.suppressed();
    }

    /** Keeps the store's answer for {@code address} (normalized). */
    void put(String address, boolean suppressed, long nowNanos) {
        if (ttlNanos <= 0) {
            return;
        }
        if (answers.size() >= MAX_ENTRIES) {
            answers.clear();
        }
        answers.put(address, new Answer(suppressed, nowNanos + ttlNanos));
    }

    /** Forgets what was kept for {@code address}, e.g. because this node has just suppressed it. */
    void forget(String address) {
        answers.remove(address);
    }
}
