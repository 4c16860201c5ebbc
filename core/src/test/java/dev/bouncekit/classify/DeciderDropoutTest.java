package dev.bouncekit.classify;

import dev.bouncekit.evaluation.LabelledReply;
import dev.bouncekit.evaluation.LabelledReplyFile;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.rules.RuleSet;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeciderDropoutTest {

    private final DeciderDropout builtIn = new DeciderDropout(BounceClassifier.builtIn());

    @Test
    void without_its_own_rule_a_reply_is_classified_as_by_a_classifier_that_never_had_it() throws IOException {
        BounceClassifier withMine = BounceClassifier.withRules(
                RuleSet.parse("mine.rules", new StringReader("mailbox is full => systemerror\n")));
        String text = "452 4.2.2 The mailbox is full";

        DeciderDropout.Outcome outcome = new DeciderDropout(withMine).classify(text, DeliveryContext.at(SmtpStage.RCPT));
        Classification never = BounceClassifier.builtIn().classify(text, DeliveryContext.at(SmtpStage.RCPT));

        assertThat(outcome.full().reason()).isEqualTo(Reason.SYSTEMERROR);
        assertThat(outcome.decider()).isEqualTo("phrase:mine.rules:1");
        assertThat(outcome.rest().reason()).isEqualTo(never.reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(outcome.rest().rule()).isEqualTo(never.rule());
        assertThat(outcome.rest().evidence()).isEqualTo(never.evidence());
    }

    @Test
    void a_reply_held_by_its_rule_alone_flips_to_what_the_later_layers_say() throws IOException {
        BounceClassifier withMine = BounceClassifier.withRules(
                RuleSet.parse("mine.rules", new StringReader("zebra crossing closed => mailboxfull\n")));

        DeciderDropout.Outcome outcome = new DeciderDropout(withMine).classify("550 zebra crossing closed", DeliveryContext.none());

        assertThat(outcome.full().reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(outcome.leftOut()).isTrue();
        assertThat(outcome.rest().reason()).isEqualTo(Reason.ONHOLD);
        assertThat(outcome.rest().evidence()).isEqualTo(Evidence.NONE);
    }

    @Test
    void a_catalog_reply_is_classified_again_without_the_catalog() {
        DeciderDropout.Outcome outcome = builtIn.classify("550 unable to relay", DeliveryContext.at(SmtpStage.RCPT));

        assertThat(outcome.full().evidence()).isEqualTo(Evidence.CATALOG);
        assertThat(outcome.decider()).isEqualTo("catalog:generic/unable-to-relay");
        assertThat(outcome.rest().evidence()).isNotEqualTo(Evidence.CATALOG);
        assertThat(outcome.rest().rule()).doesNotStartWith("catalog:");
        assertThat(outcome.rest().reason()).isEqualTo(Reason.NORELAYING);
    }

    @Test
    void when_a_later_layer_decides_there_is_nothing_to_leave_out() {
        DeciderDropout.Outcome outcome = builtIn.classify("550 5.1.1", DeliveryContext.none());

        assertThat(outcome.full().evidence()).isEqualTo(Evidence.STATUS_CODE);
        assertThat(outcome.leftOut()).isFalse();
        assertThat(outcome.decider()).isNull();
        assertThat(outcome.rest()).isSameAs(outcome.full());
    }

    @Test
    void a_cause_that_beat_a_symptom_is_left_out_and_the_symptom_decides_again() throws IOException {
        BounceClassifier withMine = BounceClassifier.withRules(
                RuleSet.parse("mine.rules", new StringReader("slow down => ratelimited\nzebra pass => authfailure\n")));
        String text = "421 4.7.0 Slow down: no zebra pass";

        DeciderDropout.Outcome outcome = new DeciderDropout(withMine).classify(text, DeliveryContext.none());

        assertThat(outcome.full().reason()).isEqualTo(Reason.AUTHFAILURE);
        assertThat(outcome.decider()).isEqualTo("phrase:mine.rules:2+cause");
        assertThat(outcome.rest().reason()).isEqualTo(Reason.RATELIMITED);
        assertThat(outcome.rest().rule()).isEqualTo("phrase:mine.rules:1");
    }

    @Test
    void across_the_labelled_files_the_deciding_rule_never_decides_again_and_nothing_else_changes() throws IOException {
        int leftOut = 0;
        for (LabelledReply row : labelled()) {
            DeliveryContext context = DeliveryContext.none().withRemoteHost(row.remoteHost());
            context = SmtpStage.parse(row.stage()).map(context::withStage).orElse(context);

            DeciderDropout.Outcome outcome = builtIn.classify(row.reply(), context);
            Classification plain = BounceClassifier.builtIn().classify(row.reply(), context);

            assertThat(outcome.full()).as(row.id()).isEqualTo(plain);
            if (outcome.leftOut()) {
                leftOut++;
                assertThat(outcome.full().evidence()).as(row.id())
                        .isIn(Evidence.CATALOG, Evidence.PROVIDER_PHRASE, Evidence.PHRASE);
                assertThat(base(outcome.rest().rule())).as(row.id()).isNotEqualTo(base(outcome.decider()));
            } else {
                assertThat(outcome.full().evidence()).as(row.id())
                        .isNotIn(Evidence.CATALOG, Evidence.PROVIDER_PHRASE, Evidence.PHRASE);
            }
        }
        assertThat(leftOut).isGreaterThan(1000);
    }

    /** A rule name without the {@code +cause} and {@code +stage} marks of how it decided. */
    private static String base(String rule) {
        int plus = rule.indexOf('+');
        return plus < 0 ? rule : rule.substring(0, plus);
    }

    private static List<LabelledReply> labelled() throws IOException {
        List<LabelledReply> rows = new ArrayList<>();
        for (String name : List.of("mta.tsv", "providers.tsv", "languages.tsv")) {
            try (Reader reader = new InputStreamReader(DeciderDropoutTest.class.getResourceAsStream(
                    "/dev/bouncekit/corpus/labelled/" + name), StandardCharsets.UTF_8)) {
                rows.addAll(LabelledReplyFile.read(name, reader));
            }
        }
        return rows;
    }
}
