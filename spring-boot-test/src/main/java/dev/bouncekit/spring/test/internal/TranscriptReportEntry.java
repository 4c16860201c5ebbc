package dev.bouncekit.spring.test.internal;

import dev.bouncekit.junit.FakeReceiverExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Publishes the SMTP transcript that {@code FakeReceiverTestExecutionListener} printed for a failed
 * test as the JUnit report entry {@value FakeReceiverExtension#TRANSCRIPT_REPORT_KEY}, as
 * bouncekit-junit's extension does. Spring's listeners cannot reach JUnit's extension context, so
 * the listener hands the text over on the test's thread (Spring runs its {@code afterTestMethod} in
 * JUnit's {@code afterEach}), and JUnit calls this watcher on that thread after every
 * {@code afterEach}. Registered by {@code @AutoConfigureFakeReceiver}'s {@code @ExtendWith}.
 */
public final class TranscriptReportEntry implements TestWatcher {

    private static final ThreadLocal<HandedOver> HANDED_OVER = new ThreadLocal<>();

    /** Hands over the transcript of the failed test method that runs on this thread. */
    public static void handOver(Method testMethod, String transcript) {
        HANDED_OVER.set(new HandedOver(testMethod, transcript));
    }

    /** Forgets a transcript handed over on this thread and not published, so that no later test gets it. */
    public static void forget() {
        HANDED_OVER.remove();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        HandedOver handedOver = HANDED_OVER.get();
        forget();
        if (handedOver != null && context.getTestMethod().equals(Optional.of(handedOver.testMethod()))) {
            context.publishReportEntry(FakeReceiverExtension.TRANSCRIPT_REPORT_KEY, handedOver.transcript());
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        forget();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        forget();
    }

    /** A failed test's transcript, waiting for JUnit to finish the test. */
    private record HandedOver(Method testMethod, String transcript) {
    }
}
