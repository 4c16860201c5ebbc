/**
 * AssertJ assertions for the fake receiver and for classifications, with one entry point,
 * {@link dev.bouncekit.junit.assertions.BounceAssertions}, and soft-assertion support
 * ({@link dev.bouncekit.junit.assertions.BounceSoftAssertions},
 * {@link dev.bouncekit.junit.assertions.AutoCloseableBounceSoftAssertions},
 * {@link dev.bouncekit.junit.assertions.BounceSoftAssertionsProvider}).
 */
package dev.bouncekit.junit.assertions;
