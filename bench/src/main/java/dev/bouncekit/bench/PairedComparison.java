package dev.bouncekit.bench;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.rules.RuleSet;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The classifier against the {@link NaivePhraseClassifier} in alternating rounds on one thread,
 * timed by the thread's own CPU time: a check of the JMH ratio that holds up when other work
 * loads the machine, since both sides are timed in every round and time spent waiting for a core
 * is not counted.
 *
 * @param coreNanos  median CPU nanoseconds per reply of {@code BounceClassifier.classify}
 * @param naiveNanos median CPU nanoseconds per reply of the naive baseline
 */
public record PairedComparison(double coreNanos, double naiveNanos) {

    /** Enough for the JIT to settle after other work in the same JVM (the first rounds run slower). */
    private static final int WARMUP_ROUNDS = 10;
    private static final int ROUNDS = 9;
    private static final int CORE_PASSES = 20;
    private static final int NAIVE_PASSES = 2;

    /** Runs the rounds over {@code mix}. */
    public static PairedComparison measure(ReplyMix mix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        String[] texts = mix.texts().toArray(new String[0]);
        DeliveryContext[] contexts = mix.contexts().toArray(new DeliveryContext[0]);
        BounceClassifier classifier = BounceClassifier.builtIn();
        NaivePhraseClassifier naive = new NaivePhraseClassifier(RuleSet.builtIn());
        double[] core = new double[ROUNDS];
        double[] baseline = new double[ROUNDS];
        int sink = 0;
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int pass = 0; pass < CORE_PASSES; pass++) {
                for (int i = 0; i < texts.length; i++) {
                    sink += classifier.classify(texts[i], contexts[i]).reason().ordinal();
                }
            }
            long middle = threads.getCurrentThreadCpuTime();
            for (int pass = 0; pass < NAIVE_PASSES; pass++) {
                for (String text : texts) {
                    sink += naive.classify(text).ordinal();
                }
            }
            long end = threads.getCurrentThreadCpuTime();
            if (round >= 0) {
                core[round] = (middle - start) / (double) (CORE_PASSES * texts.length);
                baseline[round] = (end - middle) / (double) (NAIVE_PASSES * texts.length);
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new PairedComparison(median(core), median(baseline));
    }

    /** How many times faster the classifier is. */
    public double speedup() {
        return naiveNanos / coreNanos;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
