package dev.bouncekit.evaluation;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Scores a classifier on labelled replies: reason, owner, hard and provider accuracy, per-reason
 * precision and recall, and every miss.
 *
 * @param total       rows scored
 * @param reasonHits  rows whose reason matched
 * @param ownerHits   rows whose owner matched the expected reason's owner
 * @param hardHits    rows whose hard flag matched, of {@code hardTotal}
 * @param hardTotal   rows that carry a hard label
 * @param providerHits rows whose provider matched (empty label = no provider)
 * @param perReason   per reason: [hits, labelled, predicted]
 * @param misses      rows whose reason or provider did not match
 */
public record Evaluation(int total, int reasonHits, int ownerHits, int hardHits, int hardTotal, int providerHits,
                         Map<String, int[]> perReason, List<Miss> misses) {

    /**
     * A row the classifier got wrong.
     *
     * @param row    the labelled row
     * @param actual what the classifier said
     */
    public record Miss(LabelledReply row, Classification actual) {
    }

    /** Classifies every row (with its stage and remote host as context) and scores the results. */
    public static Evaluation run(BounceClassifier classifier, List<LabelledReply> rows) {
        int reasonOk = 0;
        int ownerOk = 0;
        int hardOk = 0;
        int hardTotal = 0;
        int providerOk = 0;
        Map<String, int[]> perReason = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        for (LabelledReply row : rows) {
            Classification c = classifier.classify(row.reply(), contextOf(row));
            Optional<Reason> expected = Reason.parse(row.reason());
            String expectedId = expectedReason(row);
            String actualId = c.reason().id();
            perReason.computeIfAbsent(expectedId, k -> new int[3])[1]++;
            perReason.computeIfAbsent(actualId, k -> new int[3])[2]++;
            boolean reasonMatch = expectedId.equals(actualId);
            if (reasonMatch) {
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
            if (!reasonMatch || !providerMatch) {
                misses.add(new Miss(row, c));
            }
        }
        return new Evaluation(rows.size(), reasonOk, ownerOk, hardOk, hardTotal, providerOk, perReason, misses);
    }

    /** The id of a row's labelled reason (its canonical name when it is a known one, else as written). */
    static String expectedReason(LabelledReply row) {
        return Reason.parse(row.reason()).map(Reason::id).orElse(row.reason().trim());
    }

    /** What is known of a row's delivery besides its reply: its stage and remote host. */
    static DeliveryContext contextOf(LabelledReply row) {
        DeliveryContext context = DeliveryContext.none().withRemoteHost(row.remoteHost());
        Optional<SmtpStage> stage = SmtpStage.parse(row.stage());
        return stage.isPresent() ? context.withStage(stage.get()) : context;
    }

    /** Reason accuracy in percent. */
    public double reasonAccuracy() {
        return percent(reasonHits, total);
    }

    /** Owner accuracy in percent. */
    public double ownerAccuracy() {
        return percent(ownerHits, total);
    }

    /** Hard-flag accuracy in percent, over rows that carry the label. */
    public double hardAccuracy() {
        return percent(hardHits, hardTotal);
    }

    /** Provider accuracy in percent. */
    public double providerAccuracy() {
        return percent(providerHits, total);
    }

    /** {@code part} of {@code whole} in percent; 100 when there is nothing to score. */
    public static double percent(int part, int whole) {
        return whole == 0 ? 100.0 : 100.0 * part / whole;
    }
}
