package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The message size limit: advertised in EHLO, checked at MAIL for a declared size and after the final dot. */
@ExtendWith(NoUncaughtExceptions.class)
class MessageSizeTest {

    private static final int LIMIT = 64 * 1024;
    private static final String TOO_BIG = "552 5.3.4 Message size exceeds fixed maximum message size\r\n";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private FakeReceiver receiver;

    @BeforeEach
    void start() {
        receiver = FakeReceiver.builder().maxMessageSize(LIMIT).build().start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private RawSmtpClient inTransaction() throws Exception {
        RawSmtpClient client = new RawSmtpClient(receiver);
        client.reply();
        client.command("EHLO client.test");
        assertThat(client.command("MAIL FROM:<a@b.test>")).isEqualTo("250 OK\r\n");
        assertThat(client.command("RCPT TO:<c@d.test>")).isEqualTo("250 OK\r\n");
        assertThat(client.command("DATA")).startsWith("354 ");
        return client;
    }

    /** A message of exactly {@code size} octets as stored: headers, a blank line and a body of 'x' lines. */
    private static String messageOf(int size) {
        String head = "Subject: sized\r\n\r\n";
        StringBuilder body = new StringBuilder(size);
        body.append(head);
        while (body.length() < size) {
            int left = size - body.length();
            body.append(left > 80 ? "x".repeat(78) + "\r\n" : "y".repeat(left));
        }
        return body.toString();
    }

    @Test
    void the_default_limit_is_25_mib() {
        try (FakeReceiver defaults = FakeReceiver.builder().build()) {
            assertThat(defaults.maxMessageSize()).isEqualTo(25L * 1024 * 1024).isEqualTo(FakeReceiver.DEFAULT_MAX_MESSAGE_SIZE);
        }
        assertThatThrownBy(() -> FakeReceiver.builder().maxMessageSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeReceiver.builder().maxMessageSize(FakeReceiver.MAX_MESSAGE_SIZE_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ehlo_advertises_the_limit_as_size() throws Exception {
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            assertThat(client.command("EHLO client.test")).contains("\r\n250-SIZE " + LIMIT + "\r\n");
            assertThat(client.command("HELO client.test")).startsWith("250 ").doesNotContain("SIZE");
        }
    }

    @Test
    void a_declared_size_over_the_limit_is_refused_at_mail_with_552_5_3_4() throws Exception {
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO client.test");
            assertThat(client.command("MAIL FROM:<a@b.test> SIZE=" + (LIMIT + 1))).isEqualTo(TOO_BIG);
            assertThat(client.command("MAIL FROM:<a@b.test> BODY=8BITMIME SIZE=99999999999999999999999")).isEqualTo(TOO_BIG);
            assertThat(client.command("MAIL FROM:<a@b.test> SIZE=" + LIMIT)).isEqualTo("250 OK\r\n");
        }
        TranscriptConnection c = receiver.awaitConnections(1, WAIT).get(0);
        assertThat(c.exchangesAt(SmtpStage.MAIL)).extracting(Exchange::rule)
                .containsExactly("limit: max message size " + LIMIT, "limit: max message size " + LIMIT, null);
    }

    @Test
    void a_message_of_exactly_the_limit_is_accepted() throws Exception {
        String message = messageOf(LIMIT);
        try (RawSmtpClient client = inTransaction()) {
            assertThat(client.command(message + "\r\n.")).isEqualTo("250 OK\r\n");
        }
        String stored = new String(receiver.awaitMessages(1, WAIT).get(0).raw(), StandardCharsets.ISO_8859_1);
        assertThat(stored).endsWith(message.substring(message.length() - 200));
    }

    @Test
    void a_message_one_octet_over_the_limit_gets_552_after_the_final_dot_and_the_session_goes_on() throws Exception {
        try (RawSmtpClient client = inTransaction()) {
            assertThat(client.command(messageOf(LIMIT + 1) + "\r\n.")).isEqualTo(TOO_BIG);
            assertThat(client.command("DATA")).isEqualTo("503 5.5.1 Error: need MAIL command\r\n");
            client.command("MAIL FROM:<a@b.test>");
            client.command("RCPT TO:<c@d.test>");
            client.command("DATA");
            assertThat(client.command("Subject: small\r\n\r\nfits\r\n.")).isEqualTo("250 OK\r\n");
        }
        assertThat(receiver.awaitMessages(1, WAIT)).extracting(ReceivedMessage::subject).containsExactly("small");
        Exchange refused = receiver.awaitConnections(1, WAIT).get(0).exchangesAt(SmtpStage.DATA).get(1);
        assertThat(refused.command()).isEqualTo(".");
        assertThat(refused.wire()).isEqualTo(TOO_BIG);
        assertThat(refused.rule()).isEqualTo("limit: max message size " + LIMIT);
    }

    @Test
    void angus_sees_552_for_a_message_over_the_limit_and_nothing_is_stored() throws Exception {
        AngusMailer mailer = AngusMailer.to(receiver);
        MimeMessage big = mailer.message("app@sender.test", "big", "alice@example.com");
        big.setText("z".repeat(LIMIT * 2));

        MessagingException failure = catchThrowableOfType(MessagingException.class, () -> jakarta.mail.Transport.send(big));

        SMTPSendFailedException refused = failure instanceof SMTPSendFailedException s ? s
                : (SMTPSendFailedException) failure.getNextException();
        assertThat(refused.getReturnCode()).isEqualTo(552);
        assertThat(refused.getMessage().strip()).isEqualTo(TOO_BIG.strip());
        assertThat(receiver.awaitConnections(1, WAIT).get(0).messageIds()).isEmpty();
        assertThat(receiver.receivedMessages()).isEmpty();
    }

    @Test
    void an_oversized_message_is_read_to_its_end_without_being_held_in_memory() throws Exception {
        // More than the whole heap (the build runs these tests with -Xmx256m): kept in memory, it
        // could not fit.
        long heap = Runtime.getRuntime().maxMemory();
        long total = Math.min(heap + 64L * 1024 * 1024, 1536L * 1024 * 1024);
        byte[] chunk = ("x".repeat(998) + "\r\n").repeat(64).getBytes(StandardCharsets.ISO_8859_1);
        try (RawSmtpClient client = inTransaction()) {
            client.write("Subject: huge\r\n\r\n");
            for (long sent = 0; sent < total; sent += chunk.length) {
                client.write(chunk);
            }
            assertThat(client.command(".")).isEqualTo(TOO_BIG);
        }
        assertThat(receiver.receivedMessages()).isEmpty();
        Recovery.assertServesTheNextClient(receiver);
    }

    @Test
    void a_large_message_under_a_large_limit_is_stored_intact() throws Exception {
        try (FakeReceiver roomy = FakeReceiver.builder().maxMessageSize(8 * 1024 * 1024).build().start();
             Socket socket = new Socket()) {
            socket.connect(roomy.smtpAddress(), 5_000);
            RawSmtpClient client = new RawSmtpClient(socket);
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<a@b.test> SIZE=7000000");
            client.command("RCPT TO:<c@d.test>");
            client.command("DATA");
            byte[] line = ("..leading dot " + "w".repeat(984) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            OutputStream out = socket.getOutputStream();
            out.write("Subject: large\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 7000; i++) {
                out.write(line);
            }
            assertThat(client.command(".")).isEqualTo("250 OK\r\n");

            ReceivedMessage stored = roomy.awaitMessages(1, WAIT).get(0);
            String raw = new String(stored.raw(), StandardCharsets.ISO_8859_1);
            String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            assertThat(body.length()).isEqualTo(7000 * (line.length - 1) - 2);
            assertThat(Arrays.stream(body.split("\r\n"))).hasSize(7000).allMatch(l -> l.startsWith(".leading dot w"));
        }
    }
}
