package dev.bouncekit.rules;

import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.taxonomy.Reason;

import java.util.List;
import java.util.Set;

/**
 * One line of a rules file: when every phrase occurs in the reply text, in order, and the
 * conditions hold, the reply gets {@link #reason()}.
 *
 * @param source         where the rule was written, {@code file:line}; shown as the deciding rule
 * @param reason         the reason it assigns
 * @param provider       the provider id the rule is limited to, or null for any provider
 * @param phrases        lower-case phrases with single spaces, all required, in this order, each
 *                       starting after the previous one ends; a phrase may begin and/or end with
 *                       {@code \b}, a word boundary (see {@link RuleSet})
 * @param stages         the stages at which it applies; empty for any (an unknown stage never
 *                       satisfies a non-empty set)
 * @param excludedStages stages at which it does not apply
 * @param statusClass    2, 4 or 5 to require that class of reply, 0 for any
 * @param statusPrefixes enhanced status codes or prefixes (e.g. {@code 5.7.}) the reply must have
 *                       one of, or {@code none} for a reply without one; empty for any
 * @param replyCode      the basic reply code (e.g. {@code 542}) the reply must have, 0 for any
 * @param yieldsTo       keyword families ({@link RuleSet#builtInKeywords()}) whose words, found in
 *                       the same reply, decide before this rule: a summary such as "giving up" that
 *                       may name its cause after it; empty for none
 */
public record PhraseRule(String source, Reason reason, String provider, List<String> phrases,
                         Set<SmtpStage> stages, Set<SmtpStage> excludedStages, int statusClass,
                         List<String> statusPrefixes, int replyCode, Set<Reason> yieldsTo) {

    public PhraseRule {
        phrases = List.copyOf(phrases);
        stages = Set.copyOf(stages);
        excludedStages = Set.copyOf(excludedStages);
        statusPrefixes = List.copyOf(statusPrefixes);
        yieldsTo = Set.copyOf(yieldsTo);
        if (replyCode != 0 && (replyCode < 200 || replyCode > 599)) {
            throw new IllegalArgumentException(source + ": a reply code is 200 to 599, not " + replyCode);
        }
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException(source + ": a rule needs at least one phrase");
        }
    }

    /** A rule with no reply-code condition that yields to no keyword. */
    public PhraseRule(String source, Reason reason, String provider, List<String> phrases,
                      Set<SmtpStage> stages, Set<SmtpStage> excludedStages, int statusClass,
                      List<String> statusPrefixes) {
        this(source, reason, provider, phrases, stages, excludedStages, statusClass, statusPrefixes, 0, Set.of());
    }

    /** This rule with other phrases, its source, reason and conditions kept; itself when they are its own. */
    PhraseRule withPhrases(List<String> other) {
        return other.equals(phrases) ? this : new PhraseRule(source, reason, provider, other, stages, excludedStages,
                statusClass, statusPrefixes, replyCode, yieldsTo);
    }

    /** The {@code status=} value that a reply without an enhanced status code satisfies. */
    static final String NO_STATUS = "none";

    /**
     * Whether the non-phrase conditions hold for a reply.
     *
     * @param reply the reply's basic code (e.g. 550); when it has none, 2, 4 or 5, the class its
     *              enhanced status code gives; 0 when neither is known
     */
    boolean conditionsHold(SmtpStage stage, int reply, EnhancedStatusCode status) {
        int replyClass = reply >= 100 ? reply / 100 : reply;
        if (!stages.isEmpty() && (stage == null || !stages.contains(stage))) {
            return false;
        }
        if (stage != null && excludedStages.contains(stage)) {
            return false;
        }
        if (statusClass != 0 && statusClass != replyClass) {
            return false;
        }
        if (replyCode != 0 && replyCode != reply) {
            return false;
        }
        if (!statusPrefixes.isEmpty()) {
            if (status == null) {
                return statusPrefixes.contains(NO_STATUS);
            }
            String code = status.toString();
            // By index: an iterator here was the one object a classification made beyond its result.
            for (int i = 0, n = statusPrefixes.size(); i < n; i++) {
                String prefix = statusPrefixes.get(i);
                if (prefix.endsWith(".") ? code.startsWith(prefix) : code.equals(prefix)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
