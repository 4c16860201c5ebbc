package dev.bouncekit.bench;

/**
 * A thread that, while asked to, streams through 64 MB (a read and a write per cache line), as a
 * build or a batch job on another core does: it fills the shared cache and the memory bus with
 * its own lines. {@code ClassifierVersions --contend} times the classifier with and without it.
 */
final class MemoryHog implements AutoCloseable {

    /** 64 MB of longs: larger than the shared cache of the development machine's processor. */
    private static final int LONGS = 8 << 20;
    /** Longs per 64-byte cache line. */
    private static final int LINE = 8;

    private final long[] memory = new long[LONGS];
    private final Thread thread;
    private volatile boolean streaming;
    private volatile boolean closed;

    MemoryHog() {
        thread = new Thread(this::run, "memory-hog");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts or stops the streaming. */
    void streaming(boolean on) {
        streaming = on;
    }

    private void run() {
        long value = 0;
        while (!closed) {
            if (streaming) {
                for (int i = 0; i < LONGS && streaming; i += LINE) {
                    memory[i] += value++;
                }
            } else {
                Thread.onSpinWait();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        streaming = false;
        thread.join();
    }
}
