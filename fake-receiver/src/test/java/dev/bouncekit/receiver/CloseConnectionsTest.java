package dev.bouncekit.receiver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FakeReceiver#closeConnections()}: connections left open, in the middle of a transaction,
 * are closed, and nothing sent on them afterwards is recorded or stored; the server goes on.
 */
@ExtendWith(NoUncaughtExceptions.class)
class CloseConnectionsTest {

    private FakeReceiver receiver;

    @BeforeEach
    void start() {
        receiver = FakeReceiver.builder().build().start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void open_connections_are_closed_and_send_nothing_more() throws Exception {
        try (RawSmtpClient idle = new RawSmtpClient(receiver); RawSmtpClient inData = new RawSmtpClient(receiver)) {
            idle.reply();
            idle.command("EHLO idle.test");
            inData.reply();
            inData.command("HELO data.test");
            inData.command("MAIL FROM:<old@sender.test>");
            inData.command("RCPT TO:<old@example.com>");
            assertThat(inData.command("DATA")).startsWith("354");
            assertThat(receiver.activeConnections()).isEqualTo(2);

            assertThat(receiver.closeConnections()).isEqualTo(2);

            assertThat(receiver.activeConnections()).isZero();
            assertThat(receiver.transcript()).hasSize(2).allMatch(TranscriptConnection::isClosed);
            receiver.reset();
            try {
                inData.write("Subject: old\r\n\r\nold\r\n.\r\nQUIT\r\n");
            } catch (java.io.IOException expected) {
                // the connection is gone
            }
            assertThat(inData.repliesUntilClosed()).isEmpty();
            assertThat(idle.isClosedByServer()).isTrue();
        }
        assertThat(receiver.receivedMessages()).isEmpty();
        assertThat(receiver.transcript()).isEmpty();

        AngusMailer.to(receiver).send("app@sender.test", "New", "new@example.com");
        assertThat(receiver.awaitMessages(1, Duration.ofSeconds(5))).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly("new@example.com"));
        assertThat(receiver.transcript()).singleElement().extracting(TranscriptConnection::id).isEqualTo(1);
    }

    @Test
    void with_no_connection_or_before_start_it_closes_none() {
        assertThat(receiver.closeConnections()).isZero();
        try (FakeReceiver notStarted = FakeReceiver.builder().build()) {
            assertThat(notStarted.closeConnections()).isZero();
        }
    }
}
