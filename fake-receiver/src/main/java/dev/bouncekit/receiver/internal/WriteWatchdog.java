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
 * <p>A write in progress is a {@link Guard} in a set; one daemon thread per receiver, started on
 * first use, looks at the set every eighth of the timeout (between {@value #MIN_TICK_MILLIS} ms and
 * 1 s) and closes the sockets of writes older than the timeout. A write thus costs an entry in the
 * set and nothing else: no task to schedule and cancel, no wake-up of the watchdog's thread. A
 * blocked write is closed between the timeout and the timeout plus one tick.
 */
final class WriteWatchdog {

    private static final long MIN_TICK_MILLIS = 10;

    private final String name;
    private final long timeoutNanos;
    private final long tickNanos;
    private final Set<Guard> writing = ConcurrentHashMap.newKeySet();
    private volatile ScheduledThreadPoolExecutor timer;
    private boolean stopped;

    WriteWatchdog(String name, Duration timeout) {
        this.name = name;
        this.timeoutNanos = timeout.toNanos();
        this.tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(MIN_TICK_MILLIS),
                Math.min(TimeUnit.SECONDS.toNanos(1), timeoutNanos / 8));
    }

    /** Watches one write: unless the guard is closed within the timeout, the socket is closed. */
    Guard guard(Socket socket) {
        startOnce();
        Guard guard = new Guard(socket, System.nanoTime());
        writing.add(guard);
        return guard;
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
        for (Guard guard : writing) {
            if (now - guard.since > timeoutNanos) {
                writing.remove(guard);
                closeQuietly(guard.socket);
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

    /** A write in progress; closing it ends the watch. */
    final class Guard implements AutoCloseable {
        private final Socket socket;
        private final long since;

        private Guard(Socket socket, long since) {
            this.socket = socket;
            this.since = since;
        }

        @Override
        public void close() {
            writing.remove(this);
        }
    }
}
