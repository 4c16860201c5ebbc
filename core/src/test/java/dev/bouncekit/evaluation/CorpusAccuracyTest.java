package dev.bouncekit.evaluation;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Regression gates over the labelled corpora in test resources. */
class CorpusAccuracyTest {

    // Gates a little under the figures measured when they were set (README, Accuracy): a drop fails.
    // The train reason gate was 97.0 until 3,577 rows written blind joined the files: the train rows
    // among them that their writers and the rules read differently stay misses, and train fell to 95.7;
    // 95.5 until 4,331 more (the fourteenth to seventeenth batches) brought it to 93.5 the same way,
    // and the owner gate 98.0 -> 96.5. The validation reason gate went 89.0 -> 88.0 with them (their
    // validation rows were scored blind; measured 88.4).
    private static final double TRAIN_REASON = 93.0;
    private static final double TRAIN_OWNER = 96.5;
    private static final double VALIDATION_REASON = 88.0;
    private static final double VALIDATION_OWNER = 93.0;
    /**
     * How far validation may trail train, in points. The goal is 5; 9.0 when set at a measured 7.4
     * over the three files (8.4 over mta.tsv and providers.tsv), 6.0 since the gap measured 4.6 (the
     * lexicons and English families written from the field's knowledge, and the nineteenth batch). A
     * rule written for a train row's wording rather than a phrase family widens it, and fails here.
     */
    private static final double GAP = 6.0;
    /**
     * Of the train rows decided by a catalog entry or a phrase rule, how many the rest of the
     * classifier still gets right without that entry or rule (DropoutEvaluation): what wording no
     * rule names meets. Measured 89.3% when set (78.3% before the broad layers were grown from it),
     * 90.1% once the status code and the keywords took Sisimai 4.25's order; 87.2% with the rows of the
     * fourteenth to seventeenth batches, whose train rows are decided by younger, less backed families.
     */
    private static final double TRAIN_DROPOUT = 87.0;

    /**
     * Phrase rules held by one known text alone ({@link RuleEvidence}): the rule decides that one
     * text of the train rows of every labelled file, the dev and seed sets and the catalog, and
     * the rest of the classifier gets the text wrong without it, as it would a reply in other
     * words. A rule written for one row's wording rather than a phrase family raises it; a family
     * that also reads a neighbour, or a broader layer that backs the row, lowers it. A rate of the
     * known texts, per thousand: 112 of 4,284 texts (26.1) when it was set as a count. Rows written
     * blind and added since raise the count with no rule written for them (a rule that decided
     * none of the texts and decides one new row read wording it was not written from), so the
     * gate grows with the texts, not with the rules. 26 until the fourteenth to seventeenth batches:
     * the families written from their train rows in languages and systems the rules had not met
     * (Thai, Persian, Exchange's NDR in Romanian, Facebook's codes) are each backed by one text so
     * far, and the rate measured 30.4 (297 of 9,783). 33 since the families written from the train rows
     * of the twenty-fifth to thirty-first batches in wording the rules had not met (Bengali, Filipino,
     * Kazakh and Swahili replies, Japanese carriers' English settings, Coremail, m-FILTER, GroupWise,
     * administrators' own texts), each backed by one text so far: the rate measured 32.5 (437 of
     * 13,437; 29.8 before them), after six such rules of the weakest wording were left out.
     */
    private static final int HELD_PER_THOUSAND_TEXTS = 33;

    /** The labelled files gated together and the fewest rows each must keep. */
    private static final Map<String, Integer> LABELLED = Map.of(
            "labelled/mta.tsv", 500, "labelled/providers.tsv", 500, "labelled/languages.tsv", 250);

    /**
     * NDR bodies and delay notices, gated on their own: many carry no SMTP code and no stage, so an
     * unknown user in generic wording there is read as {@code filtered} by Sisimai's stage rule (the
     * owner stays right). Gates a little under the figures measured when they were set (train 94.3 /
     * 97.1, validation 84.9 / 93.0, a gap of 9.4 points; docs/accuracy.md). When 1,008 rows written
     * blind joined the file (the fourteenth to seventeenth batches), the train reason gate went 93.0 ->
     * 88.5, the train owner gate 96.0 -> 93.5 and the validation owner gate 91.0 -> 89.0: the train
     * misses left among them are contested conventions (list posts by non-members, a final notice
     * that names its last error), kept as misses rather than written as rules, and its validation
     * rows were scored blind.
     */
    private static final String NDR = "labelled/ndr.tsv";
    private static final int NDR_ROWS = 250;
    private static final double NDR_TRAIN_REASON = 88.5;
    private static final double NDR_TRAIN_OWNER = 93.5;
    private static final double NDR_VALIDATION_REASON = 83.0;
    private static final double NDR_VALIDATION_OWNER = 89.0;
    private static final double NDR_GAP = 10.0;

