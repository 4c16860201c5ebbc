/** The context customizer behind {@link dev.bouncekit.spring.test.AutoConfigureFakeReceiver}; not API. */
package dev.bouncekit.spring.test.internal;
