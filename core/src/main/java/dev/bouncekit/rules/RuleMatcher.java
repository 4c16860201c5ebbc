package dev.bouncekit.rules;

import dev.bouncekit.text.PhraseIndex;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.status.EnhancedStatusCode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled {@link RuleSet}: finds the first rule whose phrases occur in a text and whose
 * conditions hold, in one linear pass over the text. Immutable and thread-safe.
 */
public final class RuleMatcher {

    private final List<PhraseRule> rules;
    private final PhraseIndex index;
    private final int[][] rulePhrases;
    private final int[][] phraseRules;

    RuleMatcher(List<PhraseRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Integer> ids = new HashMap<>();
        List<String> phrases = new ArrayList<>();
        rulePhrases = new int[rules.size()][];
        List<List<Integer>> byPhrase = new ArrayList<>();
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
                }
                rulePhrases[r][i] = id;
                if (i == 0) {
                    byPhrase.get(id).add(r);
                }
            }
        }
        phraseRules = new int[phrases.size()][];
        for (int p = 0; p < phrases.size(); p++) {
            phraseRules[p] = byPhrase.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        index = new PhraseIndex(phrases);
    }

    /**
     * The first rule that matches.
     *
     * @param text           the reply text, as it is (case and white space are folded while matching)
     * @param provider       the detected provider id, or null; provider rules apply only to theirs
     * @param stage          the SMTP stage, or null when unknown
     * @param replyClass     2, 4 or 5 from the reply, or 0 when unknown
     * @param status         the enhanced status code, or null
     */
    public Optional<PhraseRule> firstMatch(String text, String provider, SmtpStage stage,
                                           int replyClass, EnhancedStatusCode status) {
        if (index.size() == 0 || text.isEmpty()) {
            return Optional.empty();
        }
        PhraseIndex.Matches found = index.scan(text);
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < found.count(); i++) {
            for (int r : phraseRules[found.phrase(i)]) {
                if (r >= best) {
                    break;
                }
                if (matches(r, found, provider, stage, replyClass, status)) {
                    best = r;
                    break;
                }
            }
        }
        return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(rules.get(best));
    }

    private boolean matches(int r, PhraseIndex.Matches found, String provider, SmtpStage stage,
                            int replyClass, EnhancedStatusCode status) {
        PhraseRule rule = rules.get(r);
        if (rule.provider() != null && !rule.provider().equals(provider)) {
            return false;
        }
        int[] ids = rulePhrases[r];
        int position = found.first(found.indexOf(ids[0]));
        for (int k = 1; k < ids.length; k++) {
            int at = found.indexOf(ids[k]);
            if (at < 0 || found.last(at) <= position) {
                return false;
            }
            position = found.first(at) > position ? found.first(at) : found.last(at);
        }
        return rule.conditionsHold(stage, replyClass, status);
    }

    /** The rules, in priority order. */
    public List<PhraseRule> rules() {
        return rules;
    }
}
