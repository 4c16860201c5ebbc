package dev.bouncekit.bench.accuracy;

import dev.bouncekit.evaluation.LabelledReply;
import dev.bouncekit.evaluation.LabelledReplyFile;
import dev.bouncekit.evaluation.RuleEvidence;
import dev.bouncekit.evaluation.Split;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the evidence of every built-in phrase rule ({@link RuleEvidence}): how many known texts it
 * matches and decides, and the rules held by a single text:
 * {@code java -cp bench/target/benchmarks.jar dev.bouncekit.bench.accuracy.RuleEvidenceReport
 * [--list N] [--whole FILE]... FILE.tsv...} ({@code bench/rule-evidence.sh} builds and runs it on the
 * project's files and on Sisimai 4.25's phrase tables).
 *
 * <p>A {@code FILE.tsv} is read for its train split only ({@link Split}); a {@code --whole} file for
 * every row (the dev and seed sets, which have no split, and phrase-table texts). Validation rows are
 * never read. The catalog's entries are always added. {@code --list N} lists the rules that decide
 * exactly N texts (default 1), each with the texts it decides, by name.
 */
public final class RuleEvidenceReport {

    private static final String USAGE = "usage: RuleEvidenceReport [--list N] [--whole FILE]... FILE.tsv...";

    private RuleEvidenceReport() {
    }

    /** Entry point; exits 2 on a bad argument or an unreadable or malformed file. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int list = 1;
        List<RuleEvidence.Text> texts = new ArrayList<>();
        Map<String, Integer> perOrigin = new TreeMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--list" -> list = Integer.parseInt(value(args, ++i));
                    case "--whole" -> add(texts, perOrigin, Path.of(value(args, ++i)), false);
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return;
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option '" + args[i] + "'; " + USAGE);
                        }
                        add(texts, perOrigin, Path.of(args[i]), true);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("rule evidence: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<RuleEvidence.Text> catalog = RuleEvidence.catalogTexts();
        texts.addAll(catalog);
        perOrigin.put("catalog", catalog.size());
        RuleEvidence evidence = RuleEvidence.of(texts);
        print(out, evidence, perOrigin, list);
    }

    private static void add(List<RuleEvidence.Text> texts, Map<String, Integer> perOrigin, Path file, boolean trainOnly)
            throws IOException {
        List<LabelledReply> rows = LabelledReplyFile.read(file);
        if (trainOnly) {
            rows = rows.stream().filter(r -> Split.of(r.id()) == Split.TRAIN).toList();
        }
        String origin = file.getFileName().toString() + (trainOnly ? " [train]" : "");
        texts.addAll(RuleEvidence.texts(origin, rows));
        perOrigin.merge(origin, rows.size(), Integer::sum);
    }

    private static void print(PrintStream out, RuleEvidence evidence, Map<String, Integer> perOrigin, int list) {
        out.printf("texts: %d%n", evidence.texts());
        perOrigin.forEach((origin, n) -> out.printf("  %-40s %5d%n", origin, n));
        out.printf("phrase rules: %d%n", evidence.rules().size());
        out.printf("  deciding no text:        %5d%n", evidence.countDeciding(0));
        out.printf("  deciding exactly one:    %5d%n", evidence.countDeciding(1));
        out.printf("    of them, the one text is wrong without it: %d%n", evidence.heldByOneText().size());
        out.printf("  deciding two or more:    %5d%n",
                evidence.rules().size() - evidence.countDeciding(0) - evidence.countDeciding(1));
        out.printf("  matching no text:        %5d%n", evidence.countMatching(0));
        out.printf("  matching exactly one:    %5d%n", evidence.countMatching(1));
        long wrong = evidence.rules().stream().filter(t -> t.wrong() > 0).count();
        out.printf("  deciding a text labelled otherwise: %d%n", wrong);
        List<RuleEvidence.Tally> listed = evidence.deciding(list);
        out.printf("%nrules deciding exactly %d text%s (%d): source, matches, rule, texts (* held by the rule alone: "
                + "wrong without it)%n", list, list == 1 ? "" : "s", listed.size());
        for (RuleEvidence.Tally t : listed) {
            out.printf("%-28s %3d %s %s  <- %s%n", t.rule().source(), t.matches(), t.alone() > 0 ? "*" : " ", t.written(),
                    String.join(", ", t.decided().stream().map(RuleEvidence.Text::name).toList()));
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value; " + USAGE);
        }
        return args[i];
    }
}
