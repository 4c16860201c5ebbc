package dev.bouncekit.junit.internal;

import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.gate.TranscriptFormat;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.io.PrintStream;

/**
 * Shows the SMTP transcript of a failed test: printed to standard output, where build tools and
 * IDEs show it next to the failure, and published as the report entry {@value #KEY}.
 */
public final class TranscriptReport {

    /** The key of the report entry that carries the transcript. */
    public static final String KEY = "bouncekit.transcript";

    private TranscriptReport() {
    }

    /**
     * Reports the transcript of {@code receiver} when the test of {@code context} failed; not when
     * an assumption aborted it, which skips it.
     */
    public static void reportIfFailed(ExtensionContext context, FakeReceiver receiver, PrintStream out) {
        context.getExecutionException().filter(TranscriptReport::isFailure).ifPresent(failure -> report(context, receiver, out));
    }

    /** True for what fails a test, false for what aborts it (a failed assumption). */
    public static boolean isFailure(Throwable thrown) {
        return !(thrown instanceof TestAbortedException);
    }

    /** Reports the transcript of {@code receiver} for the test of {@code context}, known to have failed. */
    public static void report(ExtensionContext context, FakeReceiver receiver, PrintStream out) {
        String text = render(testName(context), receiver);
        out.print(text);
        out.flush();
        context.publishReportEntry(KEY, text);
    }

    /**
     * The test's display name; for an invocation of a {@code @RepeatedTest} or
     * {@code @ParameterizedTest} ({@code repetition 2 of 5}, {@code [3] gmail/user-unknown}) and a
     * dynamic test, after the name of its method, which they do not name themselves.
     */
    static String testName(ExtensionContext context) {
        return context.getParent()
                .filter(parent -> parent.getTestMethod().isPresent())
                .map(parent -> parent.getDisplayName() + " " + context.getDisplayName())
                .orElse(context.getDisplayName());
    }

    /** The report for a failed test. */
    static String render(String testName, FakeReceiver receiver) {
        return "--- bouncekit: SMTP transcript of failed test " + testName + " (" + receiver + ") ---\n"
                + TranscriptFormat.connections(receiver.transcript())
                + "--- end of transcript ---\n";
    }
}
