package dev.bouncekit.evaluation;

import dev.bouncekit.classify.BounceClassifier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Regression gates over the labelled corpora in test resources. */
class CorpusAccuracyTest {

    private static Evaluation evaluate(String name) throws IOException {
        try (Reader reader = new InputStreamReader(
                CorpusAccuracyTest.class.getResourceAsStream("/dev/bouncekit/corpus/" + name), StandardCharsets.UTF_8)) {
            List<LabelledReply> rows = LabelledReplyFile.read(name, reader);
            return Evaluation.run(BounceClassifier.builtIn(), rows);
        }
    }

    private static String misses(Evaluation e) {
        return e.misses().stream()
                .map(m -> m.row().id() + ": expected " + m.row().reason() + "/" + m.row().provider()
                        + " got " + m.actual().reason().id() + "/" + m.actual().provider() + " by " + m.actual().rule())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void dev_corpus_reason_accuracy_is_at_least_90_percent_and_owner_95() throws IOException {
        Evaluation e = evaluate("replies-dev.tsv");

        assertThat(e.total()).isEqualTo(232);
        assertThat(e.reasonAccuracy()).as(misses(e)).isGreaterThanOrEqualTo(90.0);
        assertThat(e.ownerAccuracy()).as(misses(e)).isGreaterThanOrEqualTo(95.0);
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
