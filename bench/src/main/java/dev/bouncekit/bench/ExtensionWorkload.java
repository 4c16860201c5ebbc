package dev.bouncekit.bench;

import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.junit.ReceiverLifecycle;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.bouncekit.receiver.Condition.recipient;
import static dev.bouncekit.receiver.ReplyRule.when;

/**
 * The test classes {@link ExtensionReport} runs through the JUnit Platform launcher: the same
 * repeated test without the extension, with one receiver per class (reset before each test), and
 * with a receiver of its own per test. Each test adds a rule, so that the reset has something to
 * clear. Not tests of this module: they live in its main code and only run when launched.
 */
public final class ExtensionWorkload {

    /** Tests per class; {@link ExtensionReport} divides by it. */
    public static final int TESTS = 100;

    private ExtensionWorkload() {
    }

    /** The baseline: plain JUnit, no receiver. */
    public static class WithoutExtension {
        @RepeatedTest(TESTS)
        void test() {
            Blackhole.consume(this);
        }
    }

    /** {@code @ExtendWith}: one receiver for the class, reset before each test. */
    @ExtendWith(FakeReceiverExtension.class)
    public static class ReceiverPerClass {
        @RepeatedTest(TESTS)
        void test(FakeReceiver receiver) {
            receiver.addRule(when(recipient("ghost@example.net")).at(SmtpStage.RCPT).replyWith(550, "5.1.1", "No such user"));
        }
    }

    /** {@code @RegisterExtension} on an instance field: a receiver started and stopped per test. */
    public static class ReceiverPerTest {
        @RegisterExtension
        FakeReceiverExtension smtp = FakeReceiverExtension.builder().lifecycle(ReceiverLifecycle.PER_TEST).build();

        @RepeatedTest(TESTS)
        void test(FakeReceiver receiver) {
            receiver.addRule(when(recipient("ghost@example.net")).at(SmtpStage.RCPT).replyWith(550, "5.1.1", "No such user"));
        }
    }

    /** Keeps the baseline test from being empty. */
    static final class Blackhole {
        private static volatile Object last;

        private Blackhole() {
        }

        static void consume(Object o) {
            last = o;
        }
    }
}
