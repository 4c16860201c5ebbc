package dev.bouncekit.rules;

import dev.bouncekit.taxonomy.Reason;

import java.util.Map;
import java.util.Set;

/**
 * Cause over symptom: for a symptom reason ({@code ratelimited}, {@code blocked}, ...) the reasons
 * that name its cause ({@code authfailure}, {@code badreputation}, ...). When one reply names both,
 * the cause decides. Data: {@code /dev/bouncekit/rules/causes.tsv}.
 */
public final class CauseTable {

    private static final CauseTable BUILT_IN = load();

    private final Map<Reason, Set<Reason>> causes;

    private CauseTable(Map<Reason, Set<Reason>> causes) {
        this.causes = causes;
    }

    /** The built-in table. */
    public static CauseTable builtIn() {
        return BUILT_IN;
    }

    /** The reasons that, found in the same reply, decide over {@code symptom}; empty when none. */
    public Set<Reason> causesOf(Reason symptom) {
        return causes.getOrDefault(symptom, Set.of());
    }

    /** Every symptom the table lists. */
    public Set<Reason> symptoms() {
        return causes.keySet();
    }

    private static CauseTable load() {
        return new CauseTable(ReasonTableFile.read("causes.tsv", "symptom<TAB>cause cause ..."));
    }
}
