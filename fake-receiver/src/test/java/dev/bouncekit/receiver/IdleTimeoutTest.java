package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Half-open connections: a client that stops writing or stops reading is closed after the idle timeout. */
@ExtendWith(NoUncaughtExceptions.class)
class IdleTimeoutTest {

    private static final Duration IDLE = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String TIMEOUT = "421 4.4.2 Error: timeout exceeded, closing connection\r\n";

    private FakeReceiver receiver;

    @BeforeEach
    void start() {
        receiver = FakeReceiver.builder().idleTimeout(IDLE).build().start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void the_default_idle_timeout_is_five_minutes() {
        try (FakeReceiver defaults = FakeReceiver.builder().build()) {
            assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofMinutes(5)).isEqualTo(FakeReceiver.DEFAULT_IDLE_TIMEOUT);
        }
        assertThat(receiver.idleTimeout()).isEqualTo(IDLE);
    }

    @Test
    void a_client_that_stops_writing_gets_421_4_4_2_after_the_idle_timeout() throws Exception {
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            long start = System.nanoTime();
            client.reply();
            client.command("EHLO client.test");

            assertThat(client.reply()).isEqualTo(TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(IDLE);
            assertThat(client.isClosedByServer()).isTrue();
        }
        TranscriptConnection c = receiver.awaitConnections(1, WAIT).get(0);
        Exchange last = c.exchanges().get(c.exchanges().size() - 1);
        assertThat(last.command()).isNull();
        assertThat(last.reply()).containsExactly(TIMEOUT.strip());
        assertThat(last.rule()).isEqualTo("limit: idle timeout 0.5s");
        Recovery.assertServesTheNextClient(receiver);
    }

    @Test
    void a_client_that_goes_silent_in_the_middle_of_data_gets_421_and_no_message_is_stored() throws Exception {
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<a@b.test>");
            client.command("RCPT TO:<c@d.test>");
            assertThat(client.command("DATA")).startsWith("354 ");
            client.write("Subject: unfinished\r\n\r\nno final dot");

            assertThat(client.reply()).isEqualTo(TIMEOUT);
            assertThat(client.isClosedByServer()).isTrue();
        }
        TranscriptConnection c = receiver.awaitConnections(1, WAIT).get(0);
        assertThat(c.lastAt(SmtpStage.DATA).orElseThrow().code()).isEqualTo(354);
        assertThat(c.messageIds()).isEmpty();
        assertThat(receiver.receivedMessages()).isEmpty();
        Recovery.assertServesTheNextClient(receiver);
    }

    @Test
    void a_client_that_never_speaks_after_connecting_is_closed_too() throws Exception {
        try (Socket silent = new Socket()) {
            silent.connect(receiver.smtpAddress(), 5_000);
            silent.setSoTimeout((int) WAIT.toMillis());
            byte[] all = silent.getInputStream().readAllBytes();
            assertThat(new String(all, StandardCharsets.ISO_8859_1)).startsWith("220 ").endsWith(TIMEOUT);
        }
        Recovery.assertServesTheNextClient(receiver);
    }

    @Test
    void a_client_that_stops_reading_is_cut_off_after_the_idle_timeout() throws Exception {
        byte[] ehlos = "EHLO client.test\r\n".repeat(4096).getBytes(StandardCharsets.ISO_8859_1);
        long cap = 512L * 1024 * 1024;
        try (Socket deaf = new Socket()) {
            deaf.setReceiveBufferSize(4096);
            deaf.connect(receiver.smtpAddress(), 5_000);
            OutputStream out = deaf.getOutputStream();

            // Never reads: the server's replies fill the socket buffers until its writes block.
            CompletableFuture<Long> writer = CompletableFuture.supplyAsync(() -> {
                long written = 0;
                try {
                    while (written < cap) {
                        out.write(ehlos);
                        written += ehlos.length;
                    }
                    return -1L;
                } catch (IOException cutOff) {
                    return written;
                }
            });

            long written = writer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(written).as("octets written before the server cut the connection").isPositive().isLessThan(cap);
        }
        TranscriptConnection c = receiver.awaitConnections(1, WAIT).get(0);
        assertThat(c.exchangesAt(SmtpStage.EHLO)).isNotEmpty();
        Recovery.assertServesTheNextClient(receiver);
    }
}
