package dev.bouncekit.e2e;

import ch.qos.logback.classic.Level;
import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.taxonomy.Reason;
import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.Exchange;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.receiver.TranscriptConnection;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.bouncekit.e2e.JamesRelay.CLASSIFIED;
import static dev.bouncekit.e2e.JamesRelay.DSN;
import static dev.bouncekit.e2e.JamesRelay.EXPIRED;
import static dev.bouncekit.e2e.JamesRelay.HARD_BOUNCES;
import static dev.bouncekit.e2e.JamesRelay.SENDER_PROBLEMS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Temporary failures: RemoteDelivery retries them and, after the last retry, bounces with its own
 * text only: the 4xx reply, or the connection error, is lost.
 */
@ExtendWith(RelayExtension.class)
class TemporaryFailureIT {

    @Test
    void greylisting_with_max_retries_0_bounces_at_once_as_expired_without_the_451_text(
            FakeReceiver receiver, JamesRelay james) throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("newcomer@example.com")).at(SmtpStage.RCPT)
                .replyWith(451, "4.7.1", "Greylisted, please try again later").times(1));

        Submission.send(james.smtpPort(), "grey.sender@sender.test", List.of("newcomer@example.com"), "first contact");

        StoredMail bounce = james.awaitMail(CLASSIFIED, "newcomer@example.com");
        assertThat(bounce.deliveryError()).isEqualTo("Too many retries failure. Bouncing after 0 retries.");
        assertThat(bounce.permanentError()).isFalse();
        assertThat(bounce.retries()).isZero();
        assertExpired(bounce, "newcomer@example.com");
        assertThat(james.awaitMail(DSN, "grey.sender@sender.test").text()).contains("Final-Recipient: rfc822; newcomer@example.com");
        assertRoutedAsExpiredOnly(james, "newcomer@example.com");

        List<TranscriptConnection> connections = receiver.transcript();
        assertThat(connections).hasSize(1);
        assertThat(connections.get(0).exchangesAt(SmtpStage.RCPT)).singleElement()
                .satisfies(rcpt -> assertThat(rcpt.code()).isEqualTo(451));
        assertThat(receiver.receivedMessages()).isEmpty();
    }

    @Test
    void a_closed_gateway_port_bounces_as_expired_without_the_connection_error(JamesRelay james) throws Exception {
        Submission.send(james.smtpPort(), "closed.sender@sender.test", List.of("someone@closed.test"), "into the void");

        StoredMail bounce = james.awaitMail(CLASSIFIED, "someone@closed.test");
        assertThat(bounce.deliveryError()).isEqualTo("Too many retries failure. Bouncing after 0 retries.");
        assertThat(bounce.permanentError()).isFalse();
        assertExpired(bounce, "someone@closed.test");
        assertThat(james.awaitMail(DSN, "closed.sender@sender.test").text()).contains("Final-Recipient: rfc822; someone@closed.test");
        assertRoutedAsExpiredOnly(james, "someone@closed.test");
    }

    /**
     * A receiver that stops answering: JavaMail 1.6.2 gives up on the reply after the route's 1 s
     * {@code timeout} ("Exception reading response", a SocketTimeoutException nested). RemoteDelivery keeps
     * that text in its log only; the bounce carries its own retry text, as for any failure without a
     * reply. Both are classified by their cause: the bounce expired, the logged failure a network error.
     */
    @Test
    void a_receiver_that_stops_answering_bounces_as_expired_and_james_logs_a_network_error(
            FakeReceiver receiver, JamesRelay james) throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("mute@slow.test")).at(SmtpStage.RCPT)
                .accept().delay(Duration.ofSeconds(3)));

        try (DeliveryLog log = DeliveryLog.capture()) {
            Submission.send(james.smtpPort(), "slow.sender@sender.test", List.of("mute@slow.test"), "hello?");

            StoredMail bounce = james.awaitMail(CLASSIFIED, "mute@slow.test");
            assertThat(bounce.deliveryError()).isEqualTo("Too many retries failure. Bouncing after 0 retries.");
            assertExpired(bounce, "mute@slow.test");
            assertRoutedAsExpiredOnly(james, "mute@slow.test");

            List<String> logged = new ArrayList<>(log.at(Level.INFO));
            assertThat(logged).containsExactly("Exception reading response");
            logged.addAll(log.at(Level.DEBUG).stream().filter(line -> line.startsWith("Exception delivering message")).toList());
            assertThat(logged).hasSize(2).allSatisfy(line -> {
                Classification verdict = BounceClassifier.builtIn().classify(line);
                assertThat(verdict.reason()).as(line).isEqualTo(Reason.NETWORKERROR);
                assertThat(verdict.evidence().isWeak()).as(line).isFalse();
            });
        }
        assertThat(receiver.awaitConnections(1, JamesRelay.PATIENCE).get(0).lastAt(SmtpStage.RCPT)).isPresent();
        assertThat(receiver.receivedMessages()).isEmpty();
    }

    @Test
    void a_4xx_on_every_attempt_expires_after_max_retries_with_the_retry_count(
            FakeReceiver receiver, JamesRelay james) throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("busy@retry.test")).at(SmtpStage.RCPT)
                .replyWith(451, "4.3.2", "Mailbox busy, try again later"));

        Submission.send(james.smtpPort(), "retry.sender@sender.test", List.of("busy@retry.test"), "persistent");

        StoredMail bounce = james.awaitMail(CLASSIFIED, "busy@retry.test");
        assertThat(bounce.deliveryError()).isEqualTo("Too many retries failure. Bouncing after 2 retries.");
        assertThat(bounce.retries()).isEqualTo(2);
        assertExpired(bounce, "busy@retry.test");
        assertThat(james.awaitMail(DSN, "retry.sender@sender.test").text()).contains("Final-Recipient: rfc822; busy@retry.test");
        assertRoutedAsExpiredOnly(james, "busy@retry.test");

        // The first attempt and maxRetries=2 retries, each refused with the 451.
        assertThat(receiver.transcript()).hasSize(3)
                .allSatisfy(connection -> assertThat(connection.exchangesAt(SmtpStage.RCPT))
                        .extracting(Exchange::code).containsExactly(451));
    }

    @Test
    void greylisting_on_a_route_with_retries_passes_on_the_second_attempt_and_is_never_classified(
            FakeReceiver receiver, JamesRelay james) throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("patient@retry.test")).at(SmtpStage.RCPT)
                .replyWith(451, "4.7.1", "Greylisted, please try again later").times(1));

        Submission.send(james.smtpPort(), "patient.sender@sender.test", List.of("patient@retry.test"), "worth the wait");

        assertThat(receiver.awaitMessages(1, JamesRelay.PATIENCE).get(0).to()).containsExactly("patient@retry.test");
        assertThat(receiver.transcript()).hasSize(2);
        assertThat(james.mailsTo(CLASSIFIED, "patient@retry.test")).isEmpty();
    }

    /** IsBounceReason=expired kept a copy; neither IsHardBounce nor IsBounceOwner=sender took it. */
    private static void assertRoutedAsExpiredOnly(JamesRelay james, String recipient) {
        assertThat(james.mailsTo(EXPIRED, recipient)).hasSize(1);
        assertThat(james.mailsTo(HARD_BOUNCES, recipient)).isEmpty();
        assertThat(james.mailsTo(SENDER_PROBLEMS, recipient)).isEmpty();
    }

    private static void assertExpired(StoredMail bounce, String recipient) {
        assertThat(bounce.reason()).isEqualTo("expired");
        assertThat(bounce.hard()).isFalse();
        assertThat(bounce.owner()).isEqualTo("transient");
        assertThat(bounce.action()).isEqualTo("review");
        assertThat(bounce.code()).isNull();
        assertThat(bounce.status()).isNull();
        assertThat(bounce.recipient()).isEqualTo(recipient);
    }
}
