package dev.bouncekit.receiver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The threads GreenMail runs for one receiver's SMTP connections (named
 * {@code smtp:<host>:<port><-<client>}), for leak checks: after the clients are gone, every one of
 * them must end.
 */
final class ConnectionThreads {

    private final String prefix;

    private ConnectionThreads(String prefix) {
        this.prefix = prefix;
    }

    static ConnectionThreads of(FakeReceiver receiver) {
        return new ConnectionThreads("smtp:" + receiver.host() + ":" + receiver.smtpPort() + "<-");
    }

    /** The connection threads alive now. */
    List<Thread> alive() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix) && t.isAlive()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Waits for every connection thread to end (by joining it) and fails naming those still alive. */
    void assertAllEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : alive()) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, left / 1_000_000));
            }
        }
        assertThat(alive()).as("connection threads still alive after %s", timeout).extracting(Thread::getName).isEmpty();
    }
}
