package dev.bouncekit.evaluation;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.DeciderDropout;
import dev.bouncekit.classify.Evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores how much of a classifier's accuracy on labelled replies rests on each reply's own rule
 * ({@link DeciderDropout}): every row decided by a catalog entry or a phrase rule is classified
 * again without that entry or rule, and scored on what the rest says. A row in wording no rule was
 * written for meets the rest only, so the dropout figure is what to expect of unseen replies; a
 * rule batch that generalizes raises it.
 *
 * @param total      rows scored
 * @param leftOut    rows decided by a catalog entry or a phrase rule, classified again without it
 * @param survived   of {@link #leftOut}, rows whose reason without their decider is still the label
 * @param reasonHits rows whose reason matched with the decider left out (the rest decided as usual)
 * @param byLayer    per layer that decided once the decider was left out ({@code catalog},
 *                   {@code phrase}, {@code status-code}, ...): [rows that reached it, of them right]
 * @param rows       every left-out row, in file order
 */
public record DropoutEvaluation(int total, int leftOut, int survived, int reasonHits, Map<String, int[]> byLayer,
                                List<Row> rows) {

    /**
     * A row whose decider was left out.
     *
     * @param row     the labelled row
     * @param outcome the classification with and without its decider
     */
    public record Row(LabelledReply row, DeciderDropout.Outcome outcome) {

        /** True when the reason without the decider is still the label. */
        public boolean survived() {
            return outcome.rest().reason().id().equals(Evaluation.expectedReason(row));
        }
    }

    /** Classifies every row with and without its decider (with its stage and remote host as context). */
    public static DropoutEvaluation run(BounceClassifier classifier, List<LabelledReply> rows) {
        DeciderDropout dropout = new DeciderDropout(classifier);
        int survived = 0;
        int hits = 0;
        Map<String, int[]> byLayer = new LinkedHashMap<>();
        for (Evidence evidence : Evidence.values()) {
            byLayer.put(evidence.id(), new int[2]);
        }
        List<Row> left = new ArrayList<>();
        for (LabelledReply row : rows) {
            DeciderDropout.Outcome outcome = dropout.classify(row.reply(), Evaluation.contextOf(row));
            boolean right = outcome.rest().reason().id().equals(Evaluation.expectedReason(row));
            if (right) {
                hits++;
            }
            if (outcome.leftOut()) {
                Row r = new Row(row, outcome);
                left.add(r);
                int[] layer = byLayer.get(outcome.rest().evidence().id());
                layer[0]++;
                if (right) {
                    survived++;
                    layer[1]++;
                }
            }
        }
        byLayer.values().removeIf(v -> v[0] == 0);
        return new DropoutEvaluation(rows.size(), left.size(), survived, hits, byLayer, List.copyOf(left));
    }

    /** Of the rows decided by a catalog entry or a phrase rule, the percentage still right without it. */
    public double dropoutAccuracy() {
        return Evaluation.percent(survived, leftOut);
    }

    /** Reason accuracy in percent over all rows, each decider left out. */
    public double reasonAccuracy() {
        return Evaluation.percent(reasonHits, total);
    }

    /** The left-out rows of one side of the {@link Split} whose reason flipped without their decider, in file order. */
    public List<Row> flips(Split part) {
        return rows.stream().filter(r -> !r.survived() && Split.of(r.row().id()) == part).toList();
    }

    /** Every row that flipped, whatever its side of the {@link Split}: the rows of a file that is not split. */
    public List<Row> flips() {
        return rows.stream().filter(r -> !r.survived()).toList();
    }

    /**
     * The rows of one side of the {@link Split} that flipped, counted by
     * {@code expected -> what the rest says}, most frequent first.
     */
    public Map<String, Integer> confusionPairs(Split part) {
        return confusionPairs(flips(part));
    }

    /** Every row that flipped, counted as {@link #confusionPairs(Split)} counts one side's. */
    public Map<String, Integer> confusionPairs() {
        return confusionPairs(flips());
    }

    private static Map<String, Integer> confusionPairs(List<Row> flips) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Row r : flips) {
            counts.merge(Evaluation.expectedReason(r.row()) + " -> " + r.outcome().rest().reason().id(), 1, Integer::sum);
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .forEachOrdered(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
