package dev.bouncekit.receiver.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Release-gate check: the share of recipients refused permanently (a 5xx to {@code RCPT TO}, or to
 * the message sent to them) among all distinct recipients tried. Temporary refusals are not
 * bounces.
 */
public final class BounceRate {

    private final int recipients;
    private final List<Attempt> bounces;

    private BounceRate(int recipients, List<Attempt> bounces) {
        this.recipients = recipients;
        this.bounces = List.copyOf(bounces);
    }

    /** The bounce rate of a transcript's attempts. */
    public static BounceRate of(TranscriptFacts facts) {
        List<String> tried = facts.recipients();
        List<Attempt> bounces = new ArrayList<>();
        for (String address : tried) {
            Optional<Attempt> first = facts.all().stream()
                    .filter(a -> (a.kind() == Attempt.Kind.RECIPIENT || a.kind() == Attempt.Kind.DELIVERY)
                            && a.address().equals(address) && a.permanent())
                    .findFirst();
            first.ifPresent(bounces::add);
        }
        return new BounceRate(tried.size(), bounces);
    }

    /** The rate in percent; 0 when no recipient was tried. */
    public double percent() {
        return recipients == 0 ? 0 : bounces.size() * 100.0 / recipients;
    }

    /**
     * What the release gate says when no recipient was tried: no mail reached the receiver, so there
     * is no bounce rate, and a gate over nothing must not pass.
     */
    public static final String NOTHING_TRIED = "No mail reached the receiver: no client named a recipient (RCPT TO),"
            + " so there is no bounce rate to judge.";

    /** True when at least one recipient was tried ({@code RCPT TO}), whatever the answer. */
    public boolean anyTried() {
        return recipients > 0;
    }

    /**
     * True when the rate is strictly below {@code limitPercent}, or when nothing was tried (the
     * release gate fails that case on its own; see {@link #anyTried()}). A limit of 0, which no
     * rate is below, asks for no permanent refusal at all.
     */
    public boolean below(double limitPercent) {
        return recipients == 0 || percent() < limitPercent || limitPercent == 0 && bounces.isEmpty();
    }

    /** The failure message for a limit. */
    public String describe(double limitPercent) {
        if (limitPercent == 0) {
            StringBuilder out = new StringBuilder("Expecting no recipient to have been refused permanently (a bounce rate"
                    + " limit of 0%) but ").append(bounces.size()).append(" of ").append(recipients)
                    .append(recipients == 1 ? " recipient was (" : " recipients was (").append(format(percent()))
                    .append("):\n");
            for (Attempt bounce : bounces) {
                out.append(bounce.describe("  "));
            }
            return out.toString();
        }
        StringBuilder out = new StringBuilder("Expecting the bounce rate to be below ").append(format(limitPercent))
                .append(" but it was ").append(format(percent())).append(" (").append(bounces.size()).append(" of ")
                .append(recipients).append(recipients == 1 ? " recipient" : " recipients")
                .append(" refused permanently):\n");
        for (Attempt bounce : bounces) {
            out.append(bounce.describe("  "));
        }
        return out.toString();
    }

    private static String format(double percent) {
        return String.format(Locale.ROOT, "%.2f%%", percent);
    }
}
