package dev.bouncekit.evaluation;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.rules.RuleSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DropoutEvaluationTest {

    /** Ids on both sides of the split: crc32 % 10 is 3 or more for the train ids, under 3 for the validation one. */
    private static final String TRAIN_A = "a";
    private static final String TRAIN_B = "c";
    private static final String VALIDATION = "b";

    private static LabelledReply row(String id, String reply, String stage, String reason) {
        return new LabelledReply(1, id, reply, stage, "", reason, "", "");
    }

    @Test
    void the_ids_used_here_fall_on_the_sides_named() {
        assertThat(Split.of(TRAIN_A)).isEqualTo(Split.TRAIN);
        assertThat(Split.of(TRAIN_B)).isEqualTo(Split.TRAIN);
        assertThat(Split.of(VALIDATION)).isEqualTo(Split.VALIDATION);
    }

    @Test
    void a_row_held_by_its_own_rule_alone_lowers_the_dropout_figure_and_one_the_status_code_also_knows_does_not()
            throws IOException {
        BounceClassifier classifier = BounceClassifier.withRules(RuleSet.parse("mine.rules", new StringReader(
                "zebra crossing closed => mailboxfull\nzebra crossing full => mailboxfull\n")));
        List<LabelledReply> rows = List.of(
                row(TRAIN_A, "550 zebra crossing closed", "", "mailboxfull"),
                row(TRAIN_B, "552 5.2.2 zebra crossing full", "RCPT", "mailboxfull"),
                row("d", "550 5.1.1", "RCPT", "userunknown"));

        Evaluation all = Evaluation.run(classifier, rows);
        DropoutEvaluation dropout = DropoutEvaluation.run(classifier, rows);

        assertThat(all.reasonAccuracy()).isEqualTo(100.0);
        assertThat(dropout.total()).isEqualTo(3);
        assertThat(dropout.leftOut()).isEqualTo(2);
        assertThat(dropout.survived()).isEqualTo(1);
        assertThat(dropout.dropoutAccuracy()).isEqualTo(50.0);
        assertThat(dropout.reasonHits()).isEqualTo(2);
        assertThat(dropout.byLayer()).containsOnlyKeys("status-code", "none");
        assertThat(dropout.byLayer().get("status-code")).containsExactly(1, 1);
        assertThat(dropout.byLayer().get("none")).containsExactly(1, 0);
        assertThat(dropout.confusionPairs(Split.TRAIN)).containsExactly(java.util.Map.entry("mailboxfull -> onhold", 1));
        assertThat(dropout.flips(Split.TRAIN)).extracting(r -> r.row().id()).containsExactly(TRAIN_A);
    }

    @Test
    void validation_rows_count_in_the_figure_but_not_among_the_train_pairs() throws IOException {
        BounceClassifier classifier = BounceClassifier.withRules(RuleSet.parse("mine.rules", new StringReader(
                "zebra crossing closed => mailboxfull\n")));
        List<LabelledReply> rows = List.of(
                row(TRAIN_A, "550 zebra crossing closed", "", "mailboxfull"),
                row(VALIDATION, "550 zebra crossing closed", "", "mailboxfull"));

        DropoutEvaluation dropout = DropoutEvaluation.run(classifier, rows);

        assertThat(dropout.dropoutAccuracy()).isZero();
        assertThat(dropout.confusionPairs(Split.TRAIN)).containsExactly(java.util.Map.entry("mailboxfull -> onhold", 1));
        assertThat(dropout.flips(Split.TRAIN)).hasSize(1);
        assertThat(dropout.flips(Split.VALIDATION)).extracting(r -> r.row().id()).containsExactly(VALIDATION);
    }
}
