package dev.bouncekit.cli;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.evaluation.DropoutEvaluation;
import dev.bouncekit.evaluation.Evaluation;
import dev.bouncekit.evaluation.LabelledReply;
import dev.bouncekit.evaluation.LabelledReplyFile;
import dev.bouncekit.evaluation.Split;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Reason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code bouncekit evaluate}: scores the classifier on a labelled file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score the classifier on a labelled TSV (id, reply, stage, remote_host, reason, hard, provider): "
                + "reason, owner, hard and provider accuracy, per-reason precision/recall, and every miss.")
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.tsv")
    Path file;

    @Option(names = "--min-reason-accuracy", paramLabel = "PERCENT",
            description = "Exit with status 1 when reason accuracy is below this.")
    Double minReasonAccuracy;

    @Option(names = "--split", paramLabel = "train|validation|all", defaultValue = "all",
            description = "Score only the rows of one side of the fixed split (CRC32 of the id %% 10 < 3: validation). "
                    + "Validation rows are scored, never listed: no misses are printed for them. Only the files of "
                    + "a directory named labelled/ are split; any other file (the dev set, the seeds, your own) is "
                    + "tuned on whole: --split train scores all its rows, with a note, and --split validation is refused.")
    String split;

    @Option(names = "--dropout",
            description = "Also classify every row decided by a catalog entry or a phrase rule as if that entry or rule "
                    + "did not exist, and print the dropout accuracy (how many stay right), which layer then decides, "
                    + "and, for train rows only, the confusion pairs and the rows that flip.")
    boolean dropout;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (minReasonAccuracy != null && !(minReasonAccuracy >= 0 && minReasonAccuracy <= 100)) {
            // NaN or -5 would pass every file, 500 fail every one
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--min-reason-accuracy must be a percentage from 0 to 100, not " + minReasonAccuracy);
        }
        List<LabelledReply> rows = read();
        boolean validationOnly = split.equalsIgnoreCase("validation");
        boolean splitFile = Split.appliesTo(file);
        boolean scoredWhole = split.equalsIgnoreCase("all") || !splitFile;
        if (!split.equalsIgnoreCase("all")) {
            if (!validationOnly && !split.equalsIgnoreCase("train")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--split must be train, validation or all, not '" + split + "'");
            }
            if (!splitFile && validationOnly) {
                throw new UserError(file + " has no validation rows: only the files of a labelled/ directory are split "
                        + "into train and validation, and every row of another file is tuned on; score it whole, "
                        + "without --split validation");
            }
            if (splitFile) {
                rows = rows.stream().filter(r -> Split.isValidation(r.id()) == validationOnly).toList();
            } else {
                PrintWriter err = spec.commandLine().getErr();
                err.println(spec.qualifiedName() + ": note: " + file + " is scored whole: only the files of a labelled/ "
                        + "directory are split, and every row of another file is a train row");
                err.flush();
            }
        }
        if (rows.isEmpty()) {
            // 0 of 0 would print as 100% and pass --min-reason-accuracy
            throw new UserError(file + ": no labelled replies to score" + (scoredWhole
                    ? "; give a file with rows below its header"
                    : " in the " + split.toLowerCase(Locale.ROOT) + " split; give more rows, or --split all"));
        }
        Evaluation e = Evaluation.run(BounceClassifier.builtIn(), rows);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("file: %s (%d %s%s)%n", file, e.total(), e.total() == 1 ? "reply" : "replies", split.equalsIgnoreCase("all") ? ""
                : splitFile ? ", " + split + " split" : ", whole: not a split file");
        out.printf("reason accuracy:   %6.2f%% (%d/%d)%n", e.reasonAccuracy(), e.reasonHits(), e.total());
        out.printf("owner accuracy:    %6.2f%% (%d/%d)%n", e.ownerAccuracy(), e.ownerHits(), e.total());
        out.printf("hard accuracy:     %6.2f%% (%d/%d)%n", e.hardAccuracy(), e.hardHits(), e.hardTotal());
        out.printf("provider accuracy: %6.2f%% (%d/%d)%n", e.providerAccuracy(), e.providerHits(), e.total());
        out.println();
        out.printf("%-16s %9s %9s %8s %9s%n", "reason", "precision", "recall", "labelled", "predicted");
        for (Map.Entry<String, int[]> row : e.perReason().entrySet()) {
            int[] v = row.getValue();
            out.printf("%-16s %8.1f%% %8.1f%% %8d %9d%n", row.getKey(),
                    Evaluation.percent(v[0], v[2]), Evaluation.percent(v[0], v[1]), v[1], v[2]);
        }
        out.println();
        if (dropout) {
            printDropout(out, DropoutEvaluation.run(BounceClassifier.builtIn(), rows), !validationOnly, splitFile);
        }
        if (validationOnly) {
            out.flush();
            return minReasonAccuracy != null && e.reasonAccuracy() < minReasonAccuracy ? 1 : 0;
        }
        out.println("misses (reason or provider):");
        if (e.misses().isEmpty()) {
            out.println("none");
        }
        for (Evaluation.Miss miss : e.misses()) {
            LabelledReply row = miss.row();
            out.printf("%-28s expected %-15s got %-15s provider %s/%s  %s  | %s%n", row.id(), row.reason(),
                    miss.actual().reason().id(), row.provider().isBlank() ? "-" : row.provider(),
                    miss.actual().provider() == null ? "-" : miss.actual().provider(), miss.actual().rule(),
                    abbreviate(row.reply()));
        }
        out.flush();
        return minReasonAccuracy != null && e.reasonAccuracy() < minReasonAccuracy ? 1 : 0;
    }

    /**
     * The dropout figures; the pairs and rows of train rows only (validation rows are scored, never
     * listed), and of every row of a file that is not split ({@code splitFile} false).
     */
    private static void printDropout(PrintWriter out, DropoutEvaluation d, boolean listTrainRows, boolean splitFile) {
        out.printf("dropout accuracy:  %6.2f%% (%d/%d rows decided by a catalog entry or phrase rule, "
                + "still right without it)%n", d.dropoutAccuracy(), d.survived(), d.leftOut());
        out.printf("reason accuracy with dropout: %6.2f%% (%d/%d)%n", d.reasonAccuracy(), d.reasonHits(), d.total());
        out.println("deciding layer without the decider:");
        for (Map.Entry<String, int[]> layer : d.byLayer().entrySet()) {
            int[] v = layer.getValue();
            out.printf("  %-16s %5d rows, %6.2f%% right%n", layer.getKey(), v[0], Evaluation.percent(v[1], v[0]));
        }
        if (!listTrainRows) {
            out.println();
            return;
        }
        out.println("dropout confusion pairs (" + (splitFile ? "train rows" : "all rows")
                + "; expected -> what the rest says):");
        Map<String, Integer> pairs = splitFile ? d.confusionPairs(Split.TRAIN) : d.confusionPairs();
        if (pairs.isEmpty()) {
            out.println("  none");
        }
        pairs.forEach((pair, count) -> out.printf("  %4d  %s%n", count, pair));
        out.println("dropout flips (" + (splitFile ? "train rows" : "all rows") + "):");
        for (DropoutEvaluation.Row r : splitFile ? d.flips(Split.TRAIN) : d.flips()) {
            LabelledReply row = r.row();
            out.printf("%-28s expected %-15s without %s: %-15s by %s  | %s%n", row.id(), row.reason(),
                    r.outcome().decider(), r.outcome().rest().reason().id(), r.outcome().rest().rule(),
                    abbreviate(row.reply()));
        }
        out.println();
    }

    private List<LabelledReply> read() {
        String expected = "a labelled TSV file (header: id, reply, stage, remote_host, reason, hard, provider)";
        List<LabelledReply> rows;
        try (BufferedReader in = InputFile.open(file, expected)) {
            rows = LabelledReplyFile.read(file.toString(), in);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw InputFile.cannotRead(file, e, expected);
        }
        rows.forEach(this::check);
        return rows;
    }

    /**
     * Refuses a row that cannot be scored, with its file and line: a missing or unknown reason and a
     * hard flag other than true or false would otherwise be counted as misses, and a stage that is no
     * SMTP command (a typo such as RCTP) scored as a row without its stage. An empty reply is a
     * row of its own (a bounce without a diagnostic), so only the reason shows a row cut short.
     */
    private void check(LabelledReply row) {
        String where = file + ":" + row.line() + ": ";
        if (row.reason().isBlank()) {
            throw new UserError(where + "no reason; every row needs its reply and reason columns");
        }
        if (Reason.parse(row.reason()).isEmpty()) {
            throw new UserError(where + "unknown reason '" + row.reason().trim() + "'; use one of "
                    + Arrays.stream(Reason.values()).map(Reason::id).collect(Collectors.joining(", ")));
        }
        String hard = row.hard().trim();
        if (!hard.isEmpty() && !hard.equalsIgnoreCase("true") && !hard.equalsIgnoreCase("false")) {
            throw new UserError(where + "hard must be true, false or empty, not '" + hard + "'");
        }
        String stage = row.stage().trim();
        if (!stage.isEmpty() && SmtpStage.parse(stage).isEmpty() && !ClassifyCommand.decidesNothing(stage)) {
            throw new UserError(where + "stage " + ClassifyCommand.STAGES + ", not '" + stage + "'");
        }
    }

    private static String abbreviate(String text) {
        String t = text.replace('\t', ' ');
        return t.length() > 110 ? t.substring(0, 110) + "..." : t;
    }
}
