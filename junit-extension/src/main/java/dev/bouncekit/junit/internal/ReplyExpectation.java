package dev.bouncekit.junit.internal;

import dev.bouncekit.receiver.gate.Attempt;
import dev.bouncekit.reply.ReplyParser;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.taxonomy.Reason;

/**
 * What a refusal assertion asks of the reply: any 4xx/5xx, or a given basic code, enhanced status
 * code or reason. Null parts match anything.
 *
 * @param code   the basic reply code, or null
 * @param status the enhanced status code ({@code 5.1.1}), or null
 * @param reason the reason the reply is classified as, or null
 */
public record ReplyExpectation(Integer code, String status, Reason reason) {

    /**
     * Refuses what no refusal has, so that an assertion is never one that cannot pass: a code
     * outside 400-599, an enhanced status that is none or not of class 4 or 5. The status is kept
     * in its plain form ({@code " 5.1.1 "} is {@code 5.1.1}).
     *
     * @throws IllegalArgumentException for such a code or status
     */
    public ReplyExpectation {
        if (code != null && (code < 400 || code > 599)) {
            throw new IllegalArgumentException("code must be that of a refusal, 4xx or 5xx, not " + code);
        }
        if (status != null) {
            EnhancedStatusCode parsed = EnhancedStatusCode.of(status);
            if (parsed.statusClass() != 4 && parsed.statusClass() != 5) {
                throw new IllegalArgumentException("enhanced status must be that of a refusal, 4.x.x or 5.x.x, not "
                        + parsed);
            }
            status = parsed.toString();
        }
    }

    /** Any refusal. */
    public static ReplyExpectation anyRefusal() {
        return new ReplyExpectation(null, null, null);
    }

    /** True when the attempt was refused as expected. */
    public boolean matches(Attempt attempt) {
        return attempt.refused()
                && (code == null || attempt.code() == code)
                && (status == null || status.equals(statusOf(attempt)))
                && (reason == null || attempt.classification().reason() == reason);
    }

    /** {@code with code 550 and enhanced status 5.1.1}, or empty for any refusal. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        if (code != null) {
            out.append("code ").append(code);
        }
        if (status != null) {
            out.append(out.length() > 0 ? " and " : "").append("enhanced status ").append(status);
        }
        if (reason != null) {
            out.append(out.length() > 0 ? " and " : "").append("reason ").append(reason.id());
        }
        return out.length() == 0 ? "" : "with " + out;
    }

    /** How the attempt was actually answered, in the terms of this expectation. */
    public static String actual(Attempt attempt) {
        if (attempt.code() == 0) {
            return "closed without a reply";
        }
        StringBuilder out = new StringBuilder(attempt.refused() ? "refused with " : "accepted with ").append(attempt.code());
        String status = statusOf(attempt);
        if (status != null) {
            out.append(' ').append(status);
        }
        if (attempt.refused()) {
            out.append(", reason ").append(attempt.classification().reason().id());
        }
        return out.toString();
    }

    /** The enhanced status code of the attempt's reply, or null. */
    static String statusOf(Attempt attempt) {
        EnhancedStatusCode status = ReplyParser.parse(String.join("\r\n", attempt.exchange().reply())).status();
        return status == null ? null : status.toString();
    }
}
