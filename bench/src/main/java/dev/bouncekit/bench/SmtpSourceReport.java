package dev.bouncekit.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code bouncekit serve} against the practical ceiling and its own base: Postfix's
 * {@code smtp-source} (and the {@link EhloProbe}) against Postfix's smtp-sink, stock GreenMail
 * 2.1.13 and {@code bouncekit serve}, each a process of its own on 127.0.0.1, in one run. Every
 * {@link SmtpSourceMode} sends {@code messages} messages of 1 KB (the probe opens
 * {@code probeConnections} connections); after one warm-up pass, {@code rounds} rounds in which the
 * three servers take turns, in a rotating order, mode by mode; the median round counts.
 *
 * @param messages         messages per smtp-source run
 * @param probeConnections connections per EHLO probe run, at most: a run ends after 3 s
 * @param rounds           measured rounds
 */
public record SmtpSourceReport(int messages, int probeConnections, int rounds) {

    private static final Path SOURCE = Path.of("/usr/sbin/smtp-source");
    private static final Path SINK = Path.of("/usr/sbin/smtp-sink");
    private static final int MESSAGE_BYTES = 1024;
    /** How long one EHLO probe run may take: stock GreenMail manages about 20 connections a second. */
    private static final long PROBE_NANOS = 3_000_000_000L;

    /** The run of {@code bench/run.sh}: 2,000 messages, 2,000 probe connections (or 3 s), median of 3 rounds. */
    public static SmtpSourceReport standard() {
        return new SmtpSourceReport(2000, 2000, 3);
    }

    /** Whether Postfix's smtp-source and smtp-sink are installed. */
    public static boolean available() {
        return Files.isExecutable(SOURCE) && Files.isExecutable(SINK);
    }

    /**
     * Runs every mode against the three servers, prints the table to {@code out} and adds the
     * targets to {@code table}.
     *
     * @param serveJar the runnable {@code bouncekit.jar} of this build
     * @param logs     where the servers' output goes
     */
    public void run(Path serveJar, Path logs, PrintStream out, ResultsTable table) throws Exception {
        run(serveJar, List.of(), logs, out, table);
    }

