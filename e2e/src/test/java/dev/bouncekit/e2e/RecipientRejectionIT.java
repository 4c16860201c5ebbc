package dev.bouncekit.e2e;

import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.Exchange;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReceivedMessage;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.bouncekit.e2e.JamesRelay.CLASSIFIED;
import static dev.bouncekit.e2e.JamesRelay.DSN;
import static dev.bouncekit.e2e.JamesRelay.EXPIRED;
import static dev.bouncekit.e2e.JamesRelay.HARD_BOUNCES;
import static dev.bouncekit.e2e.JamesRelay.SENDER_PROBLEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Recipients refused at RCPT TO, through James's RemoteDelivery with sendpartial=true. */
@ExtendWith(RelayExtension.class)
class RecipientRejectionIT {

    @Test
    void accepted_mail_reaches_the_receiver_and_is_never_classified(FakeReceiver receiver, JamesRelay james) throws Exception {
        Submission.send(james.smtpPort(), "plain.sender@sender.test", List.of("friend@example.com"), "hello");

        List<ReceivedMessage> received = receiver.awaitMessages(1, JamesRelay.PATIENCE);
        assertThat(received.get(0).to()).containsExactly("friend@example.com");
        assertThat(received.get(0).subject()).isEqualTo("hello");
        assertThat(james.mailsTo(CLASSIFIED, "friend@example.com")).isEmpty();
    }

