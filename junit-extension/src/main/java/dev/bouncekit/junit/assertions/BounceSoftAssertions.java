package dev.bouncekit.junit.assertions;

import org.assertj.core.api.SoftAssertions;

/**
 * AssertJ's {@link SoftAssertions} plus bouncekit's: collect every failure, report them together.
 * Works with {@code SoftAssertionsExtension} and {@code @InjectSoftAssertions}.
 *
 * <pre>{@code
 * SoftAssertionsProvider.assertSoftly(BounceSoftAssertions.class, softly -> {
 *     softly.assertThat(receiver).hasRejectedRecipient("ghost@gmail.com", 550);
 *     softly.assertThat(classification).hasReason(Reason.USERUNKNOWN);
 * });
 * }</pre>
 */
public class BounceSoftAssertions extends SoftAssertions implements BounceSoftAssertionsProvider {

    /** Soft assertions to be checked with {@link #assertAll()}. */
    public BounceSoftAssertions() {
    }
}
