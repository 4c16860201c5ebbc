package dev.bouncekit.bench;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.Arrays;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * What the JUnit extension costs a test: the classes of {@link ExtensionWorkload} run through the
 * JUnit Platform launcher, in rounds taking turns after warm-up rounds; the extra time per test
 * over the same tests without the extension is the cost of the reset between tests (one receiver
 * per class) or of a server of the test's own (start and stop).
 */
public final class ExtensionReport {

    /** Per-test reset must cost less than this, milliseconds. */
    static final double RESET_TARGET_MILLIS = 1.0;
    /** A per-test server must cost less than this, milliseconds. */
    static final double SERVER_TARGET_MILLIS = 5.0;

    private final int warmupRounds;
    private final int rounds;

    /** @param smoke one round of each, to check that the paths work */
    public ExtensionReport(boolean smoke) {
        this.warmupRounds = smoke ? 0 : 3;
        this.rounds = smoke ? 1 : 5;
    }

    /** Runs the rounds and adds the rows to {@code table}. */
    public void run(ResultsTable table) {
        Launcher launcher = LauncherFactory.create();
        Class<?>[] classes = {ExtensionWorkload.WithoutExtension.class, ExtensionWorkload.ReceiverPerClass.class,
                ExtensionWorkload.ReceiverPerTest.class};
        double[][] perTest = new double[classes.length][rounds];
        for (int round = -warmupRounds; round < rounds; round++) {
            for (int c = 0; c < classes.length; c++) {
                double millis = runClass(launcher, classes[c]);
                if (round >= 0) {
                    perTest[c][round] = millis / ExtensionWorkload.TESTS;
                }
            }
        }
        double plain = median(perTest[0]);
        double perClass = median(perTest[1]);
        double ownServer = median(perTest[2]);
        double reset = perClass - plain;
        double server = ownServer - plain;
        table.add("JUnit extension, one receiver per class: extra ms per test (reset)", Figures.decimal(reset, 3) + " ms",
                "plain JUnit test: " + Figures.decimal(plain, 3) + " ms", Figures.ratio(perClass / plain) + " a plain test",
                "< " + Figures.decimal(RESET_TARGET_MILLIS, 0) + " ms", reset < RESET_TARGET_MILLIS);
        table.add("JUnit extension, receiver per test: extra ms per test (start + stop)", Figures.decimal(server, 2) + " ms",
                "plain JUnit test: " + Figures.decimal(plain, 3) + " ms", Figures.ratio(ownServer / plain) + " a plain test",
                "< " + Figures.decimal(SERVER_TARGET_MILLIS, 0) + " ms", server < SERVER_TARGET_MILLIS);
    }

    /** Runs one class; returns its wall time in milliseconds. Fails when a test fails. */
    private static double runClass(Launcher launcher, Class<?> testClass) {
        LauncherDiscoveryRequest discovery = request().selectors(selectClass(testClass)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long start = System.nanoTime();
        launcher.execute(discovery, listener);
        double millis = (System.nanoTime() - start) / 1e6;
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTotalFailureCount() > 0 || summary.getTestsSucceededCount() != ExtensionWorkload.TESTS) {
            StringBuilder why = new StringBuilder();
            summary.getFailures().forEach(f -> why.append(' ').append(f.getException()));
            throw new IllegalStateException(testClass.getSimpleName() + ": " + summary.getTestsSucceededCount() + " of "
                    + ExtensionWorkload.TESTS + " tests passed;" + why);
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