    /**
     * As {@link #run(Path, Path, PrintStream, ResultsTable)}, with {@code bouncekit serve} of other
     * builds ({@code otherJars}) taking turns with the rest, for a before/after comparison.
     */
    public void run(Path serveJar, List<Path> otherJars, Path logs, PrintStream out, ResultsTable table)
            throws Exception {
        if (!available()) {
            table.info("smtp-source against smtp-sink, GreenMail, serve", "n/a: Postfix's smtp-source is not installed "
                    + "(bench/run.sh installs the postfix package)", "", "");
            return;
        }
        if (!Files.isReadable(serveJar)) {
            throw new IOException(serveJar + " not found: build it with mvn -pl cli -am package");
        }
        List<SmtpSourceMode> modes = SmtpSourceMode.all();
        List<ExternalServer> servers = new ArrayList<>();
        try {
            servers.add(ExternalServer.smtpSink(SINK, logs.resolve("smtp-sink.log")));
            servers.add(ExternalServer.stockGreenMail(logs.resolve("greenmail.log")));
            servers.add(ExternalServer.serve(serveJar, logs.resolve("serve.log")));
            for (int i = 0; i < otherJars.size(); i++) {
                servers.add(ExternalServer.serve(otherJars.get(i), logs.resolve("serve-other-" + i + ".log")));
            }
            for (SmtpSourceMode mode : modes) {
                for (ExternalServer server : servers) {
                    rate(mode, server);
                }
            }
            double[][][] perRound = new double[modes.size()][servers.size()][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int m = 0; m < modes.size(); m++) {
                    for (int k = 0; k < servers.size(); k++) {
                        int s = (k + round + m) % servers.size();
                        perRound[m][s][round] = rate(modes.get(m), servers.get(s));
                    }
                }
            }
            print(out, modes, servers, perRound, table);
        } finally {
            for (ExternalServer server : servers) {
                server.close();
            }
        }
    }

    private void print(PrintStream out, List<SmtpSourceMode> modes, List<ExternalServer> servers,
                       double[][][] perRound, ResultsTable table) {
        out.println();
        out.printf(Locale.ROOT, "smtp-source (%d messages of %d B; probe: %d connections or 3 s), msgs/s, median of %d rounds "
                + "after a warm-up, servers interleaved%n", messages, MESSAGE_BYTES, probeConnections, rounds);
        out.println("| mode | smtp-sink | stock GreenMail 2.1.13 | bouncekit serve | serve / GreenMail | serve / sink |");
        out.println("|---|---|---|---|---|---|");
        for (int m = 0; m < modes.size(); m++) {
            SmtpSourceMode mode = modes.get(m);
            double sink = median(perRound[m][0]);
            double greenMail = median(perRound[m][1]);
            double serve = median(perRound[m][2]);
            StringBuilder others = new StringBuilder();
            for (int s = 3; s < servers.size(); s++) {
                double other = median(perRound[m][s]);
                others.append(" other build ").append(s - 2).append(": ").append(Figures.count(other))
                        .append(" (serve / it ").append(Figures.ratio(serve / other)).append(") |");
            }
            out.println("| " + mode.label() + " | " + Figures.count(sink) + " | " + Figures.count(greenMail) + " | "
                    + Figures.count(serve) + " | " + Figures.ratio(serve / greenMail) + " | "
                    + Figures.ratio(serve / sink) + " |" + others);
            String figure = "smtp-source, " + mode.label() + ", msgs/s";
            if (!mode.isProbe()) {
                table.add(figure, Figures.count(serve), "GreenMail: " + Figures.count(greenMail),
                        Figures.ratio(serve / greenMail), "≥ 1.00× GreenMail", serve >= greenMail);
            } else {
                table.info(figure, Figures.count(serve), "GreenMail: " + Figures.count(greenMail),
                        Figures.ratio(serve / greenMail));
            }
            if (mode.targetOfSink() > 0) {
                table.add("  same against smtp-sink", Figures.count(serve), "smtp-sink: " + Figures.count(sink),
                        Figures.ratio(serve / sink), "≥ " + Figures.ratio(mode.targetOfSink()) + " sink",
                        serve / sink >= mode.targetOfSink());
            }
        }
        out.println("every round, msgs/s (sink / GreenMail / serve" + (servers.size() > 3 ? " / other builds" : "") + "):");
        for (int m = 0; m < modes.size(); m++) {
            StringBuilder line = new StringBuilder("  " + modes.get(m).label() + ":");
            for (int r = 0; r < rounds; r++) {
                line.append(" ");
                for (int s = 0; s < servers.size(); s++) {
                    line.append(s == 0 ? " " : "/").append(String.format(Locale.ROOT, "%.0f", perRound[m][s][r]));
                }
            }
            out.println(line);
        }
        out.println();
    }

    /** One run of the mode against the server, in messages (or probe connections) per second. */
    private double rate(SmtpSourceMode mode, ExternalServer server) throws Exception {
        double rate;
        if (mode.isProbe()) {
            rate = new EhloProbe(server.port()).rate(probeConnections, PROBE_NANOS);
        } else {
            rate = messages / (smtpSource(mode, server) / 1e9);
        }
        server.clearMail();
        return rate;
    }

    private long smtpSource(SmtpSourceMode mode, ExternalServer server) throws Exception {
        List<String> command = new ArrayList<>(List.of(SOURCE.toString(), "-m", Integer.toString(messages),
                "-l", Integer.toString(MESSAGE_BYTES)));
        command.addAll(mode.sourceFlags());
        command.add("127.0.0.1:" + server.port());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("smtp-source against " + server.name() + " did not finish in 120 s");
        }
        long nanos = System.nanoTime() - start;
        String text = new String(output, StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0 || !text.isEmpty()) {
            throw new IOException("smtp-source " + String.join(" ", mode.sourceFlags()) + " against " + server.name()
                    + " failed (exit " + process.exitValue() + "): " + text);
        }
        return nanos;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
