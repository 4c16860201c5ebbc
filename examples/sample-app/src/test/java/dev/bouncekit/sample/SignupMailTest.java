package dev.bouncekit.sample;

import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.junit.Greylist;
import dev.bouncekit.junit.RejectRecipient;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.taxonomy.Action;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;

/** The declarative way: one receiver for the class, rules as annotations, the receiver as a parameter. */
// tag::declarative[]
@ExtendWith(FakeReceiverExtension.class)
@RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown")
class SignupMailTest {

    private final SuppressionList suppressions = new SuppressionList();

    private Mailer mailer(FakeReceiver receiver) {
        return new Mailer(SmtpSettings.of(receiver.host(), receiver.smtpPort()), suppressions, RetryPolicy.immediate(3));
    }

    @Test
    void suppresses_an_address_that_does_not_exist(FakeReceiver receiver) {
        DeliveryReport report = mailer(receiver).send(
                new Email("app@shop.test", List.of("alice@example.com", "ghost@gmail.com"), "Welcome", "Hi!"));

        assertThat(receiver)
                .hasRejectedRecipient("ghost@gmail.com", 550, "5.1.1")
                .hasReceivedMessageTo("alice@example.com", "Welcome");
        assertThat(report.bounced().get("ghost@gmail.com"))
                .hasReason(Reason.USERUNKNOWN).isHard().hasAction(Action.SUPPRESS).hasProvider("gmail");
        assertThat(suppressions.contains("ghost@gmail.com")).isTrue();
    }

    @Test
    @Greylist(recipient = "carol@example.org", times = 2)
    void retries_a_greylisted_recipient_until_accepted(FakeReceiver receiver) {
        DeliveryReport report = mailer(receiver).send(
                new Email("app@shop.test", List.of("carol@example.org"), "Welcome", "Hi!"));

        assertThat(report.attempts()).isEqualTo(3);
        assertThat(receiver)
                .hasRejectedRecipient("carol@example.org", 451, "4.7.1")
                .hasRetriedAfterTemporaryFailure()
                .hasReceivedMessageTo("carol@example.org");
    }
}
// end::declarative[]
