package dev.bouncekit.receiver.internal;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket whose write has been blocked too long. Socket timeouts only bound reads; a client
 * that stops reading would otherwise hold a connection thread in {@code write} forever. One
 * daemon thread per receiver, started on first use.
 */
final class WriteWatchdog {

    private final ScheduledThreadPoolExecutor timer;

    WriteWatchdog(String name) {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Arms the watchdog for one write: unless the guard is closed within {@code timeout}, the socket is closed. */
    Guard guard(Socket socket, Duration timeout) {
        try {
            return new Guard(timer.schedule(() -> closeQuietly(socket), timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException stopping) {
            return new Guard(null);
        }
    }

    /** Stops the watchdog thread; later guards do nothing. */
    void stop() {
        timer.shutdownNow();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    /** A write in progress; closing it disarms the watchdog. */
    static final class Guard implements AutoCloseable {
        private final ScheduledFuture<?> task;

        private Guard(ScheduledFuture<?> task) {
            this.task = task;
        }

        @Override
        public void close() {
            if (task != null) {
                task.cancel(false);
            }
        }
    }
}
