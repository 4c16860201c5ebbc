/**
 * The context customizer behind {@link dev.bouncekit.spring.test.AutoConfigureFakeReceiver} and the JUnit
 * extension that publishes a failed test's transcript; not API.
 */
package dev.bouncekit.spring.test.internal;
