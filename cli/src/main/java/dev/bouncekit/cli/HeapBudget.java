package dev.bouncekit.cli;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a long-running {@code serve} near its live set. Under a steady stream of mail the JVM's
 * default collector grows the heap towards a quarter of the machine's memory although little of it
 * is live (the receiver keeps a bounded store); this asks the JVM to give freed memory back
 * ({@code MinHeapFreeRatio}/{@code MaxHeapFreeRatio}, where it allows that at run time) and, when the
 * committed heap passes the budget (or twice the live set, when that is larger), collects so that
 * it shrinks. A JVM started with {@code -Xmx} is left alone.
 */
final class HeapBudget implements AutoCloseable {

    /** The committed heap above which serve collects: 256 MiB. */
    static final long DEFAULT_BUDGET = 256L * 1024 * 1024;

    private final ScheduledExecutorService timer;

    private HeapBudget(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts watching the heap, unless the JVM was given a maximum heap of its own. */
    static HeapBudget start(long budget) {
        boolean ownLimit = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize") || a.startsWith("-XX:MaxRAMPercentage"));
        if (ownLimit) {
            return new HeapBudget(null);
        }
        giveMemoryBack();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bouncekit-heap-budget");
            t.setDaemon(true);
            return t;
        });
        AtomicLong threshold = new AtomicLong(budget);
        timer.scheduleWithFixedDelay(() -> {
            if (memory.getHeapMemoryUsage().getCommitted() > threshold.get()) {
                System.gc();
                // a live set near the budget (a large --max-messages) must not mean a collection every second
                threshold.set(Math.max(budget, 2 * memory.getHeapMemoryUsage().getUsed()));
            }
        }, 1, 1, TimeUnit.SECONDS);
        return new HeapBudget(timer);
    }

    private static void giveMemoryBack() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            hotspot.setVMOption("MinHeapFreeRatio", "5");
            hotspot.setVMOption("MaxHeapFreeRatio", "20");
        } catch (RuntimeException notAllowed) {
            // another JVM, or these are fixed here: the periodic collection still bounds the heap
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
