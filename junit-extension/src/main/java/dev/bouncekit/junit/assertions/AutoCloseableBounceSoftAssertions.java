package dev.bouncekit.junit.assertions;

import org.assertj.core.api.AutoCloseableSoftAssertions;

/**
 * Soft assertions, AssertJ's and bouncekit's, checked when closed by try-with-resources.
 *
 * <pre>{@code
 * try (AutoCloseableBounceSoftAssertions softly = new AutoCloseableBounceSoftAssertions()) {
 *     softly.assertThat(receiver).hasNoRetryAfterPermanentFailure();
 *     softly.assertThat(receiver).hasRetriedAfterTemporaryFailure();
 * }
 * }</pre>
 */
public class AutoCloseableBounceSoftAssertions extends AutoCloseableSoftAssertions
        implements BounceSoftAssertionsProvider {

    /** Soft assertions to be checked when closed. */
    public AutoCloseableBounceSoftAssertions() {
    }
}
