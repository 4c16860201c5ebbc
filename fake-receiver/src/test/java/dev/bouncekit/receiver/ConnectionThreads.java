package dev.bouncekit.receiver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The threads serving one receiver's SMTP connections (named {@code smtp:<host>:<port><-<client>}
 * while they serve one), for leak checks: after the clients are gone, none may still serve.
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

    /**
     * Waits until {@code count} threads serve a connection and fails naming those that do. A client
     * has its greeting before its connection's thread takes the connection over, so a thread may
     * still be on its way when the client has been greeted. Thread start and end have no signal
     * of their own, so the thread list is polled.
     */
    void assertServing(int count, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> assertThat(alive()).as("connection threads").extracting(Thread::getName).hasSizeGreaterThanOrEqualTo(count));
        assertThat(alive()).as("connection threads").extracting(Thread::getName).hasSize(count);
    }

    /** Waits until no thread serves a connection any more and fails naming those still serving. */
    void assertAllEnd(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> assertThat(alive()).as("connection threads still alive").extracting(Thread::getName).isEmpty());
    }
}
