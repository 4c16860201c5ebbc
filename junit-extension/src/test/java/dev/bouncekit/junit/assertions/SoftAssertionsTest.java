package dev.bouncekit.junit.assertions;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.junit.RejectRecipient;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.taxonomy.Reason;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;
import static dev.bouncekit.junit.assertions.BounceAssertions.assertThatThrownBy;

/** The assertions collect failures in AssertJ's soft assertions instead of stopping at the first. */
@ExtendWith({FakeReceiverExtension.class, SoftAssertionsExtension.class})
@RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown")
class SoftAssertionsTest {

    @InjectSoftAssertions
    BounceSoftAssertions injected;

    private final Classification userUnknown = BounceClassifier.builtIn().classify("550 5.1.1 User unknown");

    @Test
    void should_collect_every_failure_with_bounce_soft_assertions(FakeReceiver receiver) {
        SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "ghost@gmail.com");
        BounceSoftAssertions softly = new BounceSoftAssertions();

        softly.assertThat(receiver).hasRejectedRecipient("ghost@gmail.com", 421).hasReceivedMessages(1);
        softly.assertThat(userUnknown).hasReason(Reason.MAILBOXFULL).isHard();
        softly.assertThat("plain AssertJ").startsWith("plain");

        assertThat(softly.errorsCollected()).hasSize(3);
        assertThatThrownBy(softly::assertAll)
                .hasMessageContaining("Multiple Failures (3 failures)")
                .hasMessageContaining("with code 421")
                .hasMessageContaining("to have stored 1 message(s) but it stored 0")
                .hasMessageContaining("to have reason\n  mailboxfull")
                .hasMessageContaining("-- failure 1 --\nExpecting the receiver to have refused recipient")
                .hasMessageContaining("-- failure 3 --\nExpecting the classification of")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("-- failure \\d+ --\\S"));
    }

    @Test
    void should_collect_failures_until_closed_with_auto_closeable_soft_assertions(FakeReceiver receiver) {
        SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "ghost@gmail.com");
        SmtpDialog.deliver(receiver, "app@sender.test", "Hi again", "ghost@gmail.com");

        assertThatThrownBy(() -> {
            try (AutoCloseableBounceSoftAssertions softly = new AutoCloseableBounceSoftAssertions()) {
                softly.assertThat(receiver).hasNoRetryAfterPermanentFailure();
                softly.assertThat(receiver).hasBounceRateBelow(org.assertj.core.data.Percentage.withPercentage(2));
            }
        }).hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("<ghost@gmail.com> was refused permanently")
                .hasMessageContaining("but it was 100.00% (1 of 1 recipient refused permanently)");
    }

    @Test
    void should_collect_failures_of_any_soft_assertions_through_check(FakeReceiver receiver) {
        SoftAssertions softly = new SoftAssertions();

        softly.check(() -> assertThat(receiver).hasRejectedRecipient("ghost@gmail.com"));
        softly.check(() -> assertThat(userUnknown).hasReason(Reason.USERUNKNOWN));

        assertThat(softly.errorsCollected()).singleElement().asString()
                .contains("but no RCPT TO was received at all");
    }

    @Test
    void should_pass_with_the_assert_softly_helper(FakeReceiver receiver) {
        SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "ghost@gmail.com", "alice@example.com");

        SoftAssertionsProvider.assertSoftly(BounceSoftAssertions.class, softly -> {
            softly.assertThat(receiver).hasRejectedRecipient("ghost@gmail.com", Reason.USERUNKNOWN);
            softly.assertThat(receiver).hasReceivedMessageTo("alice@example.com");
            softly.assertThat(userUnknown).isHard();
        });
    }

    @Test
    void should_inject_bounce_soft_assertions_with_assertj_extension(FakeReceiver receiver) {
        SmtpDialog.deliver(receiver, "app@sender.test", "Hi", "alice@example.com");

        injected.assertThat(receiver).hasReceivedMessageTo("alice@example.com").passesReleaseGate();
        injected.assertThat(userUnknown).hasAction(dev.bouncekit.taxonomy.Action.SUPPRESS);
    }
}
