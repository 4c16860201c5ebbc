package dev.bouncekit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * The latency of the shared cache as this thread sees it at the moment: a chain of dependent
 * loads through a random cycle over 32,768 cache lines (2 MB, more than a core's private caches),
 * walked once to bring them in, then timed by the thread's CPU time over a second walk. With the
 * cache to itself a load costs 10 to 40 ns on the development machine; once other work on the
 * machine pushes the lines out to memory, 100 to 160 ns, and the classifier slows down with it. A
 * timing printed next to this figure says which of the two it measured.
 */
final class MemoryProbe {

    /** Ints per 64-byte cache line: each slot of the cycle is a line of its own. */
    private static final int LINE = 16;
    /** Lines in the cycle: 2 MB, twice a core's L2 on the development machine. */
    private static final int LINES = 1 << 15;

    private final int[] next = new int[LINES * LINE];
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    MemoryProbe() {
        int[] order = new int[LINES];
        for (int i = 0; i < LINES; i++) {
            order[i] = i;
        }
        Random random = new Random(1);
        for (int i = LINES - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        for (int i = 0; i < LINES; i++) {
            next[order[i] * LINE] = order[(i + 1) % LINES] * LINE;
        }
    }

    /** CPU nanoseconds per dependent load, now: about 2 × 32,768 loads, one to ten milliseconds. */
    double nanosPerLoad() {
        int p = walk(0);
        long start = threads.getCurrentThreadCpuTime();
        p = walk(p);
        long nanos = threads.getCurrentThreadCpuTime() - start;
        return p < 0 ? -1 : nanos / (double) LINES;
    }

    private int walk(int from) {
        int p = from;
        for (int i = 0; i < LINES; i++) {
            p = next[p];
        }
        return p;
    }
}
