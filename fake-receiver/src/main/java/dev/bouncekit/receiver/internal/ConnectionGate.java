package dev.bouncekit.receiver.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the SMTP connections being served and refuses new ones beyond the limit. Each accepted
 * connection holds a {@link Slot} until its socket is closed.
 */
final class ConnectionGate {

    private final int max;
    private final AtomicInteger active = new AtomicInteger();

    ConnectionGate(int max) {
        this.max = max;
    }

    /** A slot for a new connection, or null when {@code max} connections are being served. */
    Slot tryAcquire() {
        while (true) {
            int now = active.get();
            if (now >= max) {
                return null;
            }
            if (active.compareAndSet(now, now + 1)) {
                return new Slot();
            }
        }
    }

    /** Connections holding a slot now. */
    int active() {
        return active.get();
    }

    /** One connection's place; releasing it more than once has no further effect. */
    final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                active.decrementAndGet();
            }
        }
    }
}
