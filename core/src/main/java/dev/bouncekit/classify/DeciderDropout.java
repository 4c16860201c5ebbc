package dev.bouncekit.classify;

import dev.bouncekit.reply.ReplyParser;
import dev.bouncekit.reply.SmtpReply;

/**
 * Measures how robustly a classifier knows a reply's reason: classifies it, then again as if the
 * phrase rule or catalog entry that decided did not exist, and says what the rest of the
 * classifier (other phrases, the status code, keywords, fallbacks) makes of it. A reply whose
 * reason survives is known beyond its own rule; one that flips is held by that rule alone, as a
 * reply in wording no rule names would not be. Immutable and thread-safe; the rules are not
 * rebuilt for a left-out one.
 */
public final class DeciderDropout {

    private final BounceClassifier classifier;

    /** Dropout over {@code classifier}'s rules and catalog. */
    public DeciderDropout(BounceClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * One reply, classified with all rules and without its deciding one.
     *
     * @param full    the classification with every rule
     * @param decider what decided and was left out: {@code full.rule()} for a catalog entry or a
     *                phrase rule, null when a later layer decided (nothing to leave out)
     * @param rest    the classification without the decider; {@code full} when there was none
     */
    public record Outcome(Classification full, String decider, Classification rest) {

        /** True when a catalog entry or a phrase rule decided and so was left out. */
        public boolean leftOut() {
            return decider != null;
        }
    }

    /** Classifies a reply text with and without the catalog entry or phrase rule that decides it. */
    public Outcome classify(String replyText, DeliveryContext context) {
        return classify(ReplyParser.parse(replyText), context);
    }

    /** Classifies {@code reply} with and without the catalog entry or phrase rule that decides it. */
    public Outcome classify(SmtpReply reply, DeliveryContext context) {
        int[] decider = {BounceClassifier.NOTHING};
        Classification full = classifier.classify(reply, context, BounceClassifier.NOTHING, decider);
        if (decider[0] == BounceClassifier.NOTHING) {
            return new Outcome(full, null, full);
        }
        return new Outcome(full, full.rule(), classifier.classify(reply, context, decider[0], null));
    }
}
