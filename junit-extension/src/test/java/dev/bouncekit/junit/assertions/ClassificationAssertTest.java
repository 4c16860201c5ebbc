package dev.bouncekit.junit.assertions;

import dev.bouncekit.catalog.Catalog;
import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.classify.Evidence;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Action;
import dev.bouncekit.taxonomy.Owner;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;
import static dev.bouncekit.junit.assertions.BounceAssertions.assertThatThrownBy;

/** {@link ClassificationAssert}: every check passing and failing, with the failure messages. */
class ClassificationAssertTest {

    private static final BounceClassifier CLASSIFIER = BounceClassifier.builtIn();

    private final Classification userUnknown = CLASSIFIER.classify(
            "550-5.1.1 The email account that you tried to reach does not exist. - gsmtp", DeliveryContext.at(SmtpStage.RCPT));
    private final Classification greylisted = CLASSIFIER.classify("451 4.7.1 Greylisted, try again later");

    @Test
    void should_pass_when_the_classification_is_as_expected() {
        assertThat(userUnknown)
                .hasReason(Reason.USERUNKNOWN)
                .isHard()
                .hasOwner(Owner.RECIPIENT)
                .hasAction(Action.SUPPRESS)
                .hasProvider("gmail")
                .isPermanent()
                .hasCode(550)
                .hasEnhancedStatus("5.1.1");
        assertThat(greylisted).isNotHard().isTemporary().hasNoProvider().hasCode(451);
    }

    @Test
    void should_check_the_evidence_of_the_verdict() {
        Classification vague = CLASSIFIER.classify("550 Requested action aborted");

        assertThat(userUnknown).hasEvidence(Evidence.PROVIDER_PHRASE).hasStrongEvidence();
        assertThat(vague).hasEvidence(Evidence.NONE);
        assertThatThrownBy(() -> assertThat(vague).hasStrongEvidence())
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("to have strong evidence")
                .hasMessageContaining("but had\n  none");
        assertThatThrownBy(() -> assertThat(userUnknown).hasEvidence(Evidence.CATALOG))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("to have evidence\n  catalog\nbut had\n  provider-phrase");
    }

    @Test
    void should_pass_when_the_classification_matches_the_catalog_entry() {
        Catalog.builtIn().byId("gmail/user-unknown").ifPresent(entry ->
                assertThat(CLASSIFIER.classify(entry.joined(), DeliveryContext.at(entry.stage()))).matchesCatalogEntry(entry));
    }

    @Test
    void should_fail_when_the_reason_differs_showing_reply_expected_actual_and_rule() {
        assertThatThrownBy(() -> assertThat(userUnknown).hasReason(Reason.MAILBOXFULL))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("\nExpecting the classification of\n"
                        + "  550 5.1.1 The email account that you tried to reach does not exist. - gsmtp\n"
                        + "to have reason\n  mailboxfull\nbut had\n  userunknown\n(decided by rule ");
    }

    @Test
    void should_fail_with_expected_and_actual_values_for_ide_diffs() {
        assertThatThrownBy(() -> assertThat(userUnknown).hasOwner(Owner.SENDER))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
                    assertThat(e.getExpected().getValue()).isEqualTo(Owner.SENDER);
                    assertThat(e.getActual().getValue()).isEqualTo(Owner.RECIPIENT);
                });
    }

    @Test
    void should_fail_when_hardness_differs() {
        assertThatThrownBy(() -> assertThat(greylisted).isHard())
                .hasMessageContaining("to have hard\n  true\nbut had\n  false (reason ");
        assertThatThrownBy(() -> assertThat(userUnknown).isNotHard())
                .hasMessageContaining("to have hard\n  false\nbut had\n  true (reason userunknown is a hard bounce)");
    }

    @Test
    void should_fail_when_action_provider_code_or_status_differ() {
        assertThatThrownBy(() -> assertThat(userUnknown).hasAction(Action.RETRY))
                .hasMessageContaining("to have action\n  retry\nbut had\n  suppress");
        assertThatThrownBy(() -> assertThat(userUnknown).hasProvider("outlook"))
                .hasMessageContaining("to have provider\n  outlook\nbut had\n  gmail");
        assertThatThrownBy(() -> assertThat(userUnknown).hasNoProvider())
                .hasMessageContaining("to have provider\n  null\nbut had\n  gmail");
        assertThatThrownBy(() -> assertThat(userUnknown).hasCode(421))
                .hasMessageContaining("to have code\n  421\nbut had\n  550");
        assertThatThrownBy(() -> assertThat(userUnknown).hasEnhancedStatus("5.2.2"))
                .hasMessageContaining("to have enhanced status\n  5.2.2\nbut had\n  5.1.1");
    }

    @Test
    void should_fail_when_permanence_differs() {
        assertThatThrownBy(() -> assertThat(greylisted).isPermanent())
                .hasMessageContaining("to have a permanent failure\n  5xx\nbut had\n  451");
        assertThatThrownBy(() -> assertThat(userUnknown).isTemporary())
                .hasMessageContaining("to have a temporary failure\n  4xx\nbut had\n  550");
    }

    @Test
    void should_fail_when_the_catalog_expects_something_else() {
        Catalog.builtIn().byId("generic/mailbox-full").ifPresent(entry ->
                assertThatThrownBy(() -> assertThat(userUnknown).matchesCatalogEntry(entry))
                        .hasMessageContaining("to have reason and hardness of catalog entry generic/mailbox-full\n"
                                + "  mailboxfull, not hard\nbut had\n  userunknown, hard"));
    }

    @Test
    void should_fail_on_a_null_classification() {
        assertThatThrownBy(() -> assertThat((Classification) null).hasReason(Reason.USERUNKNOWN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }

}
