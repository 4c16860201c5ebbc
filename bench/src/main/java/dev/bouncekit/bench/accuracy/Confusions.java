package dev.bouncekit.bench.accuracy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of wrong reasons: how often a row labelled one reason was given another. */
public final class Confusions {

    /**
     * One confusion.
     *
     * @param expected the labelled reason
     * @param got      the reason given instead
     * @param count    how many rows
     */
    public record Pair(String expected, String got, int count) {

        /** {@code expected → got}. */
        public String label() {
            return expected + " → " + got;
        }
    }

    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private int total;

    /** Counts one row; a row given its labelled reason is not a confusion and is ignored. */
    public void add(String expected, String got) {
        if (expected.equals(got)) {
            return;
        }
        counts.computeIfAbsent(expected, k -> new TreeMap<>()).merge(got, 1, Integer::sum);
        total++;
    }

    /** Rows counted as confusions. */
    public int total() {
        return total;
    }

    /** The {@code n} most frequent pairs, most frequent first, then by expected and got reason. */
    public List<Pair> top(int n) {
        List<Pair> pairs = new ArrayList<>();
        counts.forEach((expected, gots) -> gots.forEach((got, count) -> pairs.add(new Pair(expected, got, count))));
        pairs.sort(Comparator.comparingInt(Pair::count).reversed()
                .thenComparing(Pair::expected).thenComparing(Pair::got));
        return pairs.subList(0, Math.min(n, pairs.size()));
    }
}
