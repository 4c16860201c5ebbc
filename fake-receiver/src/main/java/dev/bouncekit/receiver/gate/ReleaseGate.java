package dev.bouncekit.receiver.gate;

import dev.bouncekit.receiver.TranscriptConnection;

import java.util.List;

/**
 * The three release-gate checks over one transcript, each with its verdict and, when it failed,
 * its evidence (the refusals and the attempts that broke it).
 *
 * @param checks           the checks in a fixed order: permanent, temporary, bounce rate
 * @param bounceRatePercent the bounce rate measured, in percent
 */
public record ReleaseGate(List<Check> checks, double bounceRatePercent) {

    /** The bounce rate limit, in percent, when none is given. */
    public static final double DEFAULT_MAX_BOUNCE_RATE = 2.0;

    /**
     * One check.
     *
     * @param name     {@code no-retry-after-permanent}, {@code retry-after-temporary} or {@code bounce-rate}
     * @param passed   its verdict
     * @param evidence why it failed, as text; empty when it passed
     */
    public record Check(String name, boolean passed, String evidence) {
    }

    public ReleaseGate {
        checks = List.copyOf(checks);
    }

    /**
     * A bounce rate limit as a user writes it, the same wherever it is given ({@code bouncekit gate
     * --max-bounce-rate}, {@code GET /api/v1/gate?maxBounceRate=}): a number in percent, whole or with
     * a fraction, with or without the {@code %} the gate writes after it ({@code 2}, {@code 0.5},
     * {@code 2%}). Whether it lies from 0 to 100 is left to the caller, who names where it came from.
     *
     * @throws NumberFormatException when it is no number
     */
    public static double parseLimit(String text) {
        String number = text.strip();
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).strip();
        }
        return Double.parseDouble(number);
    }

    /**
     * Runs the checks over a transcript with a bounce rate limit in percent. A transcript in which
     * no recipient was tried fails the bounce-rate check: a gate over no mail does not pass.
     */
    public static ReleaseGate over(List<TranscriptConnection> transcript, double maxBounceRatePercent) {
        TranscriptFacts facts = TranscriptFacts.of(transcript);
        PermanentFailureRetries permanent = PermanentFailureRetries.of(facts);
        TemporaryFailureRetries temporary = TemporaryFailureRetries.of(facts);
        BounceRate rate = BounceRate.of(facts);
        boolean rateOk = rate.anyTried() && rate.below(maxBounceRatePercent);
        return new ReleaseGate(List.of(
                new Check("no-retry-after-permanent", permanent.passed(), permanent.describe()),
                new Check("retry-after-temporary", temporary.passed(), temporary.describe()),
                new Check("bounce-rate", rateOk, rateOk ? "" : !rate.anyTried() ? BounceRate.NOTHING_TRIED
                        : rate.describe(maxBounceRatePercent))),
                rate.percent());
    }

    /** True when every check passed. */
    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The failed checks. */
    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
