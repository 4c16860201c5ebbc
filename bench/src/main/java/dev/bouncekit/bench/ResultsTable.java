package dev.bouncekit.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The printed outcome of a benchmark run: one row per figure, with the side-by-side baseline, the
 * ratio between them, the target and whether it is met. Rendered as a Markdown table so that it
 * can be pasted into the README as it is.
 */
public final class ResultsTable {

    /** Whether a row's target is met; {@code INFO} rows have no target. */
    public enum Verdict {
        MET("met"), MISSED("MISSED"), INFO("");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** The verdict as printed. */
        public String label() {
            return label;
        }

        /** {@code MET} when {@code ok}, else {@code MISSED}. */
        public static Verdict of(boolean ok) {
            return ok ? MET : MISSED;
        }
    }

    /**
     * One figure.
     *
     * @param figure   what is measured
     * @param value    the bouncekit figure
     * @param baseline the figure it is compared with, measured in the same run, or empty
     * @param ratio    value over baseline (or the ratio the target is about), or empty
     * @param target   the target, or empty
     * @param verdict  whether the target is met
     */
    public record Row(String figure, String value, String baseline, String ratio, String target, Verdict verdict) {
    }

    private static final String[] HEADER = {"figure", "bouncekit", "baseline (same run)", "ratio", "target", ""};

    private final List<Row> rows = new ArrayList<>();

    /** Adds a row. */
    public void add(Row row) {
        rows.add(row);
    }

    /** Adds a row with a target. */
    public void add(String figure, String value, String baseline, String ratio, String target, boolean met) {
        rows.add(new Row(figure, value, baseline, ratio, target, Verdict.of(met)));
    }

    /** Adds a row without a target. */
    public void info(String figure, String value, String baseline, String ratio) {
        rows.add(new Row(figure, value, baseline, ratio, "", Verdict.INFO));
    }

    /** The rows added so far. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Prints the table with aligned columns. */
    public void print(PrintStream out) {
        int[] width = new int[HEADER.length];
        for (int c = 0; c < HEADER.length; c++) {
            width[c] = HEADER[c].length();
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int c = 0; c < cells.length; c++) {
                width[c] = Math.max(width[c], cells[c].length());
            }
        }
        printLine(out, HEADER, width);
        StringBuilder rule = new StringBuilder("|");
        for (int w : width) {
            rule.append('-').append("-".repeat(w)).append("-|");
        }
        out.println(rule);
        for (Row row : rows) {
            printLine(out, cells(row), width);
        }
    }

    private static String[] cells(Row row) {
        return new String[] {row.figure(), row.value(), row.baseline(), row.ratio(), row.target(), row.verdict().label()};
    }

    private static void printLine(PrintStream out, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < cells.length; c++) {
            line.append(' ').append(cells[c]).append(" ".repeat(width[c] - cells[c].length())).append(" |");
        }
        out.println(line);
    }
}
