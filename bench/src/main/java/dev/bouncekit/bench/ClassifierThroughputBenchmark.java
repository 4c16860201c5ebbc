package dev.bouncekit.bench;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.rules.RuleSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Replies per second on one thread over the {@link ReplyMix}: bouncekit-core's classifier against
 * the {@link NaivePhraseClassifier}, side by side. One operation classifies one reply; the
 * benchmark walks the mix round-robin, so every reply weighs the same. Run with {@code -prof gc}
 * for the bytes allocated per reply ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassifierThroughputBenchmark {

    private String[] texts;
    private DeliveryContext[] contexts;
    private BounceClassifier classifier;
    private NaivePhraseClassifier naive;
    private int next;

    /** Loads the mix and builds both classifiers, outside the measurement. */
    @Setup
    public void setUp() {
        ReplyMix mix = ReplyMix.load();
        texts = mix.texts().toArray(new String[0]);
        contexts = mix.contexts().toArray(new DeliveryContext[0]);
        classifier = BounceClassifier.builtIn();
        naive = new NaivePhraseClassifier(RuleSet.builtIn());
    }

    /** bouncekit-core: parse, detect the provider, match the rules, decide. */
    @Benchmark
    public Object bouncekit() {
        int i = advance();
        return classifier.classify(texts[i], contexts[i]);
    }

    /** The naive baseline: one regular expression per phrase, tried in turn. */
    @Benchmark
    public Object naiveRegex() {
        return naive.classify(texts[advance()]);
    }

    private int advance() {
        int i = next;
        next = i + 1 == texts.length ? 0 : i + 1;
        return i;
    }
}
