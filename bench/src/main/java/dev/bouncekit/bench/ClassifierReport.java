package dev.bouncekit.bench;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.rules.RuleSet;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Runs the classifier benchmarks with JMH and turns their scores into rows of the results table:
 * throughput on the mix against the naive baseline, allocation per reply, the cost of each step,
 * and the time per kilobyte of adversarial input at three lengths.
 */
public final class ClassifierReport {

    /** Replies per second the classifier must reach on one thread. */
    static final double TARGET_REPLIES_PER_SECOND = 1_000_000;
    /** How many times faster than the naive baseline the classifier must be. */
    static final double TARGET_SPEEDUP = 50;
    /** Largest allowed growth of the time per KB from 10 KB to 1 MB for the cost to count as linear. */
    static final double LINEAR_TOLERANCE = 2.0;

    private static final String ALLOCATION = "gc.alloc.rate.norm";
    /** Passes over the mix per operation and round when timing the steps by CPU time. */
    private static final int STEP_PASSES = 30;
    /**
     * Each step as its public API runs it alone: the detector and the matcher each scan the text
     * with an automaton of their own, where {@code classify} reads the catalog first and scans once
     * for both, so a step can cost more alone than in {@code classify}.
     */
    private static final Map<String, String> STEP_APIS = Map.of(
            "parse", "ReplyParser.parse",
            "replyText", "SmtpReply.text",
            "detectProvider", "ProviderDetector.detect, its own scan",
            "matchRules", "RuleMatcher.firstMatch, its own scan, no catalog",
            "statusReason", "StatusCodeRegistry.reasonOf");

    private final JmhSettings settings;

    public ClassifierReport(JmhSettings settings) {
        this.settings = settings;
    }

