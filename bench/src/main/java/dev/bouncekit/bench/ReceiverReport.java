package dev.bouncekit.bench;

import dev.bouncekit.receiver.internal.RuleLookupTiming;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Bouncekit's fake receiver against stock GreenMail, in one harness and one run, both on
 * 127.0.0.1 and driven by the same Angus Mail client: (a) messages over one reused connection,
 * (b) one new connection per message, (c) parallel connections, (d) (a) with many rules
 * installed, (e) RCPT round-trip latency; and (f) the rule lookup of (d) alone, without the network
 * ({@code RuleLookupTiming}). Each scenario runs {@link ReceiverWorkload#rounds()}
 * times with the two servers taking turns, and the median round counts, so that a burst of load
 * on the machine hits both alike.
 */
public final class ReceiverReport {

    private static final String REJECTED = "ghost@example.net";
    private static final String ACCEPTED = "rcpt@example.net";

    private final ReceiverWorkload workload;
    private final Supplier<RuleReceiver> bouncekit;

    /**
     * @param bouncekit starts the fake receiver, or null when it is not part of this build: then
     *                  GreenMail's figures are printed alone
     */
    public ReceiverReport(ReceiverWorkload workload, Supplier<RuleReceiver> bouncekit) {
        this.workload = workload;
        this.bouncekit = bouncekit;
    }

    /** Runs every scenario and adds its rows to {@code table}. */
    public void run(ResultsTable table) throws Exception {
        try (StockGreenMail greenMail = StockGreenMail.start();
             RuleReceiver receiver = bouncekit == null ? null : bouncekit.get()) {
            List<SmtpEndpoint> endpoints = new ArrayList<>();
            endpoints.add(greenMail);
            if (receiver != null) {
                endpoints.add(receiver);
            }
            for (SmtpEndpoint endpoint : endpoints) {
                new MailClient(endpoint.port()).sendOverOneConnection(workload.warmupMessages());
                endpoint.clearMail();
            }
            double[] reused = rates(endpoints, workload.reusedConnection(),
                    client -> client.sendOverOneConnection(workload.reusedConnection()));
            double[] perMessage = rates(endpoints, workload.newConnections(),
                    client -> client.sendOneConnectionEach(workload.newConnections()));
            int parallelTotal = workload.parallel() * workload.perParallel();
            double[] parallel = rates(endpoints, parallelTotal,
                    client -> client.sendInParallel(workload.parallel(), workload.perParallel()));
            double[] withRules = null;
            Latencies rejections = null;
            if (receiver != null) {
                withRules = withAndWithoutRules(receiver);
                receiver.rejectRecipient(REJECTED);
                rejections = new MailClient(receiver.port())
                        .recipientRoundTrips(REJECTED, workload.roundTrips(), workload.roundTrips(), 550);
                receiver.clearRules();
            }
            Latencies accepts = new MailClient(greenMail.port())
                    .recipientRoundTrips(ACCEPTED, workload.roundTrips(), workload.roundTrips(), 250);

            rateRow(table, "(a) " + workload.reusedConnection() + " msgs, 1 reused connection", reused, 1.0);
            rateRow(table, "(b) 1 new connection per message", perMessage, 30.0);
            rateRow(table, "(c) " + workload.parallel() + " parallel connections × " + workload.perParallel() + " msgs",
                    parallel, 1.0);
            if (receiver == null) {
                table.info("(d) (a) with " + workload.rules() + " rules installed", "n/a: no fake receiver in this build", "", "");
                table.info("(e) RCPT round trip p50 / p99", "n/a: no fake receiver in this build",
                        latency(accepts) + " (250)", "");
                return;
            }
            double ofA = withRules[1] / withRules[0];
            table.add("(d) (a) with " + workload.rules() + " rules installed, msgs/s", Figures.count(withRules[1]),
                    "no rules: " + Figures.count(withRules[0]), Figures.ratio(ofA) + " of (a)", "≥ 0.95× of (a)",
                    ofA >= 0.95);
            table.add("(e) RCPT rejection round trip p50 / p99", latency(rejections),
                    latency(accepts) + " (GreenMail accepts)", "", "p99 < 1 ms", rejections.percentileMillis(99) < 1.0);
            double[] lookup = RuleLookupTiming.measure(workload.rules(), 10 * workload.reusedConnection());
            table.info("(f) rule lookup, " + workload.rules() + " rules: CPU ns per MAIL FROM + RCPT TO", Figures.decimal(lookup[0], 0) + " ns",
                    "no rules: " + Figures.decimal(lookup[1], 0) + " ns", "no network");
        }
    }

    private void rateRow(ResultsTable table, String figure, double[] rates, double target) {
        String name = figure + ", msgs/s";
        if (rates.length < 2) {
            table.info(name, "n/a: no fake receiver in this build", Figures.count(rates[0]), "");
            return;
        }
        double ratio = rates[1] / rates[0];
        table.add(name, Figures.count(rates[1]), Figures.count(rates[0]), Figures.ratio(ratio),
                "≥ " + Figures.ratio(target), ratio >= target);
    }

    private static String latency(Latencies l) {
        return Figures.decimal(l.percentileMillis(50), 3) + " / " + Figures.decimal(l.percentileMillis(99), 3) + " ms";
    }

    /** One timed way of sending, given a client bound to one endpoint. */
    private interface Sending {
        long nanos(MailClient client) throws Exception;
    }

    /**
     * Messages per second of the fake receiver over one reused connection without rules [0] and
     * with {@link ReceiverWorkload#rules()} rules installed [1]: medians of rounds taking turns.
     */
    private double[] withAndWithoutRules(RuleReceiver receiver) throws Exception {
        int messages = workload.reusedConnection();
        double[][] perRound = new double[2][workload.rounds()];
        for (int round = 0; round < workload.rounds(); round++) {
            for (int withRules = 0; withRules < 2; withRules++) {
                if (withRules == 1) {
                    receiver.installNonMatchingRules(workload.rules());
                }
                long nanos = new MailClient(receiver.port()).sendOverOneConnection(messages);
                perRound[withRules][round] = messages / (nanos / 1e9);
                receiver.clearRules();
                receiver.clearMail();
            }
        }
        return new double[] {median(perRound[0]), median(perRound[1])};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Messages per second of each endpoint: the median of the rounds, the endpoints taking turns. */
    private double[] rates(List<? extends SmtpEndpoint> endpoints, int messages, Sending sending) throws Exception {
        double[][] perRound = new double[endpoints.size()][workload.rounds()];
        for (int round = 0; round < workload.rounds(); round++) {
            for (int e = 0; e < endpoints.size(); e++) {
                SmtpEndpoint endpoint = endpoints.get(e);
                long nanos = sending.nanos(new MailClient(endpoint.port()));
                perRound[e][round] = messages / (nanos / 1e9);
                endpoint.clearMail();
            }
        }
        double[] medians = new double[endpoints.size()];
        for (int e = 0; e < endpoints.size(); e++) {
            medians[e] = median(perRound[e]);
        }
        return medians;
    }
}
