package dev.bouncekit.junit.assertions;

import dev.bouncekit.classify.Classification;
import dev.bouncekit.receiver.FakeReceiver;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Adds bouncekit's soft assertions to any AssertJ soft-assertions class: implement it next to your
 * own {@code SoftAssertionsProvider}s.
 */
public interface BounceSoftAssertionsProvider extends SoftAssertionsProvider {

    /** Soft assertions on a receiver: failures are collected, not thrown. */
    default FakeReceiverAssert assertThat(FakeReceiver actual) {
        return proxy(FakeReceiverAssert.class, FakeReceiver.class, actual);
    }

    /** Soft assertions on a classification: failures are collected, not thrown. */
    default ClassificationAssert assertThat(Classification actual) {
        return proxy(ClassificationAssert.class, Classification.class, actual);
    }
}