    private static Evaluation evaluate(String name) throws IOException {
        return Evaluation.run(BounceClassifier.builtIn(), rows(name));
    }

    private static List<LabelledReply> rows(String name) throws IOException {
        try (Reader reader = new InputStreamReader(
                CorpusAccuracyTest.class.getResourceAsStream("/dev/bouncekit/corpus/" + name), StandardCharsets.UTF_8)) {
            return LabelledReplyFile.read(name, reader);
        }
    }

    /** All labelled files, one side of the split. */
    private static Evaluation labelled(Split split) throws IOException {
        List<LabelledReply> rows = new ArrayList<>();
        for (String file : LABELLED.keySet()) {
            rows.addAll(rows(file).stream().filter(r -> Split.of(r.id()) == split).toList());
        }
        return Evaluation.run(BounceClassifier.builtIn(), rows);
    }

    /** Figures only: validation rows are scored, never listed. */
    private static String figures(Evaluation e) {
        return String.format(Locale.ROOT, "reason %.2f%%, owner %.2f%%, provider %.2f%% of %d",
                e.reasonAccuracy(), e.ownerAccuracy(), e.providerAccuracy(), e.total());
    }

    @Test
    void the_labelled_files_have_every_column_and_a_source_for_every_row() throws IOException {
        Map<String, Integer> files = new HashMap<>(LABELLED);
        files.put(NDR, NDR_ROWS);
        for (var file : files.entrySet()) {
            List<LabelledReply> rows = rows(file.getKey());
            assertThat(rows).as(file.getKey()).hasSizeGreaterThan(file.getValue());
            assertThat(rows).as(file.getKey()).allSatisfy(r -> {
                assertThat(r.id()).isNotBlank();
                assertThat(Reason.parse(r.reason())).as(r.id()).isPresent();
            });
        }
    }

    @Test
    void the_train_split_is_classified_at_least_as_gated() throws IOException {
        Evaluation train = labelled(Split.TRAIN);

        assertThat(train.reasonAccuracy()).as(misses(train)).isGreaterThanOrEqualTo(TRAIN_REASON);
        assertThat(train.ownerAccuracy()).as(misses(train)).isGreaterThanOrEqualTo(TRAIN_OWNER);
    }

    @Test
    void the_validation_split_trails_the_train_split_by_no_more_than_the_gap() throws IOException {
        Evaluation train = labelled(Split.TRAIN);
        Evaluation validation = labelled(Split.VALIDATION);

        assertThat(validation.reasonAccuracy()).as("validation " + figures(validation) + "; train " + figures(train))
                .isGreaterThanOrEqualTo(train.reasonAccuracy() - GAP)
                .isGreaterThanOrEqualTo(VALIDATION_REASON);
        assertThat(validation.ownerAccuracy()).as("validation " + figures(validation))
                .isGreaterThanOrEqualTo(VALIDATION_OWNER);
    }

    @Test
    void train_rows_keep_their_reason_without_the_rule_that_decides_them() throws IOException {
        List<LabelledReply> rows = new ArrayList<>();
        for (String file : LABELLED.keySet()) {
            rows.addAll(rows(file).stream().filter(r -> Split.of(r.id()) == Split.TRAIN).toList());
        }

        DropoutEvaluation dropout = DropoutEvaluation.run(BounceClassifier.builtIn(), rows);

        assertThat(dropout.leftOut()).isGreaterThan(rows.size() * 3 / 4);
        assertThat(dropout.dropoutAccuracy()).as("train rows that flip without their own rule, expected -> rest: "
                + dropout.confusionPairs(Split.TRAIN)).isGreaterThanOrEqualTo(TRAIN_DROPOUT);
    }

