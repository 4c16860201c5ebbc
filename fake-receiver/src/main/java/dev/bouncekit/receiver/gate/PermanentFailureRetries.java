package dev.bouncekit.receiver.gate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Release-gate check: after a permanent (5xx) answer to {@code RCPT TO}, a well-behaved sender
 * never tries that address again. Lists every address tried again, with the refusal and the later
 * attempts.
 */
public final class PermanentFailureRetries {

    private final List<Violation> violations;

    private PermanentFailureRetries(List<Violation> violations) {
        this.violations = List.copyOf(violations);
    }

    /** One address tried again after a permanent refusal. */
    record Violation(Attempt refusal, List<Attempt> later) {
    }

    /** The check over a transcript's attempts. */
    public static PermanentFailureRetries of(TranscriptFacts facts) {
        List<Violation> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Attempt refusal : facts.of(Attempt.Kind.RECIPIENT)) {
            if (!refusal.permanent() || !seen.add(refusal.address())) {
                continue;
            }
            List<Attempt> later = facts.of(Attempt.Kind.RECIPIENT, refusal.address()).stream()
                    .filter(a -> a.isAfter(refusal)).toList();
            if (!later.isEmpty()) {
                out.add(new Violation(refusal, later));
            }
        }
        return new PermanentFailureRetries(out);
    }

    /** True when no address was tried again after a permanent refusal. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /** The failure message, or empty when passed. */
    public String describe() {
        if (passed()) {
            return "";
        }
        StringBuilder out = new StringBuilder("Expecting no new attempt to an address after a permanent (5xx) refusal,\n")
                .append("but ").append(violations.size()).append(violations.size() == 1 ? " address was" : " addresses were")
                .append(" tried again:\n");
        for (Violation v : violations) {
            out.append("  <").append(v.refusal().address()).append("> was refused permanently:\n")
                    .append(v.refusal().describe("    "))
                    .append("  and tried again afterwards:\n");
            for (Attempt a : v.later()) {
                out.append(a.describe("    "));
            }
        }
        return out.toString();
    }
}
