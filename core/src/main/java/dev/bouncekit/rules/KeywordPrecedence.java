package dev.bouncekit.rules;

import dev.bouncekit.taxonomy.Reason;

import java.util.Map;
import java.util.Set;

/**
 * Status code or keywords: for the reason a reply's status code names, the keyword families
 * ({@link RuleSet#builtInKeywords()}) whose words, found in the reply, decide before the code does,
 * as Sisimai 4.25's procedure reads a reply's text before some codes and after others. A reason the
 * table does not list decides before every keyword. Data:
 * {@code /dev/bouncekit/rules/keywords-before-status.tsv}.
 */
public final class KeywordPrecedence {

    private static final KeywordPrecedence BUILT_IN =
            new KeywordPrecedence(ReasonTableFile.read("keywords-before-status.tsv", "status reason<TAB>keyword reason ..."));

    private final Map<Reason, Set<Reason>> before;

    private KeywordPrecedence(Map<Reason, Set<Reason>> before) {
        this.before = before;
    }

    /** The built-in table. */
    public static KeywordPrecedence builtIn() {
        return BUILT_IN;
    }

    /** The keyword reasons read before a status code that names {@code statusReason}; empty when none. */
    public Set<Reason> keywordsBefore(Reason statusReason) {
        return before.getOrDefault(statusReason, Set.of());
    }
}