    @Test
    void the_ndr_file_is_classified_at_least_as_gated_and_its_validation_split_trails_by_no_more_than_the_gap()
            throws IOException {
        List<LabelledReply> rows = rows(NDR);
        Evaluation train = Evaluation.run(BounceClassifier.builtIn(),
                rows.stream().filter(r -> Split.of(r.id()) == Split.TRAIN).toList());
        Evaluation validation = Evaluation.run(BounceClassifier.builtIn(),
                rows.stream().filter(r -> Split.of(r.id()) == Split.VALIDATION).toList());

        assertThat(train.reasonAccuracy()).as(misses(train)).isGreaterThanOrEqualTo(NDR_TRAIN_REASON);
        assertThat(train.ownerAccuracy()).as(misses(train)).isGreaterThanOrEqualTo(NDR_TRAIN_OWNER);
        assertThat(validation.reasonAccuracy()).as("validation " + figures(validation) + "; train " + figures(train))
                .isGreaterThanOrEqualTo(train.reasonAccuracy() - NDR_GAP)
                .isGreaterThanOrEqualTo(NDR_VALIDATION_REASON);
        assertThat(validation.ownerAccuracy()).as("validation " + figures(validation))
                .isGreaterThanOrEqualTo(NDR_VALIDATION_OWNER);
    }

    private static String misses(Evaluation e) {
        return e.misses().stream()
                .map(m -> m.row().id() + ": expected " + m.row().reason() + "/" + m.row().provider()
                        + " got " + m.actual().reason().id() + "/" + m.actual().provider() + " by " + m.actual().rule())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void phrase_rules_held_by_one_text_alone_do_not_grow_faster_than_the_texts() throws IOException {
        List<RuleEvidence.Text> texts = new ArrayList<>();
        for (String file : List.of("labelled/mta.tsv", "labelled/providers.tsv", "labelled/languages.tsv", NDR)) {
            texts.addAll(RuleEvidence.texts(file, rows(file).stream().filter(r -> Split.of(r.id()) == Split.TRAIN).toList()));
        }
        texts.addAll(RuleEvidence.texts("replies-dev.tsv", rows("replies-dev.tsv")));
        texts.addAll(RuleEvidence.texts("seed-replies.tsv", rows("seed-replies.tsv")));
        texts.addAll(RuleEvidence.catalogTexts());

        List<RuleEvidence.Tally> held = RuleEvidence.of(texts).heldByOneText();

        assertThat(held).as("rules held by one text alone of " + texts.size() + " texts (rule <- text):\n" + held.stream()
                        .map(t -> t.rule().source() + "  " + t.written() + "  <- " + t.decided().get(0).name())
                        .collect(Collectors.joining("\n")))
                .hasSizeLessThanOrEqualTo(texts.size() * HELD_PER_THOUSAND_TEXTS / 1000);
    }

    @Test
    void dev_corpus_reason_accuracy_is_at_least_93_percent_and_owner_97() throws IOException {
        Evaluation e = evaluate("replies-dev.tsv");

        assertThat(e.total()).isEqualTo(232);
        assertThat(e.reasonAccuracy()).as(misses(e)).isGreaterThanOrEqualTo(93.0);
        assertThat(e.ownerAccuracy()).as(misses(e)).isGreaterThanOrEqualTo(97.0);
    }

    @Test
    void every_seed_reply_gets_its_reason() throws IOException {
        Evaluation e = evaluate("seed-replies.tsv");

        assertThat(e.total()).isEqualTo(64);
        assertThat(e.reasonHits()).as(misses(e)).isEqualTo(e.total());
        assertThat(e.hardHits()).isEqualTo(e.hardTotal());
    }

    @Test
    void every_reason_example_gets_its_reason_and_hard_flag() throws IOException {
        Evaluation e = evaluate("reason-examples.tsv");

        assertThat(e.misses().stream().filter(m -> !m.row().reason().equals(m.actual().reason().id())))
                .as(misses(e)).isEmpty();
        assertThat(e.hardHits()).as(misses(e)).isEqualTo(e.hardTotal());
    }

    @Test
    void quoted_fields_are_read() {
        assertThat(LabelledReplyFile.fields("a\t\"say \"\"hi\"\"\"\tc")).containsExactly("a", "say \"hi\"", "c");
    }
}
