package dev.bouncekit.bench;

import java.util.Arrays;

/**
 * Round-trip times of one kind of exchange, in nanoseconds, with their percentiles.
 *
 * @param nanos every round trip measured, sorted
 */
public record Latencies(long[] nanos) {

    public Latencies {
        nanos = nanos.clone();
        Arrays.sort(nanos);
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no round trips measured");
        }
    }

    /** The {@code p}-th percentile (0 to 100), nearest rank. */
    public double percentileMillis(double p) {
        int rank = (int) Math.ceil(p / 100 * nanos.length);
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }
}
