package dev.bouncekit.sample;

import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.junit.params.CatalogSource;
import dev.bouncekit.junit.params.Failure;
import dev.bouncekit.junit.params.Hard;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;
import static dev.bouncekit.junit.assertions.BounceAssertions.withPercentage;

/** One test against every known provider rejection of a kind, through magic addresses. */
@ExtendWith(FakeReceiverExtension.class)
class ProviderMatrixTest {

    private final SuppressionList suppressions = new SuppressionList();

    private Mailer mailer(FakeReceiver receiver) {
        return new Mailer(SmtpSettings.of(receiver.host(), receiver.smtpPort()), suppressions, RetryPolicy.immediate(3));
    }

    // tag::catalog-source[]
    @ParameterizedTest(name = "{0}")
    @CatalogSource(hard = Hard.TRUE, stage = SmtpStage.RCPT)
    void suppresses_every_hard_bounce(CatalogEntry entry, String magicAddress, FakeReceiver receiver) {
        Email email = new Email("app@shop.test", List.of(magicAddress), "Hello", "...");

        DeliveryReport first = mailer(receiver).send(email);
        DeliveryReport second = mailer(receiver).send(email);

        assertThat(first.bounced().get(magicAddress)).matchesCatalogEntry(entry);
        assertThat(second.skipped()).containsExactly(magicAddress);
        assertThat(receiver).hasRejectedRecipient(magicAddress, entry.code()).hasNoRetryAfterPermanentFailure();
    }
    // end::catalog-source[]

    @ParameterizedTest(name = "{0}")
    @CatalogSource(failure = Failure.TEMPORARY, stage = SmtpStage.RCPT)
    void retries_every_temporary_refusal_and_then_gives_up(CatalogEntry entry, String magicAddress, FakeReceiver receiver) {
        DeliveryReport report = mailer(receiver).send(new Email("app@shop.test", List.of(magicAddress), "Hello", "..."));

        assertThat(report.attempts()).isEqualTo(3);
        assertThat(report.deferred()).containsKey(magicAddress);
        assertThat(suppressions.addresses()).isEmpty();
        assertThat(receiver).hasRetriedAfterTemporaryFailure().hasBounceRateBelow(withPercentage(1));
    }
}
