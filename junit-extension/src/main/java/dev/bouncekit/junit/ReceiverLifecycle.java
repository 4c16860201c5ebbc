package dev.bouncekit.junit;

/**
 * How long a receiver started by {@link FakeReceiverExtension} lives.
 *
 * <p>By default the place of registration decides: {@code @ExtendWith} on a class, or
 * {@code @RegisterExtension} on a static field, gives {@link #PER_CLASS}; {@code @RegisterExtension}
 * on an instance field gives one receiver per test instance, that is {@link #PER_TEST} unless the
 * class uses {@code @TestInstance(PER_CLASS)}.
 */
public enum ReceiverLifecycle {
    /**
     * One receiver for the class and its {@code @Nested} classes; rules, stored mail and the
     * transcript are reset before each test. Tests sharing it never run at the same time, also under
     * parallel execution.
     */
    PER_CLASS,
    /** A new receiver, on its own port, for every test; tests can run in parallel. */
    PER_TEST
}
