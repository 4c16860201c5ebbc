package dev.bouncekit.suppression.mailet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the store answered for an address, kept for a while so that most mail needs no round trip
 * to the store. Bounded: past {@link #MAX_ENTRIES} it starts again empty. Thread-safe.
 *
 * <p>An address written in the store of this James is {@linkplain #forget forgotten} once the write
 * is done. A lookup that was already asking the store then may bring back the answer from before
 * the write, after the address was forgotten: so a lookup takes a {@link #mark()} before it asks,
 * and its answer is kept only when no address was forgotten since (one was: the answer is used for
 * the mail at hand, and not kept). Whichever comes first, the lookup's check or the forgetting,
 * the stale answer does not stay.
 */
final class LookupCache {

    /** The most addresses kept. */
    static final int MAX_ENTRIES = 100_000;

    private record Answer(boolean suppressed, long until) {
    }

    private final long ttlNanos;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong forgotten = new AtomicLong();

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

    /** To take before asking the store, and give to {@link #put}. */
    long mark() {
        return forgotten.get();
    }

    /**
     * Keeps the store's answer for {@code address} (normalized), asked after {@code mark} was taken,
     * unless an address was forgotten since: the answer may then be older than that write.
     */
    void put(String address, boolean suppressed, long nowNanos, long mark) {
        if (ttlNanos <= 0) {
            return;
        }
        if (answers.size() >= MAX_ENTRIES) {
            answers.clear();
        }
        Answer answer = new Answer(suppressed, nowNanos + ttlNanos);
        answers.put(address, answer);
        if (forgotten.get() != mark) {
            answers.remove(address, answer);
        }
    }

    /** Forgets what was kept for {@code address}: it has just been written in the store. */
    void forget(String address) {
        forgotten.incrementAndGet();
        answers.remove(address);
    }
}
