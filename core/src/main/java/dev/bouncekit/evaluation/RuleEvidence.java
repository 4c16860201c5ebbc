package dev.bouncekit.evaluation;

import dev.bouncekit.catalog.Catalog;
import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeciderDropout;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.classify.Evidence;
import dev.bouncekit.reply.ReplyParser;
import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.rules.PhraseRule;
import dev.bouncekit.rules.RuleMatcher;
import dev.bouncekit.rules.RuleSet;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.taxonomy.Reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What evidence each built-in phrase rule has among known texts: how many texts it matches (its
 * phrases in order, its provider and conditions holding) and how many it decides. A rule that
 * decides a single text is held by that text's wording alone; a phrase family decides several.
 *
 * <p>A text the catalog decides counts for the phrase rule that decides it once the catalog is
 * left out ({@link DeciderDropout}), so the catalog's own replies are evidence for the rules that
 * read them. The rules are {@link RuleSet#builtIn()}'s, as {@link BounceClassifier#builtIn()} uses them.
 *
 * @param rules every built-in phrase rule with its evidence, in priority order
 * @param texts how many texts were read
 */
public record RuleEvidence(List<Tally> rules, int texts) {

    /**
     * One rule's evidence.
     *
     * @param rule    the rule
     * @param matches how many texts it matches, whether or not it decides them
     * @param decided the texts it decides, in the order read
     * @param wrong   how many of {@link #decided} are labelled with another reason
     * @param alone   how many of {@link #decided} are labelled with its reason and get another
     *                without it ({@link DeciderDropout}): nothing else in the classifier backs them
     */
    public record Tally(PhraseRule rule, int matches, List<Text> decided, int wrong, int alone) {

        /** True when the rule decides one text only, and nothing else gets that text right. */
        public boolean heldByOneText() {
            return decided.size() == 1 && alone == 1;
        }

        /** The rule as written: its phrases joined by {@code ...}, its reason and its provider. */
        public String written() {
            return String.join(" ... ", rule.phrases()) + " => " + rule.reason().id()
                    + (rule.provider() == null ? "" : " [" + rule.provider() + "]");
        }
    }

    /**
     * A known text.
     *
     * @param origin where it comes from: a file name, {@code catalog}, a table's name
     * @param row    the text with its context; an empty or unknown reason makes it unlabelled
     */
    public record Text(String origin, LabelledReply row) {

        /** {@code origin:id}. */
        public String name() {
            return origin + ":" + row.id();
        }
    }

    /** Every catalog entry as a text: its lines as James reports them, its stage, its reason. */
    public static List<Text> catalogTexts() {
        List<Text> out = new ArrayList<>();
        for (CatalogEntry entry : Catalog.builtIn().entries()) {
            out.add(new Text("catalog", new LabelledReply(0, entry.id(), entry.joined(),
                    entry.stage() == null ? "" : entry.stage().name(), "", entry.reason().id(),
                    Boolean.toString(entry.hard()), entry.provider())));
        }
        return out;
    }

    /** The rows of {@code rows} as texts of {@code origin}. */
    public static List<Text> texts(String origin, List<LabelledReply> rows) {
        return rows.stream().map(r -> new Text(origin, r)).toList();
    }

    /** Reads every text once with the built-in classifier and counts each rule's matches and decisions. */
    public static RuleEvidence of(List<Text> texts) {
        BounceClassifier classifier = BounceClassifier.builtIn();
        DeciderDropout dropout = new DeciderDropout(classifier);
        List<PhraseRule> rules = RuleSet.builtIn().rules();
        RuleMatcher matcher = RuleSet.builtIn().compile();
        Map<String, Integer> bySource = new HashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            bySource.putIfAbsent("phrase:" + rules.get(r).source(), r);  // a rule line: its first rule, before spellings and synonyms
        }
        int[] matches = new int[rules.size()];
        int[] wrong = new int[rules.size()];
        int[] alone = new int[rules.size()];
        List<List<Text>> decided = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            decided.add(new ArrayList<>());
        }
        boolean[] seen = new boolean[rules.size()];
        for (Text text : texts) {
            LabelledReply row = text.row();
            SmtpReply reply = ReplyParser.parse(row.reply());
            DeliveryContext context = Evaluation.contextOf(row);
            DeciderDropout.Outcome outcome = dropout.classify(reply, context);
            Classification full = outcome.full();
            Classification deciding = full.evidence() == Evidence.CATALOG ? outcome.rest() : full;
            Integer r = bySource.get(ruleOf(deciding.rule()));
            if (r != null) {
                decided.get(r).add(text);
                Optional<Reason> label = Reason.parse(row.reason());
                if (label.isPresent() && !label.get().id().equals(deciding.reason().id())) {
                    wrong[r]++;
                } else if (label.isPresent() && deciding == full && outcome.leftOut()
                        && !label.get().id().equals(outcome.rest().reason().id())) {
                    alone[r]++;
                }
            }
            Arrays.fill(seen, false);
            SmtpStage stage = context.stage() != null ? context.stage() : reply.reportedStage();
            EnhancedStatusCode status = reply.status() != null ? reply.status() : context.dsnStatus();
            int replyCode = RuleMatcher.replyOf(reply, status);
            String provider = deciding.provider();
            RuleMatcher.Scan scan = matcher.scan(reply.text());
            // Asked of every rule that matches; answering no keeps the search going through all of them.
            scan.firstIndex(provider, stage, replyCode, status, rule -> {
                int at = bySource.get("phrase:" + rule.source());
                if (!seen[at]) {
                    seen[at] = true;
                    matches[at]++;
                }
                return false;
            });
        }
        List<Tally> tallies = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            tallies.add(new Tally(rules.get(r), matches[r], List.copyOf(decided.get(r)), wrong[r], alone[r]));
        }
        return new RuleEvidence(List.copyOf(tallies), texts.size());
    }

    /** {@code phrase:FILE:LINE} of a deciding rule's name, without what a later step added ({@code +cause}, {@code +stage}). */
    private static String ruleOf(String name) {
        if (name == null || !name.startsWith("phrase:")) {
            return "";
        }
        int plus = name.indexOf('+');
        return plus < 0 ? name : name.substring(0, plus);
    }

    /** The rules that decide exactly {@code n} texts. */
    public List<Tally> deciding(int n) {
        return rules.stream().filter(t -> t.decided().size() == n).toList();
    }

    /** How many rules decide exactly {@code n} texts. */
    public long countDeciding(int n) {
        return rules.stream().filter(t -> t.decided().size() == n).count();
    }

    /** The rules that decide one text only, which nothing else in the classifier gets right. */
    public List<Tally> heldByOneText() {
        return rules.stream().filter(Tally::heldByOneText).toList();
    }

    /** How many rules match exactly {@code n} texts. */
    public long countMatching(int n) {
        return rules.stream().filter(t -> t.matches() == n).count();
    }
}