    @Test
    void gmail_user_unknown_at_rcpt_is_a_hard_bounce_routed_to_the_hard_bounce_processor(
            FakeReceiver receiver, JamesRelay james) throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("ghost@gmail.com")).at(SmtpStage.RCPT).reply("gmail/user-unknown"));

        Submission.send(james.smtpPort(), "ghost.sender@sender.test", List.of("ghost@gmail.com"), "to a ghost");

        StoredMail bounce = james.awaitMail(CLASSIFIED, "ghost@gmail.com");
        assertThat(bounce.deliveryError()).contains("550-5.1.1 The email account that you tried to reach does not exist");
        assertThat(bounce.reason()).isEqualTo("userunknown");
        assertThat(bounce.hard()).isTrue();
        assertThat(bounce.owner()).isEqualTo("recipient");
        assertThat(bounce.action()).isEqualTo("suppress");
        assertThat(bounce.provider()).isEqualTo("gmail");
        assertThat(bounce.code()).isEqualTo(550);
        assertThat(bounce.status()).isEqualTo("5.1.1");
        assertThat(bounce.recipient()).isEqualTo("ghost@gmail.com");
        assertThat(bounce.unknownRecipients()).isEmpty();

        assertThat(james.awaitMail(HARD_BOUNCES, "ghost@gmail.com").recipients()).containsExactly("ghost@gmail.com");
        assertThat(james.mailsTo(DSN, "ghost.sender@sender.test")).isEmpty();
        assertThat(james.mailsTo(SENDER_PROBLEMS, "ghost@gmail.com")).isEmpty();
        assertThat(james.mailsTo(EXPIRED, "ghost@gmail.com")).isEmpty();
        assertThat(receiver.receivedMessages()).isEmpty();
    }

    @Test
    void two_recipients_refused_for_different_reasons_share_one_bounce_classified_by_the_first_refusal(
            FakeReceiver receiver, JamesRelay james) throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("ghost@example.org")).at(SmtpStage.RCPT)
                .replyWith(550, "5.1.1", "<ghost@example.org>: Recipient address rejected: User unknown in virtual mailbox table"));
        receiver.addRule(ReplyRule.when(Condition.recipient("frozen@example.org")).at(SmtpStage.RCPT)
                .replyWith(550, "5.2.1", "<frozen@example.org>: Recipient address rejected: Account disabled"));

        Submission.send(james.smtpPort(), "pair.sender@sender.test",
                List.of("reader@example.org", "ghost@example.org", "frozen@example.org"), "to three");

        // sendpartial=true: the accepted recipient gets the message ...
        assertThat(receiver.awaitMessages(1, JamesRelay.PATIENCE).get(0).to()).containsExactly("reader@example.org");
        // ... and both refused recipients are bounced together, with the reply to the first refused RCPT only.
        StoredMail bounce = james.awaitMail(CLASSIFIED, "ghost@example.org");
        assertThat(bounce.recipients()).containsExactlyInAnyOrder("ghost@example.org", "frozen@example.org");
        String first = firstRefusedRecipient(receiver);
        String other = first.equals("ghost@example.org") ? "frozen@example.org" : "ghost@example.org";
        assertThat(bounce.deliveryError()).contains("<" + first + ">").doesNotContain("<" + other + ">");
        assertThat(bounce.recipient()).isEqualTo(first);
        assertThat(bounce.unknownRecipients()).containsExactly(other);

        if (first.equals("ghost@example.org")) {
            assertThat(bounce.reason()).isEqualTo("userunknown");
            assertThat(bounce.hard()).isTrue();
            // IsHardBounce takes the named recipient only; the other one goes on to DSNBounce.
            assertThat(james.awaitMail(HARD_BOUNCES, "ghost@example.org").recipients())
                    .containsExactly("ghost@example.org");
            String dsn = james.awaitMail(DSN, "pair.sender@sender.test").text();
            assertThat(dsn).contains("Final-Recipient: rfc822; frozen@example.org")
                    .doesNotContain("Final-Recipient: rfc822; ghost@example.org");
        } else {
            assertThat(bounce.reason()).isEqualTo("suspend");
            assertThat(bounce.hard()).isFalse();
            String dsn = james.awaitMail(DSN, "pair.sender@sender.test").text();
            assertThat(dsn).contains("Final-Recipient: rfc822; frozen@example.org", "Final-Recipient: rfc822; ghost@example.org");
            assertThat(james.mailsTo(HARD_BOUNCES, "ghost@example.org")).isEmpty();
        }
    }

    @Test
    void a_5xx_recipient_bounced_with_the_4xx_reply_of_another_is_left_unknown(FakeReceiver receiver, JamesRelay james)
            throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("nobody@example.org")).at(SmtpStage.RCPT)
                .replyWith(550, "5.1.1", "User unknown"));
        receiver.addRule(ReplyRule.when(Condition.recipient("busy@example.org")).at(SmtpStage.RCPT)
                .replyWith(452, "4.2.2", "Mailbox full, try again later"));

        Submission.send(james.smtpPort(), "busy.sender@sender.test", List.of("nobody@example.org", "busy@example.org"), "to two");

        // James sends RCPT TO in the order of a HashSet: busy first, so the bounce of nobody, refused
        // for good, carries busy's 452, while busy is retried (maxRetries=0: bounced as expired).
        assertThat(firstRefusedRecipient(receiver)).isEqualTo("busy@example.org");
        StoredMail nobody = await("the DSN of nobody's bounce").atMost(JamesRelay.PATIENCE)
                .until(() -> james.mailsTo(DSN, "busy.sender@sender.test").stream()
                        .filter(dsn -> dsn.text().contains("Final-Recipient: rfc822; nobody@example.org")).findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(nobody.deliveryError()).isEqualTo("452 4.2.2 Mailbox full, try again later");
        assertThat(nobody.reason()).isEqualTo("mailboxfull");
        assertThat(nobody.recipient()).isNull();
        assertThat(nobody.unknownRecipients()).containsExactly("nobody@example.org");
        assertThat(james.mailsTo(HARD_BOUNCES, "nobody@example.org")).isEmpty();
    }

    private static String firstRefusedRecipient(FakeReceiver receiver) {
        return receiver.awaitConnections(1, Duration.ofSeconds(5)).stream()
                .flatMap(connection -> connection.exchangesAt(SmtpStage.RCPT).stream())
                .filter(Exchange::isRejection)
                .map(exchange -> exchange.command().replaceAll("(?i)^RCPT TO:\\s*<([^>]*)>.*$", "$1").toLowerCase())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the receiver refused no RCPT: " + receiver.transcript()));
    }
}
