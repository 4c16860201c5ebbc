package dev.bouncekit.receiver;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.bouncekit.reply.SmtpStage;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceptanceTest {

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
    void binds_loopback_on_an_ephemeral_port_by_default() {
        assertThat(receiver.host()).isEqualTo("127.0.0.1");
        assertThat(receiver.smtpPort()).isPositive();
        assertThat(receiver.rules()).isEmpty();
        assertThat(receiver.magicAddresses()).isTrue();
    }

    @Test
    void accepts_and_stores_mail_to_ordinary_addresses() throws Exception {
        AngusMailer.to(receiver).send("app@sender.test", "Welcome", "alice@example.com", "bob@example.org");

        List<ReceivedMessage> messages = receiver.awaitMessages(1, WAIT);

        assertThat(messages).hasSize(1);
        ReceivedMessage message = messages.get(0);
        assertThat(message.id()).isEqualTo(1);
        assertThat(message.from()).isEqualTo("app@sender.test");
        assertThat(message.to()).containsExactly("alice@example.com", "bob@example.org");
        assertThat(message.subject()).isEqualTo("Welcome");
        assertThat(message.size()).isEqualTo(message.raw().length).isPositive();
        assertThat(message.rawText()).contains("Subject: Welcome").contains("Hello from the test.")
                .contains("\r\n.leading dot");
        assertThat(message.receivedAt()).isNotNull();
    }

    @Test
    void keeps_greenmail_storage_and_wait_for_incoming_email_working() throws Exception {
        AngusMailer.to(receiver).send("app@sender.test", "Stored", "alice@example.com");

        assertThat(receiver.greenMail().waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        MimeMessage[] stored = receiver.greenMail().getReceivedMessages();
        assertThat(stored).hasSize(1);
        assertThat(stored[0].getSubject()).isEqualTo("Stored");
        assertThat(GreenMailUtil.getBody(stored[0])).contains("Hello from the test.");
    }

    @Test
    void serves_accepted_mail_over_imap_and_pop3_when_asked_to() throws Exception {
        try (FakeReceiver withMailboxes = FakeReceiver.builder().imapPort(0).pop3Port(0).build().start()) {
            AngusMailer.to(withMailboxes).send("app@sender.test", "Over IMAP", "alice@example.com");
            withMailboxes.awaitMessages(1, WAIT);

            for (String protocol : List.of("imap", "pop3")) {
                int port = protocol.equals("imap") ? withMailboxes.imapPort().orElseThrow() : withMailboxes.pop3Port().orElseThrow();
                jakarta.mail.Store store = jakarta.mail.Session.getInstance(new Properties()).getStore(protocol);
                store.connect(withMailboxes.host(), port, "alice@example.com", "alice@example.com");
                try {
                    jakarta.mail.Folder inbox = store.getFolder("INBOX");
                    inbox.open(jakarta.mail.Folder.READ_ONLY);
                    assertThat(inbox.getMessages()).extracting(m -> m.getSubject()).as(protocol).containsExactly("Over IMAP");
                    inbox.close(false);
                } finally {
                    store.close();
                }
            }
        }
    }

    @Test
    void records_the_whole_conversation_in_the_transcript() throws Exception {
        AngusMailer.to(receiver).send("app@sender.test", "Transcript", "alice@example.com");

        TranscriptConnection connection = receiver.awaitConnections(1, WAIT).get(0);

        assertThat(connection.id()).isEqualTo(1);
        assertThat(connection.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(connection.helo()).isEqualTo("client.test");
        assertThat(connection.isClosed()).isTrue();
        assertThat(connection.acceptedRecipients()).containsExactly("alice@example.com");
        assertThat(connection.messageIds()).containsExactly(1);
        assertThat(connection.exchanges()).extracting(Exchange::command)
                .containsExactly(null, "EHLO client.test", "MAIL FROM:<app@sender.test>", "RCPT TO:<alice@example.com>",
                        "DATA", ".", "QUIT");
        assertThat(connection.exchanges()).extracting(Exchange::stage)
                .containsExactly(SmtpStage.CONNECT, SmtpStage.EHLO, SmtpStage.MAIL, SmtpStage.RCPT,
                        SmtpStage.DATA, SmtpStage.DATA, null);
        assertThat(connection.exchanges()).extracting(Exchange::code).containsExactly(220, 250, 250, 250, 354, 250, 221);
        assertThat(connection.exchanges().get(1).reply()).hasSize(5).contains("250-SIZE " + FakeReceiver.DEFAULT_MAX_MESSAGE_SIZE);
        assertThat(connection.ruleAnswers()).isEmpty();
    }

    @Test
    void accepts_bounces_with_the_null_sender() throws Exception {
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO mta.test");
            assertThat(client.command("MAIL FROM:<>")).startsWith("250");
            assertThat(client.command("RCPT TO:<app@sender.test>")).startsWith("250");
            assertThat(client.command("DATA")).startsWith("354");
            assertThat(client.command("Subject: Undelivered Mail Returned to Sender\r\n\r\nbounce\r\n.")).startsWith("250");
            client.command("QUIT");
        }

        ReceivedMessage bounce = receiver.awaitMessages(1, WAIT).get(0);
        assertThat(bounce.from()).isEmpty();
        assertThat(bounce.to()).containsExactly("app@sender.test");
        assertThat(bounce.rawText()).startsWith("Return-Path: <>");
    }

    @Test
    void answers_malformed_commands_and_keeps_serving() throws Exception {
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            assertThat(client.command("XYZZY")).startsWith("500");
            assertThat(client.command("HI")).startsWith("500");
            assertThat(client.command("RCPT TO:<a@b.test>")).startsWith("503");
            assertThat(client.command("MAIL FROM: nonsense")).startsWith("501");
            assertThat(client.command("DATA")).startsWith("503");
            assertThat(client.command("EHLO ok.test")).startsWith("250");
            assertThat(client.command("MAIL FROM:<a@b.test>")).startsWith("250");
        }
        AngusMailer.to(receiver).send("app@sender.test", "Still serving", "alice@example.com");
        assertThat(receiver.awaitMessages(1, WAIT)).extracting(ReceivedMessage::subject).containsExactly("Still serving");
    }

    @Test
    void reset_forgets_rules_mail_and_transcript() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("x@y.test")).reply("generic/user-unknown"));
        AngusMailer.to(receiver).send("app@sender.test", "One", "alice@example.com");
        receiver.awaitConnections(1, WAIT);

        receiver.reset();

        assertThat(receiver.rules()).isEmpty();
        assertThat(receiver.receivedMessages()).isEmpty();
        assertThat(receiver.transcript()).isEmpty();
        assertThat(receiver.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void reset_numbers_connections_and_messages_from_one_again() throws Exception {
        AngusMailer.to(receiver).send("app@sender.test", "One", "alice@example.com");
        AngusMailer.to(receiver).send("app@sender.test", "Two", "alice@example.com");
        receiver.awaitConnections(2, WAIT);

        receiver.reset();
        AngusMailer.to(receiver).send("app@sender.test", "Three", "alice@example.com");

        assertThat(receiver.awaitMessages(1, WAIT)).singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo(1))
                .satisfies(m -> assertThat(m.connectionId()).isEqualTo(1));
        assertThat(receiver.awaitConnections(1, WAIT)).extracting(TranscriptConnection::id).containsExactly(1);
    }

    @Test
    void await_times_out_with_what_it_saw() {
        assertThatThrownBy(() -> receiver.awaitMessages(1, Duration.ofMillis(50)))
                .isInstanceOf(AwaitTimeoutException.class)
                .hasMessageContaining("expected 1 stored message(s)")
                .hasMessageContaining("no connections");
    }

    @Test
    void cannot_be_started_twice_or_after_close() {
        assertThatThrownBy(receiver::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
        receiver.close();
        assertThatThrownBy(receiver::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(receiver::smtpPort).isInstanceOf(IllegalStateException.class);
    }
}
