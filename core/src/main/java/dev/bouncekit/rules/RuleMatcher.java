package dev.bouncekit.rules;

import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.text.PhraseIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A compiled {@link RuleSet}: finds the first rule whose phrases occur in a text and whose
 * conditions hold, in one linear pass over the text. Immutable and thread-safe.
 *
 * <p>A rule of several phrases matches when they occur in the given order, each occurrence
 * starting strictly after the previous one ends, in the normalized text (case folded, every run of
 * white space one space): {@code ab ... bc} does not match {@code abc}. Each phrase after the first
 * takes its earliest occurrence that starts after the previous one, which finds an order whenever
 * one exists.
 */
public final class RuleMatcher {

    private static final Predicate<PhraseRule> ANY = rule -> true;

    private final List<PhraseRule> rules;
    private final PhraseIndex index;
    private final int[][] rulePhrases;
    /** For each phrase, the rules it is the first phrase of, in priority order. */
    private final int[][] phraseRules;

    RuleMatcher(List<PhraseRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Integer> ids = new HashMap<>();
        List<String> phrases = new ArrayList<>();
        rulePhrases = new int[rules.size()][];
        List<List<Integer>> byPhrase = new ArrayList<>();
        List<Boolean> later = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            List<String> own = rules.get(r).phrases();
            rulePhrases[r] = new int[own.size()];
            for (int i = 0; i < own.size(); i++) {
                Integer id = ids.get(own.get(i));
                if (id == null) {
                    id = phrases.size();
                    ids.put(own.get(i), id);
                    phrases.add(own.get(i));
                    byPhrase.add(new ArrayList<>());
                    later.add(false);
                }
                rulePhrases[r][i] = id;
                if (i == 0) {
                    byPhrase.get(id).add(r);
                } else {
                    later.set(id, true);
                }
            }
        }
        phraseRules = new int[phrases.size()][];
        for (int p = 0; p < phrases.size(); p++) {
            phraseRules[p] = byPhrase.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        index = new PhraseIndex(phrases, later::get);
    }

    /**
     * The first rule that matches: {@code scan(text).first(provider, stage, replyClass, status)}.
     *
     * @param text           the reply text, as it is (case and white space are folded while matching)
     * @param provider       the detected provider id, or null; provider rules apply only to theirs
     * @param stage          the SMTP stage, or null when unknown
     * @param replyClass     2, 4 or 5 from the reply, or 0 when unknown
     * @param status         the enhanced status code, or null
     */
    public Optional<PhraseRule> firstMatch(String text, String provider, SmtpStage stage,
                                           int replyClass, EnhancedStatusCode status) {
        if (index.size() == 0 || text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return first(index.scan(text), provider, stage, replyClass, status, ANY);
    }

    /**
     * Scans {@code text} once, for any number of questions about which rules match it.
     *
     * @param text the reply text, as it is (case and white space are folded while matching)
     */
    public Scan scan(String text) {
        boolean nothing = index.size() == 0 || text == null || text.isEmpty();
        return new Scan(nothing ? null : index.scan(text));
    }

    /** The rules, in priority order. */
    public List<PhraseRule> rules() {
        return rules;
    }

    private Optional<PhraseRule> first(PhraseIndex.Matches found, String provider, SmtpStage stage, int replyClass,
                                       EnhancedStatusCode status, Predicate<PhraseRule> accept) {
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < found.count(); i++) {
            for (int r : phraseRules[found.phrase(i)]) {
                if (r >= best) {
                    break;
                }
                PhraseRule rule = rules.get(r);
                if ((rule.provider() == null || rule.provider().equals(provider))
                        && phrasesInOrder(r, found, i)
                        && rule.conditionsHold(stage, replyClass, status)
                        && accept.test(rule)) {
                    best = r;
                    break;
                }
            }
        }
        return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(rules.get(best));
    }

    private boolean phrasesInOrder(int r, PhraseIndex.Matches found, int firstAt) {
        int[] ids = rulePhrases[r];
        int end = found.first(firstAt);
        for (int k = 1; k < ids.length; k++) {
            int at = found.indexOf(ids[k]);
            if (at < 0) {
                return false;
            }
            end = found.endAtOrAfter(at, end + index.length(ids[k]));
            if (end < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The phrases found in one text by {@link #scan}; ask it which rule matches under given
     * conditions as often as needed. Immutable; it keeps what was found, not the text.
     */
    public final class Scan {

        private final PhraseIndex.Matches found;

        private Scan(PhraseIndex.Matches found) {
            this.found = found;
        }

        /**
         * The first rule, in priority order, whose phrases occur in order, whose provider and
         * conditions hold, and that {@code accept} accepts.
         *
         * @param provider   the detected provider id, or null; provider rules apply only to theirs
         * @param stage      the SMTP stage, or null when unknown
         * @param replyClass 2, 4 or 5 from the reply, or 0 when unknown
         * @param status     the enhanced status code, or null
         * @param accept     a further test, asked only of rules that otherwise match (maybe of
         *                   several, not necessarily in priority order)
         */
        public Optional<PhraseRule> first(String provider, SmtpStage stage, int replyClass,
                                          EnhancedStatusCode status, Predicate<PhraseRule> accept) {
            return found == null ? Optional.empty() : RuleMatcher.this.first(found, provider, stage, replyClass, status, accept);
        }

        /** The first rule, in priority order, whose phrases occur in order and whose provider and conditions hold. */
        public Optional<PhraseRule> first(String provider, SmtpStage stage, int replyClass, EnhancedStatusCode status) {
            return first(provider, stage, replyClass, status, ANY);
        }
    }
}
