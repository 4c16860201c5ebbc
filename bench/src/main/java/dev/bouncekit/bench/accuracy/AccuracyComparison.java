package dev.bouncekit.bench.accuracy;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.evaluation.Evaluation;
import dev.bouncekit.evaluation.LabelledReply;
import dev.bouncekit.evaluation.LabelledReplyFile;
import dev.bouncekit.evaluation.Split;
import dev.bouncekit.taxonomy.Owner;
import dev.bouncekit.taxonomy.Reason;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scores bouncekit and Sisimai side by side on the same labelled reply files, in one run:
 * {@code java -cp bench/target/benchmarks.jar dev.bouncekit.bench.accuracy.AccuracyComparison
 * [--markdown] [--misses FILE] [--top N] [--perl PERL] [--bridge SCRIPT] FILE.tsv...}
 * ({@code bench/accuracy.sh} builds and runs it on the project's files).
 *
 * <p>bouncekit is {@link BounceClassifier#builtIn()} scored by {@link Evaluation#run} (each row's stage
 * and remote host as context): reason, owner, hard and provider accuracy. Sisimai is its text matcher,
 * {@code Sisimai->match(reply)} of Debian's libsisimai-perl (4.25, names mapped to 5.5), run in one perl
 * process ({@link SisimaiBridge}); it sees the reply text only. Its owner is the owner of its reason in
 * {@link Reason}. Both get the top confusion pairs (expected → got).
 *
 * <p>Files under {@code core/src/test/resources/dev/bouncekit/corpus/labelled/} are reported per
 * {@link Split} (train and validation apart); other files whole. {@code --misses FILE} writes bouncekit's
 * wrong reasons as TSV ({@code file, id, expected, got, rule, reply}) for rows whose id is in the train
 * split only, whatever file they come from: validation rows are scored, never listed.
 */
public final class AccuracyComparison {

    private static final String USAGE = "usage: AccuracyComparison [--markdown] [--misses FILE] [--top N] "
            + "[--perl PERL] [--bridge SCRIPT] FILE.tsv...";

    /**
     * The scores of one set of rows.
     *
     * @param file             the file as given
     * @param part             {@code all}, {@code train} or {@code validation}
     * @param bouncekit        bouncekit's scores
     * @param bouncekitWrong   bouncekit's wrong reasons
     * @param sisimaiReasonHits rows Sisimai gave the labelled reason
     * @param sisimaiOwnerHits rows whose Sisimai reason has the labelled reason's owner
     * @param sisimaiWrong     Sisimai's wrong reasons
     */
    public record Section(Path file, String part, Evaluation bouncekit, Confusions bouncekitWrong,
                          int sisimaiReasonHits, int sisimaiOwnerHits, Confusions sisimaiWrong) {

        /** Rows scored. */
        public int rows() {
            return bouncekit.total();
        }

        /** The file name, with the part when the file is split. */
        public String title() {
            String name = file.getFileName().toString();
            return part.equals("all") ? name : name + " [" + part + "]";
        }
    }

    private AccuracyComparison() {
    }

    /** Entry point; exits 2 on a bad argument or an unreadable or malformed file, 1 when the Sisimai bridge fails. */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        boolean markdown = false;
        Path missesFile = null;
        int top = 10;
        String perl = "perl";
        String bridge = Path.of("bench", "sisimai-match.pl").toString();
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--markdown" -> markdown = true;
                    case "--misses" -> missesFile = Path.of(value(args, ++i));
                    case "--top" -> top = Integer.parseInt(value(args, ++i));
                    case "--perl" -> perl = value(args, ++i);
                    case "--bridge" -> bridge = value(args, ++i);
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return;
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option '" + args[i] + "'; " + USAGE);
                        }
                        files.add(Path.of(args[i]));
                    }
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no labelled file given; " + USAGE);
            }
            for (Path file : files) {
                if (!Files.isReadable(file)) {
                    throw new IllegalArgumentException("cannot read " + file);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }

        List<Section> sections = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        String sisimaiVersion;
        try (SisimaiBridge sisimai = SisimaiBridge.start(List.of(perl, bridge))) {
            sisimaiVersion = sisimai.version();
            BounceClassifier classifier = BounceClassifier.builtIn();
            for (Path file : files) {
                List<LabelledReply> rows = LabelledReplyFile.read(file);
                if (Split.appliesTo(file)) {
                    sections.add(score(file, Split.TRAIN.id(), part(rows, Split.TRAIN), classifier, sisimai, misses));
                    sections.add(score(file, Split.VALIDATION.id(), part(rows, Split.VALIDATION), classifier, sisimai, misses));
                } else {
                    sections.add(score(file, "all", rows, classifier, sisimai, misses));
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage()); // a labelled file without its header columns
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }

        String about = "bouncekit BounceClassifier.builtIn() vs Sisimai " + sisimaiVersion.replaceFirst("^Sisimai\\s*", "")
                + " (Sisimai->match on the reply text alone; 4.25 names mapped to 5.5)";
        if (markdown) {
            printMarkdown(out, about, sections, top);
        } else {
            printText(out, about, sections, top);
        }
        if (missesFile != null) {
            try (BufferedWriter w = Files.newBufferedWriter(missesFile, StandardCharsets.UTF_8)) {
                w.write("file\tid\texpected\tgot\trule\treply\n");
                for (String line : misses) {
                    w.write(line);
                    w.write('\n');
                }
            }
            System.err.printf("%d bouncekit misses on train rows written to %s%n", misses.size(), missesFile);
        }
    }

    private static List<LabelledReply> part(List<LabelledReply> rows, Split split) {
        return rows.stream().filter(r -> Split.of(r.id()) == split).toList();
    }

    /** Scores both classifiers on {@code rows}; adds bouncekit's wrong reasons on train rows to {@code misses}. */
    static Section score(Path file, String part, List<LabelledReply> rows, BounceClassifier classifier,
                         SisimaiBridge sisimai, List<String> misses) throws IOException {
        Evaluation bouncekit = Evaluation.run(classifier, rows);
        Confusions bouncekitWrong = new Confusions();
        for (Evaluation.Miss miss : bouncekit.misses()) {
            String expected = reasonId(miss.row().reason());
            String got = miss.actual().reason().id();
            bouncekitWrong.add(expected, got);
            if (!expected.equals(got) && Split.of(miss.row().id()) == Split.TRAIN) {
                misses.add(String.join("\t", oneLine(file.toString()), oneLine(miss.row().id()), expected, got,
                        oneLine(miss.actual().rule()), oneLine(miss.row().reply())));
            }
        }
        int reasonHits = 0;
        int ownerHits = 0;
        Confusions sisimaiWrong = new Confusions();
        for (LabelledReply row : rows) {
            String expected = reasonId(row.reason());
            String got = reasonId(sisimai.reason(row.reply()));
            if (expected.equals(got)) {
                reasonHits++;
            }
            Optional<Owner> expectedOwner = Reason.parse(row.reason()).map(Reason::owner);
            if (expectedOwner.isPresent() && expectedOwner.equals(Reason.parse(got).map(Reason::owner))) {
                ownerHits++;
            }
            sisimaiWrong.add(expected, got);
        }
        return new Section(file, part, bouncekit, bouncekitWrong, reasonHits, ownerHits, sisimaiWrong);
    }

    /** A reason name in its 5.5 form when known, else as written. */
    private static String reasonId(String name) {
        return Reason.parse(name).map(Reason::id).orElse(name == null ? "" : name.trim());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\t\r\n]", " ");
    }

    private static String pct(int part, int whole) {
        return whole == 0 ? "-" : String.format("%.1f%%", Evaluation.percent(part, whole));
    }

    private static String pctOf(int part, int whole) {
        return whole == 0 ? "-" : pct(part, whole) + " (" + part + "/" + whole + ")";
    }

    private static void printText(PrintStream out, String about, List<Section> sections, int top) {
        out.println(about);
        for (Section s : sections) {
            Evaluation b = s.bouncekit();
            out.println();
            out.printf("%s: %d rows  (%s)%n", s.title(), s.rows(), s.file());
            out.printf("  %-10s %-18s %-18s %-18s %s%n", "", "reason", "owner", "hard", "provider");
            out.printf("  %-10s %-18s %-18s %-18s %s%n", "bouncekit", pctOf(b.reasonHits(), b.total()),
                    pctOf(b.ownerHits(), b.total()), pctOf(b.hardHits(), b.hardTotal()), pctOf(b.providerHits(), b.total()));
            out.printf("  %-10s %-18s %-18s %-18s %s%n", "Sisimai", pctOf(s.sisimaiReasonHits(), s.rows()),
                    pctOf(s.sisimaiOwnerHits(), s.rows()), "-", "-");
            List<Confusions.Pair> bTop = s.bouncekitWrong().top(top);
            List<Confusions.Pair> sTop = s.sisimaiWrong().top(top);
            if (bTop.isEmpty() && sTop.isEmpty()) {
                continue;
            }
            String leftHeader = "bouncekit (" + s.bouncekitWrong().total() + " wrong)";
            String rightHeader = "Sisimai (" + s.sisimaiWrong().total() + " wrong)";
            List<String> left = column(bTop);
            List<String> right = column(sTop);
            int width = leftHeader.length();
            for (String cell : left) {
                width = Math.max(width, cell.length());
            }
            out.printf("  top confusions, expected → got, rows:%n");
            out.printf("    %-" + width + "s    %s%n", leftHeader, rightHeader);
            for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
                out.printf("    %-" + width + "s    %s%n", i < left.size() ? left.get(i) : "",
                        i < right.size() ? right.get(i) : "");
            }
        }
        out.println();
        out.println("summary, accuracy in percent:");
        int width = "file".length();
        for (Section s : sections) {
            width = Math.max(width, s.title().length());
        }
        String format = "  %-" + width + "s %6s  %7s %7s %7s %8s   %7s %7s%n";
        out.printf("  %-" + width + "s %6s  %-32s   %s%n", "", "", "bouncekit", "Sisimai");
        out.printf(format, "file", "rows", "reason", "owner", "hard", "provider", "reason", "owner");
        for (Section s : sections) {
            Evaluation b = s.bouncekit();
            out.printf(format, s.title(), s.rows(), pct(b.reasonHits(), b.total()), pct(b.ownerHits(), b.total()),
                    pct(b.hardHits(), b.hardTotal()), pct(b.providerHits(), b.total()),
                    pct(s.sisimaiReasonHits(), s.rows()), pct(s.sisimaiOwnerHits(), s.rows()));
        }
    }

    /** The pairs as cells {@code expected → got} with their counts aligned. */
    private static List<String> column(List<Confusions.Pair> pairs) {
        int width = 0;
        for (Confusions.Pair p : pairs) {
            width = Math.max(width, p.label().length());
        }
        List<String> cells = new ArrayList<>();
        for (Confusions.Pair p : pairs) {
            cells.add(String.format("%-" + width + "s %4d", p.label(), p.count()));
        }
        return cells;
    }

    private static void printMarkdown(PrintStream out, String about, List<Section> sections, int top) {
        out.println("Accuracy: " + about + ".");
        out.println();
        out.println("| file | split | rows | bouncekit reason | bouncekit owner | bouncekit hard | bouncekit provider "
                + "| Sisimai reason | Sisimai owner |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Section s : sections) {
            Evaluation b = s.bouncekit();
            out.printf("| `%s` | %s | %d | %s | %s | %s | %s | %s | %s |%n", s.file().getFileName(), s.part(), s.rows(),
                    pct(b.reasonHits(), b.total()), pct(b.ownerHits(), b.total()), pct(b.hardHits(), b.hardTotal()),
                    pct(b.providerHits(), b.total()), pct(s.sisimaiReasonHits(), s.rows()),
                    pct(s.sisimaiOwnerHits(), s.rows()));
        }
        for (Section s : sections) {
            List<Confusions.Pair> bTop = s.bouncekitWrong().top(top);
            List<Confusions.Pair> sTop = s.sisimaiWrong().top(top);
            if (bTop.isEmpty() && sTop.isEmpty()) {
                continue;
            }
            out.println();
            out.printf("Top confusions, `%s` (%s), expected → got:%n", s.file().getFileName(), s.part());
            out.println();
            out.printf("| bouncekit (%d wrong) | rows | Sisimai (%d wrong) | rows |%n",
                    s.bouncekitWrong().total(), s.sisimaiWrong().total());
            out.println("|---|---:|---|---:|");
            for (int i = 0; i < Math.max(bTop.size(), sTop.size()); i++) {
                out.printf("| %s | %s | %s | %s |%n",
                        i < bTop.size() ? bTop.get(i).label() : "", i < bTop.size() ? bTop.get(i).count() : "",
                        i < sTop.size() ? sTop.get(i).label() : "", i < sTop.size() ? sTop.get(i).count() : "");
            }
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
