package dev.bouncekit.e2e;

import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;

import static dev.bouncekit.e2e.JamesRelay.CLASSIFIED;
import static dev.bouncekit.e2e.JamesRelay.DSN;
import static dev.bouncekit.e2e.JamesRelay.FIX_MESSAGE;
import static dev.bouncekit.e2e.JamesRelay.HARD_BOUNCES;
import static dev.bouncekit.e2e.JamesRelay.SENDER_PROBLEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Refusals that are not about the recipient: the sending host at MAIL FROM, the content after DATA. */
@ExtendWith(RelayExtension.class)
class SenderAndContentRejectionIT {

    @Test
    void an_outlook_spamhaus_block_at_mail_from_is_the_senders_problem_and_routed_to_it(
            FakeReceiver receiver, JamesRelay james) throws Exception {
        receiver.addRule(ReplyRule.when(Condition.sender("listed@sender.test")).at(SmtpStage.MAIL).reply("outlook/spamhaus-client"));

        Submission.send(james.smtpPort(), "listed@sender.test", List.of("friend@outlook.com"), "from a listed host");

        StoredMail bounce = james.awaitMail(CLASSIFIED, "friend@outlook.com");
        assertThat(bounce.deliveryError()).startsWith("550 5.7.1 Service unavailable, Client host");
        assertThat(bounce.permanentError()).isTrue();
        assertThat(bounce.reason()).isEqualTo("blocked");
        assertThat(bounce.hard()).isFalse();
        assertThat(bounce.owner()).isEqualTo("sender");
        assertThat(bounce.action()).isEqualTo("fix-sender");
        assertThat(bounce.provider()).isEqualTo("outlook");
        assertThat(bounce.status()).isEqualTo("5.7.1");
        assertThat(bounce.recipient()).isEqualTo("friend@outlook.com");

        assertThat(james.awaitMail(SENDER_PROBLEMS, "friend@outlook.com").recipients()).containsExactly("friend@outlook.com");
        assertThat(james.mailsTo(HARD_BOUNCES, "friend@outlook.com")).isEmpty();
        assertThat(james.mailsTo(FIX_MESSAGE, "friend@outlook.com")).isEmpty();
        assertThat(james.mailsTo(DSN, "listed@sender.test")).isEmpty();
        assertThat(receiver.receivedMessages()).isEmpty();
    }

    @Test
    void a_content_rejection_after_data_is_the_messages_problem_and_the_sender_gets_a_dsn_with_the_verdict(
            FakeReceiver receiver, JamesRelay james) throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("reader@example.net")).at(SmtpStage.DATA).reply("proofpoint/spam-content"));

        Submission.send(james.smtpPort(), "content.sender@sender.test", List.of("reader@example.net"), "buy now");

        StoredMail bounce = james.awaitMail(CLASSIFIED, "reader@example.net");
        assertThat(bounce.deliveryError()).startsWith("550 5.7.1 Message blocked due to spam content");
        assertThat(bounce.code()).isEqualTo(550);
        assertThat(bounce.reason()).isEqualTo("spamdetected");
        assertThat(bounce.hard()).isFalse();
        assertThat(bounce.owner()).isEqualTo("message");
        assertThat(bounce.action()).isEqualTo("fix-message");
        assertThat(bounce.recipient()).isEqualTo("reader@example.net");

        // Neither hard nor the sender's: DSNBounce tells the sender, and the bounced message it
        // quotes carries MailAttributesToMimeHeaders' copy of the bounce.
        String dsn = james.awaitMail(DSN, "content.sender@sender.test").text();
        assertThat(dsn).contains("Final-Recipient: rfc822; reader@example.net",
                "X-Bouncekit-Reason: spamdetected", "X-Bouncekit-Action: fix-message", "X-Bouncekit-Status: 5.7.1");
        assertThat(james.mailsTo(FIX_MESSAGE, "reader@example.net")).hasSize(1);
        assertThat(james.mailsTo(HARD_BOUNCES, "reader@example.net")).isEmpty();
        assertThat(james.mailsTo(SENDER_PROBLEMS, "reader@example.net")).isEmpty();
        assertThat(receiver.receivedMessages()).isEmpty();
    }

    @Test
    void a_recipient_refused_at_data_is_never_bounced_as_another_recipients_rcpt_refusal(
            FakeReceiver receiver, JamesRelay james) throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("gone@example.net")).at(SmtpStage.RCPT)
                .replyWith(550, "5.1.1", "User unknown"));
        receiver.addRule(ReplyRule.when(Condition.recipient("fan@example.net")).at(SmtpStage.DATA)
                .replyWith(554, "5.7.1", "Message rejected as spam"));

        Submission.send(james.smtpPort(), "mixed.sender@sender.test", List.of("gone@example.net", "fan@example.net"), "mixed");

        // gone is refused at RCPT, fan accepted, then the message refused at DATA. RemoteDelivery bounces
        // gone, then fan, both with delivery-error-code 554 and the text of gone's RCPT refusal: the
        // 554 text is lost. fan's address is good: it must never be routed as a user unknown.
        await("fan's bounce routed").atMost(JamesRelay.PATIENCE)
                .until(() -> !james.mailsTo(HARD_BOUNCES, "fan@example.net").isEmpty() || dsnFor(james, "fan@example.net").isPresent());
        assertThat(james.mailsTo(HARD_BOUNCES, "fan@example.net")).isEmpty();
        StoredMail fan = dsnFor(james, "fan@example.net").orElseThrow();
        assertThat(fan.deliveryError()).isEqualTo("550 5.1.1 User unknown");
        assertThat(fan.recipient()).isNull();
        assertThat(fan.unknownRecipients()).containsExactly("fan@example.net");
        assertThat(receiver.receivedMessages()).isEmpty();
    }

    private static Optional<StoredMail> dsnFor(JamesRelay james, String recipient) {
        return james.mailsTo(DSN, "mixed.sender@sender.test").stream()
                .filter(dsn -> dsn.text().contains("Final-Recipient: rfc822; " + recipient))
                .findFirst();
    }
}
