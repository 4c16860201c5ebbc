package dev.bouncekit.sample;

import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.MagicAddresses;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.util.List;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;

/**
 * An instance field gives every test a receiver of its own, on its own port, so tests can run in
 * parallel (enabled in junit-platform.properties, chosen here with {@code @Execution}).
 */
// tag::per-test[]
@Execution(ExecutionMode.CONCURRENT)
class CheckoutMailParallelTest {

    @RegisterExtension
    FakeReceiverExtension smtp = FakeReceiverExtension.builder().build();

    private Mailer mailer(FakeReceiver receiver) {
        return new Mailer(SmtpSettings.of(receiver.host(), receiver.smtpPort()), new SuppressionList(),
                RetryPolicy.immediate(2));
    }

    @Test
    void a_full_mailbox_is_reported_not_suppressed(FakeReceiver receiver) {
        String full = MagicAddresses.address("gmail/over-quota-permanent");   // any catalog reply, by address

        DeliveryReport report = mailer(receiver).send(new Email("shop@shop.test", List.of(full), "Receipt", "..."));

        assertThat(report.bounced().get(full)).hasReason(Reason.MAILBOXFULL).isNotHard();
        assertThat(receiver).hasRejectedRecipient(full, Reason.MAILBOXFULL).hasNoReceivedMessages();
    }

    @Test
    void a_receipt_arrives(FakeReceiver receiver) {
        mailer(receiver).send(new Email("shop@shop.test", List.of("bob@example.com"), "Receipt", "Thank you"));

        assertThat(receiver).hasReceivedMessages(1).hasReceivedMessageWithBodyContaining("Thank you");
    }
}
// end::per-test[]
