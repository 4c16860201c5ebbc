package dev.bouncekit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every benchmark of bouncekit and prints one results table: {@code java -jar
 * bench/target/benchmarks.jar [--only classifier|receiver|smtp|lifecycle] [--out DIR] [--serve-jar FILE] [--other-serve-jar FILE]...}.
 * JMH's own logs and JSON results, and the server logs of the smtp part, go to {@code DIR} (default
 * {@code bench/target/results}); the smtp part runs {@code bouncekit serve} from {@code FILE} (default
 * {@code cli/target/bouncekit.jar}), next to the builds given with {@code --other-serve-jar} if any.
 */
public final class PerformanceReport {

    private PerformanceReport() {
    }

    /** Entry point; exits non-zero when a benchmark fails to run (a missed target is not a failure). */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String only = null;
        Path out = Path.of("bench", "target", "results");
        Path serveJar = Path.of("cli", "target", "bouncekit.jar");
        List<Path> otherJars = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> only = value(args, ++i);
                case "--out" -> out = Path.of(value(args, ++i));
                case "--serve-jar" -> serveJar = Path.of(value(args, ++i));
                case "--other-serve-jar" -> otherJars.add(Path.of(value(args, ++i)));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; use --only classifier|receiver|smtp|lifecycle, --out DIR, --serve-jar FILE and --other-serve-jar FILE");
            }
        }
        Files.createDirectories(out);
        ResultsTable table = new ResultsTable();
        long start = System.nanoTime();
        if (only == null || only.equals("classifier")) {
            System.out.println("classifier benchmarks (JMH; log in " + out.resolve("classifier.txt") + ") ...");
            new ClassifierReport(JmhSettings.quick(out)).run(table);
        }
        if (only == null || only.equals("receiver")) {
            System.out.println("receiver against stock GreenMail (Angus Mail client, 127.0.0.1) ...");
            new ReceiverReport(ReceiverWorkload.standard(), BouncekitReceiver::start).run(table);
        }
        if (only == null || only.equals("smtp")) {
            System.out.println("smtp-source against smtp-sink, stock GreenMail and bouncekit serve, each its own process ...");
            SmtpSourceReport.standard().run(serveJar, otherJars, out, System.out, table);
            System.out.println("heap per stored message, stock GreenMail and the fake receiver ...");
            StoredMessageMemory.standard().run(table);
        }
        if (only == null || only.equals("lifecycle")) {
            System.out.println("receiver reset and start/stop, FakeReceiver directly and through the JUnit extension ...");
            new LifecycleReport(false).run(table);
            new ExtensionReport(false).run(table);
        }
        System.out.println();
        System.out.printf("bouncekit performance, %d cores, %s %s, %.0f s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), (System.nanoTime() - start) / 1e9);
        table.print(System.out);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
