package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Greylisting with {@code times}, delays and disconnects, seen by real clients. */
class RetryDelayDisconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

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
    void greylisting_answers_451_twice_then_accepts() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipientDomain("*.example.org")).at(SmtpStage.RCPT)
                .replyWith(451, "4.7.1", "Greylisted, try again later").times(2));
        AngusMailer mailer = AngusMailer.to(receiver);

        for (int attempt = 1; attempt <= 2; attempt++) {
            SendFailedException failure = catchThrowableOfType(SendFailedException.class,
                    () -> mailer.send("app@sender.test", "Retry", "carol@mx.example.org"));
            SMTPAddressFailedException rcpt = (SMTPAddressFailedException) failure.getNextException();
            assertThat(rcpt.getReturnCode()).isEqualTo(451);
            assertThat(rcpt.getMessage().strip()).isEqualTo("451 4.7.1 Greylisted, try again later");
        }
        mailer.send("app@sender.test", "Retry", "carol@mx.example.org");

        assertThat(receiver.awaitMessages(1, WAIT)).extracting(ReceivedMessage::to)
                .containsExactly(java.util.List.of("carol@mx.example.org"));
        assertThat(receiver.ruleUses()).containsExactly(2);
        assertThat(receiver.awaitConnections(3, WAIT))
                .extracting(c -> c.lastAt(SmtpStage.RCPT).orElseThrow().code())
                .containsExactly(451, 451, 250);
    }

    @Test
    void an_exhausted_rule_falls_through_to_the_next_rule() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("dave@example.com")).at(SmtpStage.RCPT)
                .replyWith(452, "4.2.2", "Mailbox full").times(1));
        receiver.addRule(ReplyRule.when(Condition.recipient("dave@example.com")).reply("generic/user-unknown"));

        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO c.test");
            client.command("MAIL FROM:<a@b.test>");
            assertThat(client.command("RCPT TO:<dave@example.com>")).isEqualTo("452 4.2.2 Mailbox full\r\n");
            assertThat(client.command("RCPT TO:<dave@example.com>")).isEqualTo("550 5.1.1 User unknown\r\n");
            assertThat(client.command("RCPT TO:<dave@example.com>")).isEqualTo("550 5.1.1 User unknown\r\n");
        }
    }

    @Test
    void a_delay_holds_the_reply_back() throws Exception {
        Duration delay = Duration.ofMillis(400);
        receiver.addRule(ReplyRule.when(Condition.any()).at(SmtpStage.MAIL).accept().delay(delay));

        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO c.test");
            long start = System.nanoTime();
            String reply = client.command("MAIL FROM:<a@b.test>");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(reply).startsWith("250");
            assertThat(took).isGreaterThanOrEqualTo(delay);
        }
        assertThat(receiver.transcript().get(0).lastAt(SmtpStage.MAIL).orElseThrow().rule())
                .isEqualTo("MAIL any -> accept, delay 400ms");
    }

    @Test
    void a_delayed_rejection_still_reaches_angus() {
        receiver.addRule(ReplyRule.when(Condition.recipient("slow@example.com")).reply("generic/user-unknown")
                .delay(Duration.ofMillis(200)));

        SendFailedException failure = catchThrowableOfType(SendFailedException.class,
                () -> AngusMailer.to(receiver).send("app@sender.test", "Slow", "slow@example.com"));

        assertThat(((SMTPAddressFailedException) failure.getNextException()).getReturnCode()).isEqualTo(550);
    }

    @Test
    void disconnect_closes_the_connection_without_a_reply() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("cut@example.com")).at(SmtpStage.RCPT).disconnect());

        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO c.test");
            client.command("MAIL FROM:<a@b.test>");
            assertThat(client.command("RCPT TO:<cut@example.com>")).isNull();
        }
        TranscriptConnection c = receiver.awaitConnections(1, WAIT).get(0);
        Exchange rcpt = c.lastAt(SmtpStage.RCPT).orElseThrow();
        assertThat(rcpt.reply()).isEmpty();
        assertThat(rcpt.rule()).isEqualTo("RCPT recipient=cut@example.com -> disconnect");
    }

    @Test
    void disconnect_without_a_reply_fails_angus_with_a_connection_error() {
        receiver.addRule(ReplyRule.when(Condition.any()).at(SmtpStage.DATA).disconnect());

        MessagingException failure = catchThrowableOfType(MessagingException.class,
                () -> AngusMailer.to(receiver).send("app@sender.test", "Cut", "alice@example.com"));

        // Depending on timing Angus sees a write error or an end of stream while reading the reply;
        // either way no SMTP reply code arrived.
        if (failure instanceof SMTPSendFailedException sendFailed) {
            assertThat(sendFailed.getReturnCode()).isEqualTo(-1);
            assertThat(sendFailed.getMessage()).contains("[EOF]");
        } else {
            assertThat(failure).isNotInstanceOf(SendFailedException.class);
        }
        assertThat(receiver.receivedMessages()).isEmpty();
        assertThat(receiver.awaitConnections(1, WAIT).get(0).lastAt(SmtpStage.DATA).orElseThrow().reply()).isEmpty();
    }

    @Test
    void disconnect_after_421_sends_the_421_then_closes() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.any()).at(SmtpStage.MAIL).disconnectAfter421());

        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO c.test");
            assertThat(client.command("MAIL FROM:<a@b.test>"))
                    .isEqualTo("421 4.3.2 Service not available, closing transmission channel\r\n");
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(receiver.awaitConnections(1, WAIT).get(0).isClosed()).isTrue();
    }

    @Test
    void angus_reports_the_421_at_the_greeting() {
        receiver.addRule(ReplyRule.when(Condition.any()).at(SmtpStage.CONNECT).disconnectAfter421());

        MessagingException failure = catchThrowableOfType(MessagingException.class,
                () -> AngusMailer.to(receiver).send("app@sender.test", "Busy", "alice@example.com"));

        assertThat(failure.getMessage()).contains("421 4.3.2 Service not available, closing transmission channel");
    }

    @Test
    void a_custom_reply_can_be_followed_by_a_disconnect() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.client("127.0.0.*")).at(SmtpStage.EHLO)
                .replyWith(421, "4.7.0", "Too many connections from your IP").thenDisconnect());

        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            assertThat(client.command("EHLO c.test")).isEqualTo("421 4.7.0 Too many connections from your IP\r\n");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void rules_can_be_added_and_cleared_while_the_server_runs() throws Exception {
        AngusMailer mailer = AngusMailer.to(receiver);
        receiver.addRule(ReplyRule.when(Condition.recipient("alice@example.com")).reply("generic/user-unknown"));
        catchThrowableOfType(SendFailedException.class, () -> mailer.send("app@sender.test", "1", "alice@example.com"));

        receiver.clearRules();

        assertThatCode(() -> mailer.send("app@sender.test", "2", "alice@example.com")).doesNotThrowAnyException();
        assertThat(receiver.awaitMessages(1, WAIT)).extracting(ReceivedMessage::subject).containsExactly("2");
    }

    @Test
    void closing_the_receiver_cuts_a_pending_delay_short() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.any()).at(SmtpStage.CONNECT).accept().delay(Duration.ofMinutes(5)));
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            receiver.awaitTranscript(t -> !t.isEmpty(), WAIT);
            long start = System.nanoTime();
            receiver.close();
            client.reply();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
