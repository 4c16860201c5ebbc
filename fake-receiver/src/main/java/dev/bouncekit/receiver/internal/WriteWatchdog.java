package dev.bouncekit.receiver.internal;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket whose write has been blocked too long. Socket timeouts only bound reads; a client
 * that stops reading would otherwise hold a connection thread in {@code write} forever.
 *
 * <p>Each open connection has a {@link Watch} in a set, which notes when a write starts and ends;
 * one daemon thread per receiver, started on first use, looks at the set every eighth of the
 * timeout (between {@value #MIN_TICK_MILLIS} ms and 1 s) and closes the sockets of writes older
 * than the timeout. A write thus costs two volatile stores: no task to schedule and cancel, no
 * wake-up of the watchdog's thread. A blocked write is closed between the timeout and the timeout
 * plus one tick.
 */
final class WriteWatchdog {

    private static final long MIN_TICK_MILLIS = 10;

    private final String name;
    private final long timeoutNanos;
    private final long tickNanos;
    private final Set<Watch> open = ConcurrentHashMap.newKeySet();
    private volatile ScheduledThreadPoolExecutor timer;
    private boolean stopped;

    WriteWatchdog(String name, Duration timeout) {
        this.name = name;
        this.timeoutNanos = timeout.toNanos();
        this.tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(MIN_TICK_MILLIS),
                Math.min(TimeUnit.SECONDS.toNanos(1), timeoutNanos / 8));
    }

    /** Watches the writes to one connection's socket until the watch is closed. */
    Watch watch(Socket socket) {
        startOnce();
        Watch watch = new Watch(socket);
        open.add(watch);
        return watch;
    }

    /** Stops the watchdog thread; later writes are not watched. */
    synchronized void stop() {
        stopped = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void startOnce() {
        if (timer != null) {
            return;
        }
        synchronized (this) {
            if (timer != null || stopped) {
                return;
            }
            ScheduledThreadPoolExecutor started = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            started.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            try {
                started.scheduleWithFixedDelay(this::sweep, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                return;
            }
            timer = started;
        }
    }

    /** Closes the sockets of the writes that have taken longer than the timeout. */
    private void sweep() {
        long now = System.nanoTime();
        for (Watch watch : open) {
            // writing first: a write seen in progress has its start already visible (it is stored before)
            if (watch.writing && now - watch.since > timeoutNanos) {
                watch.writing = false;
                closeQuietly(watch.socket);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    /** The writes to one socket; closing it ends the watch. */
    final class Watch implements AutoCloseable {
        private final Socket socket;
        private volatile long since;
        private volatile boolean writing;

        private Watch(Socket socket) {
            this.socket = socket;
        }

        /** A write begins: unless {@link #writeEnded()} comes within the timeout, the socket is closed. */
        void writeStarted() {
            since = System.nanoTime();
            writing = true;
        }

        /** The write begun last has ended. */
        void writeEnded() {
            writing = false;
        }

        @Override
        public void close() {
            writing = false;
            open.remove(this);
        }
    }
}
