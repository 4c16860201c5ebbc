package dev.bouncekit.bench;

import dev.bouncekit.rules.PhraseRule;
import dev.bouncekit.rules.RuleSet;
import dev.bouncekit.taxonomy.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline the classifier is measured against: the naive way to apply phrase rules. One
 * {@link Pattern} per phrase of each rule (case-insensitive, white space as {@code \s+}, a word
 * boundary as a look-around for a letter or digit), compiled once; each call tries the rules in
 * file order with {@code matcher(text).find()} and returns the reason of the first rule whose
 * phrases all occur in order. It knows nothing of providers, stages
 * or status codes, so it does less than {@code BounceClassifier}: the comparison favours it.
 */
public final class NaivePhraseClassifier {

    /** A rule phrase's word boundary ({@code \b} at either end): no letter or digit next to it. */
    private static final String NOT_AFTER_WORD = "(?<![\\p{IsLetter}\\p{IsDigit}])";
    private static final String NOT_BEFORE_WORD = "(?![\\p{IsLetter}\\p{IsDigit}])";

    private final Pattern[][] patterns;
    private final Reason[] reasons;

    /** Compiles every phrase of {@code rules}. */
    public NaivePhraseClassifier(RuleSet rules) {
        List<PhraseRule> list = rules.rules();
        patterns = new Pattern[list.size()][];
        reasons = new Reason[list.size()];
        for (int r = 0; r < list.size(); r++) {
            List<String> phrases = list.get(r).phrases();
            patterns[r] = new Pattern[phrases.size()];
            for (int p = 0; p < phrases.size(); p++) {
                patterns[r][p] = compile(phrases.get(p));
            }
            reasons[r] = list.get(r).reason();
        }
    }

    /** The reason of the first rule whose phrases all occur in {@code text}, or {@code onhold}. */
    public Reason classify(String text) {
        for (int r = 0; r < patterns.length; r++) {
            if (allInOrder(patterns[r], text)) {
                return reasons[r];
            }
        }
        return Reason.ONHOLD;
    }

    /** The number of compiled patterns. */
    public int patternCount() {
        int n = 0;
        for (Pattern[] rule : patterns) {
            n += rule.length;
        }
        return n;
    }

    private static boolean allInOrder(Pattern[] phrases, String text) {
        int from = 0;
        for (Pattern phrase : phrases) {
            Matcher m = phrase.matcher(text);
            if (!m.find(from)) {
                return false;
            }
            from = m.end();
        }
        return true;
    }

    private static Pattern compile(String phrase) {
        boolean leading = phrase.startsWith("\\b");
        boolean trailing = phrase.endsWith("\\b") && phrase.length() > 2;
        String body = phrase.substring(leading ? 2 : 0, phrase.length() - (trailing ? 2 : 0));
        List<String> words = new ArrayList<>();
        for (String word : body.split(" ")) {
            words.add(Pattern.quote(word));
        }
        String regex = (leading ? NOT_AFTER_WORD : "") + String.join("\\s+", words) + (trailing ? NOT_BEFORE_WORD : "");
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
}
