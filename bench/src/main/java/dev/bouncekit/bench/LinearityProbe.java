package dev.bouncekit.bench;

import dev.bouncekit.classify.BounceClassifier;

/**
 * A quick look, before JMH runs, at how an {@link AdversarialInput} scales from 16 KB to 64 KB.
 * An input whose 64 KB text takes longer than {@link #LIMIT_MILLIS} is far from linear (linear
 * time is a few milliseconds there) and would take minutes at 1 MB: it is reported from this probe
 * and left out of the JMH run, which keeps the whole report bounded in time.
 *
 * @param input       the input probed
 * @param smallMillis best of three at {@link #SMALL} characters
 * @param largeMillis one run at {@link #LARGE} characters
 */
public record LinearityProbe(AdversarialInput input, double smallMillis, double largeMillis) {

    /** The smaller probe length. */
    public static final int SMALL = 16 * 1024;
    /** The larger probe length, four times the smaller. */
    public static final int LARGE = 64 * 1024;
    /** Time over which the larger probe counts as unbounded. */
    public static final double LIMIT_MILLIS = 250;

    /** Classifies the input at both lengths. */
    public static LinearityProbe of(AdversarialInput input, BounceClassifier classifier) {
        String small = input.text(SMALL);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            classifier.classify(small);
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        String large = input.text(LARGE);
        long start = System.nanoTime();
        classifier.classify(large);
        return new LinearityProbe(input, best, (System.nanoTime() - start) / 1e6);
    }

    /** Whether the input may go to JMH at 1 MB. */
    public boolean bounded() {
        return largeMillis <= LIMIT_MILLIS;
    }
}
