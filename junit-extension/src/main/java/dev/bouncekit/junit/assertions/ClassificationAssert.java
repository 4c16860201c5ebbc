package dev.bouncekit.junit.assertions;

import dev.bouncekit.classify.Classification;

/**
 * Assertions on a {@link Classification}; start with {@link BounceAssertions#assertThat(Classification)}.
 * Non-final with a public constructor, so soft assertions can proxy it.
 */
public class ClassificationAssert extends AbstractClassificationAssert<ClassificationAssert> {

    /** Assertions on {@code actual}. */
    public ClassificationAssert(Classification actual) {
        super(actual, ClassificationAssert.class);
    }
}
