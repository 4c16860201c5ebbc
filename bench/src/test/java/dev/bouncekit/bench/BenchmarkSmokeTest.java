package dev.bouncekit.bench;

import dev.bouncekit.rules.RuleSet;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark path once, for correctness only: no timing is asserted here (speed targets
 * are checked by {@code bench/run.sh}, never by tests).
 */
class BenchmarkSmokeTest {

    @Test
    void should_run_each_classifier_benchmark_method_once() {
        ClassifierThroughputBenchmark throughput = new ClassifierThroughputBenchmark();
        throughput.setUp();
        assertThat(throughput.bouncekit()).isNotNull();
        assertThat(throughput.naiveRegex()).isNotNull();

        ClassifierStepsBenchmark steps = new ClassifierStepsBenchmark();
        steps.setUp();
        assertThat(steps.parse()).isNotNull();
        assertThat(steps.replyText()).isNotNull();
        assertThat(steps.detectProvider()).isNotNull();
        assertThat(steps.matchRules()).isNotNull();
        steps.statusReason();
        assertThat(steps.addresses()).isNotNull();
        assertThat(steps.stepsInSequence()).isNotNull();
        assertThat(steps.classifyParsed()).isNotNull();

        for (AdversarialInput input : AdversarialInput.values()) {
            AdversarialInputBenchmark adversarial = new AdversarialInputBenchmark();
            adversarial.input = input;
            adversarial.length = 2048;
            adversarial.setUp();
            assertThat(adversarial.classify()).isNotNull();
        }
    }

    @Test
    void should_hold_back_every_other_mail_in_each_suppression_lookup_benchmark() throws Exception {
        for (String store : new String[] {"cached", "journal", "postgres"}) {
            SuppressionLookupBenchmark lookup = new SuppressionLookupBenchmark();
            lookup.store = store;
            lookup.setUp();
            try {
                assertThat(lookup.match()).as(store).hasSize(1);
                assertThat(lookup.match()).as(store).isEmpty();
            } finally {
                lookup.tearDown();
            }
        }
    }

    @Test
    void should_time_every_step_by_cpu_time() {
        StepCosts costs = StepCosts.measure(1);

        for (String step : StepCosts.STEPS) {
            assertThat(costs.of(step)).isPositive();
        }
        assertThat(costs.of(StepCosts.IN_SEQUENCE)).isPositive();
        assertThat(costs.of(StepCosts.ADDRESSES)).isPositive();
        assertThat(costs.of(StepCosts.CLASSIFY)).isPositive();
    }

    @Test
    void should_load_the_whole_mix_with_a_context_for_each_reply() {
        ReplyMix mix = ReplyMix.load();

        assertThat(mix.size()).isGreaterThan(300);
        assertThat(mix.contexts()).hasSize(mix.size());
    }

    @Test
    void should_make_adversarial_texts_of_exactly_the_length_asked() {
        for (AdversarialInput input : AdversarialInput.values()) {
            assertThat(input.text(10_240)).hasSize(10_240);
        }
    }

    @Test
    void should_find_a_phrase_with_the_naive_baseline_and_fall_back_to_onhold_without_one() {
        NaivePhraseClassifier naive = new NaivePhraseClassifier(RuleSet.builtIn());

        assertThat(naive.patternCount()).isGreaterThan(100);
        assertThat(naive.classify("550 5.2.2 <a@b.example>... Mailbox Full")).isEqualTo(Reason.MAILBOXFULL);
        assertThat(naive.classify("zzz")).isEqualTo(Reason.ONHOLD);
    }

    @Test
    void should_compare_the_classifier_with_the_baseline_in_paired_rounds() {
        ReplyMix mix = ReplyMix.load();
        ReplyMix few = new ReplyMix(mix.texts().subList(0, 5), mix.contexts().subList(0, 5));

        PairedComparison paired = PairedComparison.measure(few);

        assertThat(paired.coreNanos()).isPositive();
        assertThat(paired.naiveNanos()).isPositive();
    }

    @Test
    void should_run_every_receiver_scenario_against_both_servers() throws Exception {
        ResultsTable table = new ResultsTable();

        new ReceiverReport(ReceiverWorkload.smoke(), BouncekitReceiver::start).run(table);

        assertThat(table.rows()).extracting(ResultsTable.Row::figure)
                .anySatisfy(f -> assertThat(f).startsWith("(a)"))
                .anySatisfy(f -> assertThat(f).startsWith("(b)"))
                .anySatisfy(f -> assertThat(f).startsWith("(c)"))
                .anySatisfy(f -> assertThat(f).startsWith("(d)"))
                .anySatisfy(f -> assertThat(f).startsWith("(e)"))
                .anySatisfy(f -> assertThat(f).startsWith("(f) rule lookup"));
        assertThat(table.rows()).allSatisfy(row -> assertThat(row.value()).doesNotStartWith("n/a"));
    }

    @Test
    void should_probe_both_servers_with_ehlo_sessions_and_measure_their_heap_per_message() throws Exception {
        try (StockGreenMail greenMail = StockGreenMail.start(); BouncekitReceiver receiver = BouncekitReceiver.start()) {
            assertThat(new EhloProbe(greenMail.port()).run(2)).isPositive();
            assertThat(new EhloProbe(receiver.port()).run(2)).isPositive();
        }
        ResultsTable table = new ResultsTable();

        new StoredMessageMemory(5).run(table);

        assertThat(table.rows()).hasSize(2).allSatisfy(row -> assertThat(row.value()).endsWith(" B"));
        assertThat(SmtpSourceMode.all()).hasSize(5).filteredOn(SmtpSourceMode::isProbe).hasSize(1);
    }

    @Test
    void should_measure_reset_and_start_stop_directly_and_through_the_junit_extension() throws Exception {
        ResultsTable table = new ResultsTable();

        new LifecycleReport(true).run(table);
        new ExtensionReport(true).run(table);

        assertThat(table.rows()).hasSize(4);
    }

    @Test
    void should_print_a_markdown_table_with_verdicts() {
        ResultsTable table = new ResultsTable();
        table.add("x", "2", "1", "2.00×", "≥ 1.00×", true);
        table.info("y", "3", "", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        table.print(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("| x ", "| met ", "| y ").startsWith("| figure");
    }
}
