package dev.bouncekit.example.orders;

import dev.bouncekit.receiver.FakeReceiver;
import org.springframework.context.ApplicationContext;

/** What the first test class of the shared context saw, for the second to compare with. */
final class FirstTestClass {

    static volatile FakeReceiver receiver;
    static volatile int port;
    static volatile ApplicationContext context;

    private FirstTestClass() {
    }
}
