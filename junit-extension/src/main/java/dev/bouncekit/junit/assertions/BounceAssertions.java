package dev.bouncekit.junit.assertions;

import dev.bouncekit.classify.Classification;
import dev.bouncekit.receiver.FakeReceiver;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.Percentage;

/**
 * The one entry point for bouncekit's assertions, and for all of AssertJ's, which it inherits:
 * {@code import static dev.bouncekit.junit.assertions.BounceAssertions.*;}
 *
 * <pre>{@code
 * assertThat(receiver).hasRejectedRecipient("ghost@gmail.com", 550, "5.1.1").passesReleaseGate();
 * assertThat(receiver).hasBounceRateBelow(withPercentage(2)).hasTriedRecipientAtMost("ghost@gmail.com", 1);
 * assertThat(classification).hasReason(Reason.USERUNKNOWN).isHard();
 * assertThat(List.of(1, 2)).hasSize(2);   // AssertJ as usual
 * }</pre>
 */
public class BounceAssertions extends Assertions {

    /** For subclasses that add entry points of their own. */
    protected BounceAssertions() {
    }

    /** Assertions on what the receiver refused, accepted and stored, and the release gate. */
    public static FakeReceiverAssert assertThat(FakeReceiver actual) {
        return new FakeReceiverAssert(actual);
    }

    /** Assertions on a classification. */
    public static ClassificationAssert assertThat(Classification actual) {
        return new ClassificationAssert(actual);
    }

    /**
     * A percentage, e.g. the limit of {@code hasBounceRateBelow(withPercentage(2))}: AssertJ's
     * {@link Percentage#withPercentage(double)}, which its {@code Assertions} do not bring.
     */
    public static Percentage withPercentage(double value) {
        return Percentage.withPercentage(value);
    }
}
