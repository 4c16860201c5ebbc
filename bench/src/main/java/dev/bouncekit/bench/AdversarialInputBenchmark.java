package dev.bouncekit.bench;

import dev.bouncekit.classify.BounceClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Time to classify one {@link AdversarialInput} of 10 KB, 100 KB and 1 MB. Linear time shows as
 * the same time per kilobyte at every size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AdversarialInputBenchmark {

    /** Input length in characters. */
    @Param({"10240", "102400", "1048576"})
    public int length;

    /** Which hostile text. */
    @Param({"STATUS_CODES", "REPEATED_CODES", "NO_SPACES", "NEAR_MISSES", "NEAR_STAGE_REPORTS"})
    public AdversarialInput input;

    private String text;
    private BounceClassifier classifier;

    /** Builds the text outside the measurement. */
    @Setup
    public void setUp() {
        text = input.text(length);
        classifier = BounceClassifier.builtIn();
    }

    /** Classifies the whole text once. */
    @Benchmark
    public Object classify() {
        return classifier.classify(text);
    }
}
