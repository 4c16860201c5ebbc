package dev.bouncekit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU nanoseconds per reply of each step of {@code classify}, of all steps one after another, and
 * of {@code classify} itself, on the {@link ReplyMix}: the operations of
 * {@link ClassifierStepsBenchmark} and {@link ClassifierThroughputBenchmark} called in alternating
 * rounds on one thread and timed by the thread's CPU time, so that the figures can be added and
 * subtracted even when other work loads the machine (JMH's separate runs each see their own load).
 *
 * @param nanos median CPU nanoseconds per reply, by operation name, in the order measured
 */
public record StepCosts(Map<String, Double> nanos) {

    /** The steps, by the names of their {@link ClassifierStepsBenchmark} methods. */
    public static final String[] STEPS = {"parse", "replyText", "detectProvider", "matchRules", "statusReason"};
    /** {@code Classification.addresses()}: not a step of {@code classify}, paid on demand. */
    public static final String ADDRESSES = "addresses";
    /** All steps one after another. */
    public static final String IN_SEQUENCE = "stepsInSequence";
    /** The whole classification. */
    public static final String CLASSIFY = "classify";

    private static final int WARMUP_ROUNDS = 3;
    private static final int ROUNDS = 7;

    public StepCosts {
        nanos = Map.copyOf(nanos);
    }

    /** Measures with {@code passes} passes over the mix per operation and round. */
    public static StepCosts measure(int passes) {
        ClassifierStepsBenchmark steps = new ClassifierStepsBenchmark();
        steps.setUp();
        ClassifierThroughputBenchmark whole = new ClassifierThroughputBenchmark();
        whole.setUp();
        Map<String, Supplier<Object>> operations = new LinkedHashMap<>();
        operations.put("parse", steps::parse);
        operations.put("replyText", steps::replyText);
        operations.put("detectProvider", steps::detectProvider);
        operations.put("matchRules", steps::matchRules);
        operations.put("statusReason", steps::statusReason);
        operations.put(ADDRESSES, steps::addresses);
        operations.put(IN_SEQUENCE, steps::stepsInSequence);
        operations.put(CLASSIFY, whole::bouncekit);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int calls = passes * ReplyMix.load().size();
        Map<String, double[]> rounds = new LinkedHashMap<>();
        operations.keySet().forEach(name -> rounds.put(name, new double[ROUNDS]));
        int sink = 0;
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            for (Map.Entry<String, Supplier<Object>> op : operations.entrySet()) {
                Supplier<Object> call = op.getValue();
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink += call.get() == null ? 0 : 1;
                }
                long cpu = threads.getCurrentThreadCpuTime() - start;
                if (round >= 0) {
                    rounds.get(op.getKey())[round] = cpu / (double) calls;
                }
            }
        }
        if (sink < 0) {
            throw new IllegalStateException("unreachable");
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        rounds.forEach((name, values) -> {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            medians.put(name, sorted[sorted.length / 2]);
        });
        return new StepCosts(medians);
    }

    /** Median CPU nanoseconds per reply of one operation. */
    public double of(String operation) {
        Double value = nanos.get(operation);
        if (value == null) {
            throw new IllegalArgumentException("no such operation: " + operation);
        }
        return value;
    }

    /** The sum of the steps measured alone. */
    public double sumOfSteps() {
        double sum = 0;
        for (String step : STEPS) {
            sum += of(step);
        }
        return sum;
    }
}
