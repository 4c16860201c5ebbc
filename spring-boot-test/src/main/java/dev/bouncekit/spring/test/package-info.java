/**
 * Spring Boot test support for the fake receiver: {@link dev.bouncekit.spring.test.AutoConfigureFakeReceiver}
 * starts one {@link dev.bouncekit.receiver.FakeReceiver} per application context and points
 * {@code spring.mail.*} at it; {@link dev.bouncekit.spring.test.FakeReceiverTestExecutionListener}
 * resets it before each test. The rule annotations and the assertions are bouncekit-junit's.
 */
package dev.bouncekit.spring.test;
