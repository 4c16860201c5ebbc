/**
 * JUnit 5 glue for the fake receiver: {@link dev.bouncekit.junit.FakeReceiverExtension} runs a
 * {@link dev.bouncekit.receiver.FakeReceiver} per test class or per test, and the annotations
 * {@link dev.bouncekit.junit.RejectRecipient}, {@link dev.bouncekit.junit.RejectSender} and
 * {@link dev.bouncekit.junit.Greylist} declare reply rules for the simple cases
 * ({@link dev.bouncekit.junit.RuleAnnotations} reads them for other test support). Assertions live in
 * {@code dev.bouncekit.junit.assertions}, catalog-driven parameterized sources in
 * {@code dev.bouncekit.junit.params}.
 */
package dev.bouncekit.junit;
