package dev.bouncekit.sample;

import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.junit.RejectSender;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.taxonomy.Action;
import dev.bouncekit.taxonomy.Owner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;

/** A refused sender is the sender's problem: nothing is suppressed, nothing retried. */
@ExtendWith(FakeReceiverExtension.class)
class SenderReputationTest {

    private final SuppressionList suppressions = new SuppressionList();

    @Test
    // tag::reject-sender[]
    @RejectSender(value = "*@spammy.test", reply = "outlook/spamhaus-mailfrom")
    void a_blocked_sender_suppresses_nobody(FakeReceiver receiver) {
        Mailer mailer = new Mailer(SmtpSettings.of(receiver.host(), receiver.smtpPort()), suppressions,
                RetryPolicy.immediate(3));

        DeliveryReport report = mailer.send(new Email("news@spammy.test", List.of("alice@example.com"), "Deals", "..."));

        assertThat(receiver).hasRejectedSender("news@spammy.test", 550).hasNoReceivedMessages();
        assertThat(report.bounced().get("alice@example.com")).hasOwner(Owner.SENDER).hasAction(Action.FIX_SENDER);
        assertThat(suppressions.addresses()).isEmpty();
    }
    // end::reject-sender[]
}
