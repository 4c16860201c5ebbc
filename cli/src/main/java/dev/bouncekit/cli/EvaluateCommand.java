package dev.bouncekit.cli;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Reason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code bouncekit evaluate}: scores the classifier on a labelled file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score the classifier on a labelled TSV (id, reply, stage, remote_host, reason, hard, provider): "
                + "reason, owner, hard and provider accuracy, per-reason precision/recall, and every miss.")
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.tsv")
    Path file;

    @Option(names = "--min-reason-accuracy", description = "Exit with status 1 when reason accuracy (percent) is below this.")
    Double minReasonAccuracy;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<LabelledTsv.Row> rows = LabelledTsv.read(file);
        PrintWriter out = spec.commandLine().getOut();
        BounceClassifier classifier = BounceClassifier.builtIn();
        int reasonOk = 0;
        int ownerOk = 0;
        int hardOk = 0;
        int hardTotal = 0;
        int providerOk = 0;
        Map<String, int[]> perReason = new TreeMap<>();
        StringBuilder misses = new StringBuilder();
        for (LabelledTsv.Row row : rows) {
            DeliveryContext context = DeliveryContext.none().withRemoteHost(row.remoteHost());
            Optional<SmtpStage> stage = SmtpStage.parse(row.stage());
            if (stage.isPresent()) {
                context = context.withStage(stage.get());
            }
            Classification c = classifier.classify(row.reply(), context);
            Optional<Reason> expected = Reason.parse(row.reason());
            String expectedId = expected.map(Reason::id).orElse(row.reason());
            String gotId = c.reason().id();
            perReason.computeIfAbsent(expectedId, k -> new int[3])[1]++;
            perReason.computeIfAbsent(gotId, k -> new int[3])[2]++;
            if (expectedId.equals(gotId)) {
                reasonOk++;
                perReason.get(expectedId)[0]++;
            }
            if (expected.isPresent() && expected.get().owner() == c.owner()) {
                ownerOk++;
            }
            if (!row.hard().isBlank()) {
                hardTotal++;
                if (Boolean.parseBoolean(row.hard().trim()) == c.hard()) {
                    hardOk++;
                }
            }
            String expectedProvider = row.provider().isBlank() ? null : row.provider().trim();
            boolean providerMatch = expectedProvider == null ? c.provider() == null : expectedProvider.equals(c.provider());
            if (providerMatch) {
                providerOk++;
            }
            if (!expectedId.equals(gotId) || !providerMatch) {
                misses.append(String.format("%-28s expected %-15s got %-15s provider %s/%s  %s  | %s%n", row.id(),
                        expectedId, gotId, expectedProvider, c.provider(), c.rule(), abbreviate(row.reply())));
            }
        }
        int total = rows.size();
        out.printf("file: %s (%d replies)%n", file, total);
        out.printf("reason accuracy:   %6.2f%% (%d/%d)%n", pct(reasonOk, total), reasonOk, total);
        out.printf("owner accuracy:    %6.2f%% (%d/%d)%n", pct(ownerOk, total), ownerOk, total);
        out.printf("hard accuracy:     %6.2f%% (%d/%d)%n", pct(hardOk, hardTotal), hardOk, hardTotal);
        out.printf("provider accuracy: %6.2f%% (%d/%d)%n", pct(providerOk, total), providerOk, total);
        out.println();
        out.printf("%-16s %9s %9s %8s %8s%n", "reason", "precision", "recall", "labelled", "predicted");
        for (Map.Entry<String, int[]> e : perReason.entrySet()) {
            int[] v = e.getValue();
            out.printf("%-16s %8.1f%% %8.1f%% %8d %8d%n", e.getKey(), pct(v[0], v[2]), pct(v[0], v[1]), v[1], v[2]);
        }
        out.println();
        out.println("misses (reason or provider):");
        out.print(misses.length() == 0 ? "none\n" : misses);
        out.flush();
        if (minReasonAccuracy != null && pct(reasonOk, total) < minReasonAccuracy) {
            return 1;
        }
        return 0;
    }

    private static double pct(int part, int whole) {
        return whole == 0 ? 100.0 : 100.0 * part / whole;
    }

    private static String abbreviate(String text) {
        String t = text.replace('\t', ' ');
        return t.length() > 110 ? t.substring(0, 110) + "..." : t;
    }
}
