package dev.bouncekit.evaluation;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link RuleEvidence} counts: matches, decisions, texts labelled otherwise, catalog replies. */
class RuleEvidenceTest {

    private static LabelledReply row(String id, String reply, String reason) {
        return new LabelledReply(1, id, reply, "RCPT", "", reason, "", "");
    }

    @Test
    void the_deciding_rule_counts_the_text_and_every_rule_matches_what_it_decides() {
        String reply = "550 5.1.1 <kim@example.org>: Recipient address rejected: User unknown in local recipient table";
        LabelledReply a = row("a", reply, "userunknown");
        Classification c = BounceClassifier.builtIn().classify(reply, Evaluation.contextOf(a));
        List<RuleEvidence.Text> texts = RuleEvidence.texts("t", List.of(a, row("b", "550 no such user here", "userunknown")));

        RuleEvidence evidence = RuleEvidence.of(texts);

        assertThat(evidence.rules()).hasSize(RuleSet.builtIn().rules().size());
        assertThat(evidence.texts()).isEqualTo(2);
        RuleEvidence.Tally decider = evidence.rules().stream()
                .filter(t -> c.rule().split("\\+")[0].equals("phrase:" + t.rule().source())).findFirst().orElseThrow();
        assertThat(decider.decided()).extracting(RuleEvidence.Text::name).contains("t:a");
        assertThat(evidence.rules()).allSatisfy(t -> assertThat(t.matches()).isGreaterThanOrEqualTo(t.decided().size()));
        assertThat(evidence.rules().stream().mapToInt(t -> t.decided().size()).sum()).isEqualTo(2);
    }

    @Test
    void a_text_labelled_otherwise_counts_as_wrong_not_as_held() {
        RuleEvidence evidence = RuleEvidence.of(RuleEvidence.texts("t",
                List.of(row("a", "550 5.1.1 User unknown", "mailboxfull"))));

        RuleEvidence.Tally decider = evidence.rules().stream().filter(t -> !t.decided().isEmpty()).findFirst().orElseThrow();
        assertThat(decider.wrong()).isEqualTo(1);
        assertThat(decider.alone()).isZero();
        assertThat(evidence.heldByOneText()).isEmpty();
    }

    @Test
    void catalog_replies_count_for_the_phrase_rule_that_reads_them_without_the_catalog() {
        List<RuleEvidence.Text> catalog = RuleEvidence.catalogTexts();

        RuleEvidence evidence = RuleEvidence.of(catalog);

        assertThat(catalog).isNotEmpty();
        assertThat(evidence.rules().stream().mapToInt(t -> t.decided().size()).sum()).isPositive();
    }
}
