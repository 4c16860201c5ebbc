package dev.bouncekit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * The latency of memory as this thread sees it at the moment: a chain of dependent loads through a
 * random cycle over a buffer larger than a core's private caches, timed by the thread's CPU time.
 * On a machine shared with other work its figure moves with what the other cores do to the shared
 * cache and the memory bus (20 to 140 ns a load were read on the development machine), and so does
 * the classifier's time; a timing printed next to this figure says which of the two it measured.
 */
final class MemoryProbe {

    /** 4 MB of ints: four times a core's L2 on the development machine, so that most loads leave it. */
    private static final int SLOTS = 1 << 20;
    /** Loads per reading: about a millisecond, short next to a 250 ms slice of classification. */
    private static final int LOADS = 20_000;

    private final int[] next = new int[SLOTS];
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private int at;

    MemoryProbe() {
        int[] order = new int[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            order[i] = i;
        }
        Random random = new Random(1);
        for (int i = SLOTS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        for (int i = 0; i < SLOTS; i++) {
            next[order[i]] = order[(i + 1) % SLOTS];
        }
    }

    /** CPU nanoseconds per dependent load, now. */
    double nanosPerLoad() {
        long start = threads.getCurrentThreadCpuTime();
        int p = at;
        for (int i = 0; i < LOADS; i++) {
            p = next[p];
        }
        at = p;
        return (threads.getCurrentThreadCpuTime() - start) / (double) LOADS;
    }
}
