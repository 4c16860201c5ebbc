package dev.bouncekit.receiver.gate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Release-gate check: after a temporary (4xx) refusal, or a connection closed without a reply, a
 * well-behaved sender tries again later.
 * What must be tried again depends on what was refused: the recipient after a 4xx to
 * {@code RCPT TO}, {@code DATA} or the final dot; the sender after a 4xx to {@code MAIL FROM}; a
 * new connection after a 4xx greeting or {@code EHLO}. The first temporary refusal of each needs
 * one later attempt; giving up after some retries is fine.
 */
public final class TemporaryFailureRetries {

    private final List<Attempt> unretried;
    private final TranscriptFacts facts;

    private TemporaryFailureRetries(List<Attempt> unretried, TranscriptFacts facts) {
        this.unretried = List.copyOf(unretried);
        this.facts = facts;
    }

    /** The check over a transcript's attempts. */
    public static TemporaryFailureRetries of(TranscriptFacts facts) {
        List<Attempt> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Attempt refusal : facts.all()) {
            if (!refusal.temporary() || !seen.add(key(refusal))) {
                continue;
            }
            if (retries(facts, refusal).isEmpty()) {
                out.add(refusal);
            }
        }
        return new TemporaryFailureRetries(out, facts);
    }

    /** True when every temporary refusal was followed by a new attempt. */
    public boolean passed() {
        return unretried.isEmpty();
    }

    /** The failure message, or empty when passed. */
    public String describe() {
        if (passed()) {
            return "";
        }
        StringBuilder out = new StringBuilder("Expecting a new attempt after every temporary (4xx) refusal,\n")
                .append("but ").append(unretried.size()).append(unretried.size() == 1 ? " was" : " were")
                .append(" never tried again:\n");
        for (Attempt refusal : unretried) {
            out.append("  ").append(subject(refusal)).append(" was refused temporarily:\n").append(refusal.describe("    "));
            List<Attempt> later = facts.of(Attempt.Kind.RECIPIENT).stream().filter(a -> a.isAfter(refusal)).toList();
            if (refusal.kind() == Attempt.Kind.RECIPIENT || refusal.kind() == Attempt.Kind.DELIVERY) {
                if (later.isEmpty()) {
                    out.append("  and no RCPT TO came after it.\n");
                } else {
                    out.append("  near misses, the closest recipients tried after it:\n");
                    for (Attempt a : NearMisses.closest(refusal.address(), later, Attempt::address)) {
                        out.append(a.describe("    "));
                    }
                }
            }
        }
        return out.toString();
    }

    private static List<Attempt> retries(TranscriptFacts facts, Attempt refusal) {
        return switch (refusal.kind()) {
            case RECIPIENT, DELIVERY -> facts.of(Attempt.Kind.RECIPIENT, refusal.address()).stream()
                    .filter(a -> a.isAfter(refusal)).toList();
            case SENDER -> facts.of(Attempt.Kind.SENDER, refusal.address()).stream()
                    .filter(a -> a.isAfter(refusal)).toList();
            case CONNECTION -> facts.of(Attempt.Kind.CONNECTION).stream()
                    .filter(a -> a.connection().id() != refusal.connection().id() && a.isAfter(refusal)).toList();
        };
    }

    private static String key(Attempt refusal) {
        return switch (refusal.kind()) {
            case RECIPIENT, DELIVERY -> "recipient:" + refusal.address();
            case SENDER -> "sender:" + refusal.address();
            case CONNECTION -> "connection";
        };
    }

    private static String subject(Attempt refusal) {
        return switch (refusal.kind()) {
            case RECIPIENT, DELIVERY -> "recipient <" + refusal.address() + ">";
            case SENDER -> "sender <" + refusal.address() + ">";
            case CONNECTION -> "the connection";
        };
    }
}
