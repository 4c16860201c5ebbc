package dev.bouncekit.bench;

/**
 * What a test pays for the receiver between tests, measured on {@link BouncekitReceiver} directly
 * ({@link ExtensionReport} measures the same through the JUnit extension): the reset between tests
 * (rules, mail and transcript cleared after a test that installed rules and received mail), and a
 * server of its own per test (start then stop), next to the same for stock GreenMail. Warmed up first; the
 * loops are bounded by their counts.
 */
public final class LifecycleReport {

    private static final int WARMUP = 20;
    private static final int RESETS = 200;
    private static final int STARTS = 50;
    private static final int RULES_PER_TEST = 10;
    private static final int MESSAGES_PER_TEST = 3;

    /** Reset must cost less than this, milliseconds. */
    static final double RESET_TARGET_MILLIS = 1.0;
    /** A server's start and stop must cost less than this, milliseconds. */
    static final double START_STOP_TARGET_MILLIS = 5.0;

    private final boolean smoke;

    /** @param smoke run each loop a couple of times only, to check that the paths work */
    public LifecycleReport(boolean smoke) {
        this.smoke = smoke;
    }

    /** Measures and adds the rows to {@code table}. */
    public void run(ResultsTable table) throws Exception {
        Latencies reset = resets();
        Latencies receiver = startStops(() -> BouncekitReceiver.start().close());
        Latencies greenMail = startStops(() -> StockGreenMail.start().close());
        table.add("FakeReceiver.reset() after a test (rules, mail, transcript) p50 / p99", millis(reset), "", "",
                "p99 < " + Figures.decimal(RESET_TARGET_MILLIS, 0) + " ms", reset.percentileMillis(99) < RESET_TARGET_MILLIS);
        table.add("FakeReceiver start + stop p50 / p99", millis(receiver), "GreenMail: " + millis(greenMail),
                Figures.ratio(receiver.percentileMillis(50) / greenMail.percentileMillis(50)) + " GreenMail's p50",
                "p50 < " + Figures.decimal(START_STOP_TARGET_MILLIS, 0) + " ms",
                receiver.percentileMillis(50) < START_STOP_TARGET_MILLIS);
    }

    private Latencies resets() throws Exception {
        int warmup = smoke ? 1 : WARMUP;
        int count = smoke ? 2 : RESETS;
        long[] nanos = new long[count];
        try (BouncekitReceiver receiver = BouncekitReceiver.start()) {
            MailClient client = new MailClient(receiver.port());
            for (int i = -warmup; i < count; i++) {
                receiver.installNonMatchingRules(RULES_PER_TEST);
                client.sendOverOneConnection(MESSAGES_PER_TEST);
                long start = System.nanoTime();
                receiver.reset();
                long elapsed = System.nanoTime() - start;
                if (i >= 0) {
                    nanos[i] = elapsed;
                }
            }
        }
        return new Latencies(nanos);
    }

    /** One way of starting and stopping a server. */
    private interface StartStop {
        void run() throws Exception;
    }

    private Latencies startStops(StartStop startStop) throws Exception {
        int warmup = smoke ? 1 : WARMUP;
        int count = smoke ? 2 : STARTS;
        long[] nanos = new long[count];
        for (int i = -warmup; i < count; i++) {
            long start = System.nanoTime();
            startStop.run();
            long elapsed = System.nanoTime() - start;
            if (i >= 0) {
                nanos[i] = elapsed;
            }
        }
        return new Latencies(nanos);
    }

    private static String millis(Latencies l) {
        return Figures.decimal(l.percentileMillis(50), 2) + " / " + Figures.decimal(l.percentileMillis(99), 2) + " ms";
    }
}
