package dev.bouncekit.sample;

import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.junit.RejectRecipient;
import dev.bouncekit.junit.assertions.AutoCloseableBounceSoftAssertions;
import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;
import static dev.bouncekit.junit.assertions.BounceAssertions.withPercentage;

/** The configured way: a builder in a static field, one receiver for the class, the release gate. */
class NewsletterReleaseGateTest {

    // tag::builder[]
    @RegisterExtension
    static FakeReceiverExtension smtp = FakeReceiverExtension.builder()
            .rejectRecipient("*@gone.example", "generic/user-unknown")
            .greylist("*@slow.example", 1)
            .rule(ReplyRule.when(Condition.recipientDomain("quota.example")).at(SmtpStage.RCPT)
                    .replyWith(452, "4.2.2", "Mailbox full, try again later").times(1))
            .build();
    // end::builder[]

    private final SuppressionList suppressions = new SuppressionList();
    private Mailer mailer;

    @BeforeEach
    void mailer() {
        mailer = new Mailer(SmtpSettings.of(smtp.receiver().host(), smtp.receiver().smtpPort()), suppressions,
                RetryPolicy.immediate(3));
    }

    private static List<String> subscribers(int count, String... extra) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add("reader" + i + "@example.com");
        }
        out.addAll(List.of(extra));
        return out;
    }

    // tag::release-gate[]
    @Test
    void a_newsletter_passes_the_release_gate(FakeReceiver receiver) {
        List<String> readers = subscribers(98, "old@gone.example", "new@slow.example");

        mailer.send(new Email("news@shop.test", readers, "March news", "..."));
        mailer.send(new Email("news@shop.test", readers, "April news", "..."));

        assertThat(receiver)
                .hasReceivedMessageTo("new@slow.example", "March news")
                .passesReleaseGate();   // no retry after a 5xx, a retry after each 4xx, bounce rate below 2%
    }
    // end::release-gate[]

    @Test
    void soft_assertions_report_every_problem_at_once(FakeReceiver receiver) {
        mailer.send(new Email("news@shop.test", List.of("a@quota.example", "b@gone.example"), "News", "..."));

        // tag::soft[]
        try (AutoCloseableBounceSoftAssertions softly = new AutoCloseableBounceSoftAssertions()) {
            softly.assertThat(receiver).hasRejectedRecipient("a@quota.example", 452, "4.2.2");
            softly.assertThat(receiver).hasRejectedRecipient("b@gone.example", Reason.USERUNKNOWN);
            softly.assertThat(receiver).hasRetriedAfterTemporaryFailure().hasNoRetryAfterPermanentFailure();
            softly.assertThat(suppressions.reason("b@gone.example").orElseThrow()).isHard();
        }
        // end::soft[]
    }

    @Nested
    @RejectRecipient(value = "vip@example.com", reply = "outlook/recipient-not-found")
    class For_a_nested_class {

        @Test
        void shares_the_receiver_and_adds_its_own_rules(FakeReceiver receiver) {
            mailer.send(new Email("news@shop.test", List.of("vip@example.com", "x@gone.example"), "News", "..."));

            assertThat(receiver)
                    .hasRejectedRecipient("vip@example.com", Reason.USERUNKNOWN)
                    .hasRejectedRecipient("x@gone.example", 550)
                    .hasBounceRateBelow(withPercentage(100.1))
                    .hasNoRetryAfterPermanentFailure();
            assertThat(smtp.receiver()).isSameAs(receiver);
        }
    }
}
