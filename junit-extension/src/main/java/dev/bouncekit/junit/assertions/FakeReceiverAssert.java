package dev.bouncekit.junit.assertions;

import dev.bouncekit.receiver.FakeReceiver;

/**
 * Assertions on a {@link FakeReceiver}; start with {@link BounceAssertions#assertThat(FakeReceiver)}.
 * Non-final with a public constructor, so soft assertions can proxy it.
 */
public class FakeReceiverAssert extends AbstractFakeReceiverAssert<FakeReceiverAssert> {

    /** Assertions on {@code actual}. */
    public FakeReceiverAssert(FakeReceiver actual) {
        super(actual, FakeReceiverAssert.class);
    }
}
