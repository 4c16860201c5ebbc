package dev.bouncekit.receiver;

import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.reply.SmtpStage;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Angus Mail sees the exact code, enhanced code and full text at every stage. */
class StageRejectionTest {

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

    private static CatalogEntry entry(String id) {
        return ReplyCatalog.builtIn().require(id);
    }

    @Test
    void greeting_rejection_reaches_the_client_with_its_full_text() {
        receiver.addRule(ReplyRule.when(Condition.any()).at(SmtpStage.CONNECT)
                .replyWith(554, "5.7.1", "Client host rejected", "See https://postmaster.test/554"));

        MessagingException failure = catchThrowableOfType(MessagingException.class,
                () -> AngusMailer.to(receiver).send("app@sender.test", "Hi", "alice@example.com"));

        assertThat(failure.getMessage()).contains("554-5.7.1 Client host rejected")
                .contains("554 5.7.1 See https://postmaster.test/554");
        TranscriptConnection c = receiver.awaitConnections(1, WAIT).get(0);
        assertThat(c.exchanges().get(0).reply())
                .containsExactly("554-5.7.1 Client host rejected", "554 5.7.1 See https://postmaster.test/554");
        assertThat(receiver.receivedMessages()).isEmpty();
    }

    @Test
    void after_a_rejected_greeting_only_quit_is_served() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.any()).at(SmtpStage.CONNECT).replyWith(554, "5.3.2", "No thanks"));
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            assertThat(client.reply()).isEqualTo("554 5.3.2 No thanks\r\n");
            assertThat(client.command("EHLO client.test")).startsWith("503 5.5.1");
            assertThat(client.command("MAIL FROM:<a@b.test>")).startsWith("503 5.5.1");
            assertThat(client.command("QUIT")).startsWith("221");
        }
    }

    @Test
    void ehlo_rejection_reaches_the_client_also_after_its_helo_fallback() {
        receiver.addRule(ReplyRule.when(Condition.helo("client.test")).reply("outlook/spamhaus-helo"));

        MessagingException failure = catchThrowableOfType(MessagingException.class,
                () -> AngusMailer.to(receiver).send("app@sender.test", "Hi", "alice@example.com"));

        CatalogEntry helo = entry("outlook/spamhaus-helo");
        assertThat(helo.stage()).isEqualTo(SmtpStage.EHLO);
        assertThat(failure.getMessage()).contains(helo.lines().get(helo.lines().size() - 1));
        TranscriptConnection c = receiver.awaitConnections(1, WAIT).get(0);
        assertThat(c.exchangesAt(SmtpStage.EHLO)).extracting(Exchange::command)
                .containsExactly("EHLO client.test", "HELO client.test");
        assertThat(c.exchangesAt(SmtpStage.EHLO)).allSatisfy(e -> {
            assertThat(e.reply()).isEqualTo(helo.lines());
            assertThat(e.rule()).isEqualTo("EHLO helo=client.test -> outlook/spamhaus-helo");
        });
    }

    @Test
    void mail_from_rejection_carries_the_catalog_code_and_text() {
        receiver.addRule(ReplyRule.when(Condition.senderDomain("spammy.test")).reply("outlook/spamhaus-mailfrom"));

        SMTPSendFailedException failure = catchThrowableOfType(SMTPSendFailedException.class,
                () -> AngusMailer.to(receiver).send("bulk@spammy.test", "Hi", "alice@example.com"));

        CatalogEntry mailFrom = entry("outlook/spamhaus-mailfrom");
        assertThat(failure.getNextException()).isInstanceOf(SMTPSenderFailedException.class);
        assertThat(failure.getReturnCode()).isEqualTo(mailFrom.code()).isEqualTo(550);
        assertThat(failure.getMessage().strip()).isEqualTo(mailFrom.joined());
        assertThat(receiver.receivedMessages()).isEmpty();
    }

    @Test
    void mail_from_rejection_can_span_several_lines() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.sender("*@spammy.test")).at(SmtpStage.MAIL)
                .replyWith(550, "5.7.1", "Sender rejected", "Your domain is on our blocklist"));

        SMTPSendFailedException failure = catchThrowableOfType(SMTPSendFailedException.class,
                () -> AngusMailer.to(receiver).send("bulk@spammy.test", "Hi", "alice@example.com"));

        assertThat(failure.getReturnCode()).isEqualTo(550);
        assertThat(failure.getMessage().strip())
                .isEqualTo("550-5.7.1 Sender rejected\n550 5.7.1 Your domain is on our blocklist");
    }

    @Test
    void rcpt_rejection_hits_only_the_matching_recipient_and_the_others_get_the_mail() {
        receiver.addRule(ReplyRule.when(Condition.recipient("ghost@gmail.com")).at(SmtpStage.RCPT).reply("gmail/user-unknown"));

        SendFailedException failure = catchThrowableOfType(SendFailedException.class,
                () -> AngusMailer.sendingPartially(receiver)
                        .send("app@sender.test", "Partial", "alice@example.com", "ghost@gmail.com", "bob@example.org"));

        assertThat(failure.getInvalidAddresses()).extracting(Object::toString).containsExactly("ghost@gmail.com");
        assertThat(failure.getValidSentAddresses()).extracting(Object::toString)
                .containsExactlyInAnyOrder("alice@example.com", "bob@example.org");
        List<SMTPAddressFailedException> perAddress = addressFailures(failure);
        assertThat(perAddress).hasSize(1);
        CatalogEntry unknown = entry("gmail/user-unknown");
        assertThat(perAddress.get(0).getReturnCode()).isEqualTo(550);
        assertThat(perAddress.get(0).getMessage().strip()).isEqualTo(unknown.joined());

        ReceivedMessage stored = receiver.awaitMessages(1, WAIT).get(0);
        assertThat(stored.to()).containsExactly("alice@example.com", "bob@example.org");
        TranscriptConnection c = receiver.awaitConnections(1, WAIT).get(0);
        assertThat(c.acceptedRecipients()).containsExactly("alice@example.com", "bob@example.org");
        assertThat(c.exchangesAt(SmtpStage.RCPT)).extracting(Exchange::code).containsExactly(250, 550, 250);
    }

    @Test
    void data_rejection_after_the_final_dot_reaches_the_client() {
        receiver.addRule(ReplyRule.when(Condition.any()).at(SmtpStage.DATA)
                .replyWith(SmtpReply.of(554, "5.7.1", "Message rejected as spam", "Contact postmaster@receiver.test")));

        SMTPSendFailedException failure = catchThrowableOfType(SMTPSendFailedException.class,
                () -> AngusMailer.to(receiver).send("app@sender.test", "Spammy", "alice@example.com"));

        assertThat(failure.getReturnCode()).isEqualTo(554);
        assertThat(failure.getMessage().strip())
                .isEqualTo("554-5.7.1 Message rejected as spam\n554 5.7.1 Contact postmaster@receiver.test");
        TranscriptConnection c = receiver.awaitConnections(1, WAIT).get(0);
        Exchange dot = c.lastAt(SmtpStage.DATA).orElseThrow();
        assertThat(dot.command()).isEqualTo(".");
        assertThat(dot.code()).isEqualTo(554);
        assertThat(c.messageIds()).isEmpty();
        assertThat(receiver.receivedMessages()).isEmpty();
        assertThat(receiver.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void data_rule_on_recipient_matches_any_accepted_recipient_of_the_transaction() {
        receiver.addRule(ReplyRule.when(Condition.recipientDomain("*.example.org")).at(SmtpStage.DATA)
                .replyWith(552, "5.3.4", "Message too big for system"));

        SMTPSendFailedException failure = catchThrowableOfType(SMTPSendFailedException.class,
                () -> AngusMailer.to(receiver).send("app@sender.test", "Big", "alice@example.com", "bob@mx.example.org"));

        assertThat(failure.getReturnCode()).isEqualTo(552);
        assertThat(receiver.receivedMessages()).isEmpty();
    }

    @Test
    void a_refused_message_ends_the_transaction() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.any()).at(SmtpStage.DATA).replyWith(554, "5.7.1", "No").times(1));
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO c.test");
            client.command("MAIL FROM:<a@b.test>");
            client.command("RCPT TO:<c@d.test>");
            client.command("DATA");
            assertThat(client.command("Subject: x\r\n\r\nbody\r\n.")).isEqualTo("554 5.7.1 No\r\n");

            assertThat(client.command("DATA")).startsWith("503");
            client.command("MAIL FROM:<a@b.test>");
            client.command("RCPT TO:<c@d.test>");
            client.command("DATA");
            assertThat(client.command("Subject: y\r\n\r\nbody\r\n.")).startsWith("250");
        }
        assertThat(receiver.awaitMessages(1, WAIT)).extracting(ReceivedMessage::subject).containsExactly("y");
    }

    @Test
    void auth_secrets_are_masked_in_the_transcript() throws Exception {
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO c.test");
            assertThat(client.command("AUTH PLAIN AHVzZXIAc2VjcmV0")).startsWith("235");
            client.command("QUIT");
        }
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO c.test");
            assertThat(client.command("AUTH LOGIN")).startsWith("334");
            client.command("dXNlcg==");
            assertThat(client.command("c2VjcmV0")).startsWith("235");
            client.command("QUIT");
        }
        assertThat(receiver.awaitConnections(2, WAIT)).flatExtracting(TranscriptConnection::exchanges)
                .extracting(Exchange::command)
                .contains("AUTH PLAIN ***", "AUTH LOGIN", "***")
                .doesNotContain("AUTH PLAIN AHVzZXIAc2VjcmV0", "dXNlcg==", "c2VjcmV0");
    }

    @Test
    void first_matching_rule_wins() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("*@gmail.com")).at(SmtpStage.RCPT).replyWith(550, "5.1.1", "first"));
        receiver.addRule(ReplyRule.when(Condition.recipient("ghost@gmail.com")).at(SmtpStage.RCPT).replyWith(550, "5.1.1", "second"));

        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO c.test");
            client.command("MAIL FROM:<a@b.test>");
            assertThat(client.command("RCPT TO:<ghost@gmail.com>")).isEqualTo("550 5.1.1 first\r\n");
        }
    }

    private static List<SMTPAddressFailedException> addressFailures(MessagingException failure) {
        List<SMTPAddressFailedException> out = new ArrayList<>();
        Exception next = failure.getNextException();
        while (next != null) {
            if (next instanceof SMTPAddressFailedException a) {
                out.add(a);
            }
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return out;
    }
}
