package dev.bouncekit.sample;

import java.time.Duration;

/**
 * How often and how patiently to try again after temporary failures.
 *
 * @param maxAttempts attempts per recipient, the first included
 * @param backoff     the pause before each new attempt
 */
public record RetryPolicy(int maxAttempts, Duration backoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative");
        }
    }

    /** Up to {@code maxAttempts} attempts, one after the other. */
    public static RetryPolicy immediate(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ZERO);
    }
}