    /** Runs the benchmarks and adds their rows to {@code table}. */
    public void run(ResultsTable table) throws RunnerException {
        List<String> bounded = new ArrayList<>();
        List<LinearityProbe> unbounded = new ArrayList<>();
        for (AdversarialInput input : AdversarialInput.values()) {
            LinearityProbe probe = LinearityProbe.of(input, BounceClassifier.builtIn());
            if (probe.bounded()) {
                bounded.add(input.name());
            } else {
                unbounded.add(probe);
            }
        }
        ChainedOptionsBuilder options = settings.options("classifier",
                includes(ClassifierThroughputBenchmark.class),
                includes(ClassifierStepsBenchmark.class));
        // Timed by CPU time in StepCosts instead; both stay available to JMH run by hand.
        options.exclude(Pattern.quote(ClassifierStepsBenchmark.class.getName()) + "\\.(stepsInSequence|classifyParsed)$");
        if (!bounded.isEmpty()) {
            options.include(includes(AdversarialInputBenchmark.class)).param("input", bounded.toArray(new String[0]));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        throughput(results, table);
        steps(results, table);
        adversarial(results, table);
        for (LinearityProbe probe : unbounded) {
            double growth = probe.largeMillis() / probe.smallMillis() / (LinearityProbe.LARGE / LinearityProbe.SMALL);
            table.add("adversarial " + probe.input().label() + ", " + kilobytes(LinearityProbe.LARGE)
                            + " (probe; 1 MB not run)", Figures.decimal(probe.largeMillis(), 0) + " ms",
                    kilobytes(LinearityProbe.SMALL) + ": " + Figures.decimal(probe.smallMillis(), 1) + " ms",
                    Figures.ratio(growth) + " ns/KB", "linear (≤ " + Figures.ratio(LINEAR_TOLERANCE) + ")", false);
        }
    }

    private static void throughput(Collection<RunResult> results, ResultsTable table) {
        RunResult core = find(results, ClassifierThroughputBenchmark.class, "bouncekit");
        RunResult naive = find(results, ClassifierThroughputBenchmark.class, "naiveRegex");
        int mixSize = ReplyMix.load().size();
        double coreRate = core.getPrimaryResult().getScore();
        double naiveRate = naive.getPrimaryResult().getScore();
        table.add("classifier, replies/s, 1 thread, mix of " + mixSize + " replies",
                Figures.count(coreRate), "", Figures.ratio(coreRate / TARGET_REPLIES_PER_SECOND) + " of target",
                "≥ " + Figures.count(TARGET_REPLIES_PER_SECOND) + "/s", coreRate >= TARGET_REPLIES_PER_SECOND);
        table.add("classifier vs naive regex (" + new NaivePhraseClassifier(RuleSet.builtIn()).patternCount()
                        + " patterns), replies/s",
                Figures.count(coreRate), Figures.count(naiveRate), Figures.ratio(coreRate / naiveRate),
                "≥ " + Figures.ratio(TARGET_SPEEDUP), coreRate / naiveRate >= TARGET_SPEEDUP);
        PairedComparison paired = PairedComparison.measure(ReplyMix.load());
        double perCpuSecond = 1e9 / paired.coreNanos();
        table.add("  same, paired rounds timed by thread CPU time, replies per CPU-second",
                Figures.count(perCpuSecond), Figures.count(1e9 / paired.naiveNanos()),
                Figures.ratio(paired.speedup()) + "; " + Figures.ratio(perCpuSecond / TARGET_REPLIES_PER_SECOND) + " of target",
                "≥ " + Figures.ratio(TARGET_SPEEDUP) + ", ≥ " + Figures.count(TARGET_REPLIES_PER_SECOND) + "/s",
                paired.speedup() >= TARGET_SPEEDUP && perCpuSecond >= TARGET_REPLIES_PER_SECOND);
        double coreBytes = secondary(core, ALLOCATION);
        double naiveBytes = secondary(naive, ALLOCATION);
        table.info("classifier, bytes allocated per reply", Figures.count(coreBytes), Figures.count(naiveBytes),
                Figures.ratio(coreBytes / naiveBytes));
    }

    private static void steps(Collection<RunResult> results, ResultsTable table) {
        StepCosts costs = StepCosts.measure(STEP_PASSES);
        double total = costs.of(StepCosts.CLASSIFY);
        for (String step : StepCosts.STEPS) {
            RunResult r = find(results, ClassifierStepsBenchmark.class, step);
            table.info("  step " + step + " (" + STEP_APIS.get(step) + "): CPU ns and bytes per reply",
                    Figures.decimal(costs.of(step), 0) + " ns, " + Figures.count(secondary(r, ALLOCATION)) + " B", "",
                    Figures.ratio(costs.of(step) / total) + " of classify");
        }
        double sum = costs.sumOfSteps();
        double inSequence = costs.of(StepCosts.IN_SEQUENCE);
        table.info("  the steps one after another, CPU ns per reply", Figures.decimal(inSequence, 0) + " ns",
                "each alone, summed: " + Figures.decimal(sum, 0) + " ns", Figures.ratio(inSequence / sum) + " of alone");
        table.info("  classify, CPU ns per reply", Figures.decimal(total, 0) + " ns",
                "steps one after another: " + Figures.decimal(inSequence, 0) + " ns", Figures.ratio(total / inSequence));
        RunResult addresses = find(results, ClassifierStepsBenchmark.class, "addresses");
        table.info("  Classification.addresses(), on demand: CPU ns and bytes",
                Figures.decimal(costs.of(StepCosts.ADDRESSES), 0) + " ns, " + Figures.count(secondary(addresses, ALLOCATION)) + " B",
                "", "not in classify");
    }

    private static void adversarial(Collection<RunResult> results, ResultsTable table) {
        for (AdversarialInput input : AdversarialInput.values()) {
            TreeMap<Integer, Double> microsByLength = new TreeMap<>();
            for (RunResult r : results) {
                if (r.getParams().getBenchmark().startsWith(AdversarialInputBenchmark.class.getName())
                        && input.name().equals(r.getParams().getParam("input"))) {
                    microsByLength.put(Integer.parseInt(r.getParams().getParam("length")), r.getPrimaryResult().getScore());
                }
            }
            if (microsByLength.isEmpty()) {
                continue;
            }
            double smallPerKb = perKb(microsByLength.firstEntry());
            for (Map.Entry<Integer, Double> e : microsByLength.entrySet()) {
                double perKb = perKb(e);
                double growth = perKb / smallPerKb;
                String figure = "adversarial " + input.label() + ", " + kilobytes(e.getKey());
                String value = Figures.decimal(e.getValue() / 1000, 2) + " ms (" + Figures.count(perKb) + " ns/KB)";
                if (e.getKey().equals(microsByLength.lastKey())) {
                    table.add(figure, value, kilobytes(microsByLength.firstKey()) + ": " + Figures.count(smallPerKb) + " ns/KB",
                            Figures.ratio(growth) + " ns/KB", "linear (≤ " + Figures.ratio(LINEAR_TOLERANCE) + ")",
                            growth <= LINEAR_TOLERANCE);
                } else {
                    table.info(figure, value, "", Figures.ratio(growth) + " ns/KB");
                }
            }
        }
    }

    private static double perKb(Map.Entry<Integer, Double> microsAtLength) {
        return microsAtLength.getValue() * 1000 / (microsAtLength.getKey() / 1024.0);
    }

    private static String kilobytes(int length) {
        return length >= 1024 * 1024 ? length / (1024 * 1024) + " MB" : length / 1024 + " KB";
    }

    private static String includes(Class<?> benchmark) {
        return "^" + Pattern.quote(benchmark.getName()) + "\\.";
    }

    private static RunResult find(Collection<RunResult> results, Class<?> benchmark, String method) {
        String name = benchmark.getName() + "." + method;
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().equals(name)) {
                return r;
            }
        }
        throw new IllegalStateException("JMH returned no result for " + name);
    }

    private static double secondary(RunResult result, String suffix) {
        for (Map.Entry<String, Result> e : result.getSecondaryResults().entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                return e.getValue().getScore();
            }
        }
        return Double.NaN;
    }
}
