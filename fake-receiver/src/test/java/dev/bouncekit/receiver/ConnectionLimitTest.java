package dev.bouncekit.receiver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bursts of 200 simultaneous connections, within and beyond the connection limit. */
@ExtendWith(NoUncaughtExceptions.class)
class ConnectionLimitTest {

    private static final int BURST = 200;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOO_MANY = "421 4.7.0 Too many connections, try again later\r\n";

    /**
     * Opens {@code count} connections at once. None may wait for a SYN retransmission (one second
     * on Linux): a listen backlog too small for the burst would drop SYNs instead of answering.
     */
    private static List<RawSmtpClient> connectAll(FakeReceiver receiver, int count) throws IOException {
        List<RawSmtpClient> clients = new ArrayList<>(count);
        long slowest = 0;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            clients.add(new RawSmtpClient(receiver));
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        assertThat(Duration.ofNanos(slowest)).as("slowest connect of the burst").isLessThan(Duration.ofMillis(900));
        return clients;
    }

    private static void closeAll(List<RawSmtpClient> clients) throws IOException {
        for (RawSmtpClient c : clients) {
            c.close();
        }
    }

    @Test
    void the_default_limit_is_500_and_must_be_positive() {
        try (FakeReceiver defaults = FakeReceiver.builder().build()) {
            assertThat(defaults.maxConnections()).isEqualTo(500).isEqualTo(FakeReceiver.DEFAULT_MAX_CONNECTIONS);
        }
        assertThatThrownBy(() -> FakeReceiver.builder().maxConnections(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConnections must be 1 or more, not 0");
    }

    @Test
    void a_burst_of_200_simultaneous_connections_is_served_in_full_under_the_default_limit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try (FakeReceiver receiver = FakeReceiver.builder().build().start()) {
            List<RawSmtpClient> clients = connectAll(receiver, BURST);
            try {
                for (RawSmtpClient c : clients) {
                    assertThat(c.reply()).startsWith("220 ");
                }
                assertThat(receiver.activeConnections()).isEqualTo(BURST);
                ConnectionThreads.of(receiver).assertServing(BURST, WAIT);

                List<Future<String>> sent = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    RawSmtpClient c = clients.get(i);
                    int n = i;
                    sent.add(pool.submit(() -> {
                        c.command("EHLO burst" + n + ".test");
                        c.command("MAIL FROM:<a@b.test>");
                        c.command("RCPT TO:<c@d.test>");
                        c.command("DATA");
                        return c.command("Subject: burst " + n + "\r\n\r\nbody\r\n.");
                    }));
                }
                for (Future<String> f : sent) {
                    assertThat(f.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("250 OK\r\n");
                }
                assertThat(receiver.activeConnections()).isEqualTo(BURST);
            } finally {
                closeAll(clients);
            }
            assertThat(receiver.awaitMessages(BURST, WAIT)).hasSize(BURST);
            receiver.awaitConnections(BURST, WAIT);
            Recovery.assertNoConnectionLeft(receiver);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void beyond_the_limit_a_burst_gets_421_4_7_0_at_once_without_a_thread_and_is_recorded() throws Exception {
        int limit = 150;
        try (FakeReceiver receiver = FakeReceiver.builder().maxConnections(limit).build().start()) {
            List<RawSmtpClient> clients = connectAll(receiver, BURST);
            try {
                List<RawSmtpClient> served = new ArrayList<>();
                int refused = 0;
                for (RawSmtpClient c : clients) {
                    String greeting = c.reply();
                    if (greeting.equals(TOO_MANY)) {
                        assertThat(c.isClosedByServer()).isTrue();
                        refused++;
                    } else {
                        assertThat(greeting).startsWith("220 ");
                        served.add(c);
                    }
                }
                assertThat(served).hasSize(limit);
                assertThat(refused).isEqualTo(BURST - limit);
                assertThat(receiver.activeConnections()).isEqualTo(limit);
                ConnectionThreads.of(receiver).assertServing(limit, WAIT);

                List<TranscriptConnection> refusals = receiver.awaitConnections(BURST - limit, WAIT).stream()
                        .filter(TranscriptConnection::isClosed).toList();
                assertThat(refusals).hasSize(BURST - limit).allSatisfy(t -> {
                    assertThat(t.exchanges()).hasSize(1);
                    assertThat(t.exchanges().get(0).wire()).isEqualTo(TOO_MANY);
                    assertThat(t.exchanges().get(0).rule()).isEqualTo("limit: max connections " + limit);
                });

                // a freed place is served again
                served.get(0).close();
                receiver.awaitTranscript(t -> receiver.activeConnections() == limit - 1, WAIT);
                try (RawSmtpClient next = new RawSmtpClient(receiver)) {
                    assertThat(next.reply()).startsWith("220 ");
                    assertThat(next.command("QUIT")).startsWith("221 ");
                }
            } finally {
                closeAll(clients);
            }
            Recovery.assertServesTheNextClient(receiver);
        }
    }
}
