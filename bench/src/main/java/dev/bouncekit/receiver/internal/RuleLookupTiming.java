package dev.bouncekit.receiver.internal;

import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpStage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the fake receiver's rule lookup costs per transaction, without the network: the rule book's
 * answer at {@code MAIL FROM} and at {@code RCPT TO} for a sender and a recipient no rule matches,
 * with {@code rules} rules installed (an exact recipient, a recipient-domain glob and a sender glob,
 * in turn, as scenario (d) of the receiver report installs) and with none, in alternating rounds
 * timed by the thread's CPU time. It lives in the receiver's internal package to call its rule book
 * directly; through SMTP the same cost hides in the noise of a round trip.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.bouncekit.receiver.internal.RuleLookupTiming</pre>
 */
public final class RuleLookupTiming {

    private static final int ROUNDS = 7;
    private static final int WARMUP_ROUNDS = 3;

    private RuleLookupTiming() {
    }

    /** Prints the median CPU nanoseconds per MAIL and RCPT lookup with 1,000 rules and with none. */
    public static void main(String[] args) {
        double[] nanos = measure(1000, 100_000);
        System.out.printf("rule lookup, MAIL FROM + RCPT TO: %,.0f ns with 1,000 rules, %,.0f ns with none%n", nanos[0], nanos[1]);
    }

    /**
     * Median CPU nanoseconds per MAIL and RCPT lookup: [0] with {@code rules} rules installed, [1]
     * with none; {@code lookups} pairs per round.
     */
    public static double[] measure(int rules, int lookups) {
        RuleBook installed = new RuleBook();
        installed.replaceAll(nonMatchingRules(rules));
        RuleBook empty = new RuleBook();
        Facts facts = new Facts("127.0.0.1", "client.bench.example", "sender@bench.example",
                List.of("rcpt7@receiver.bench.example"), "sender@bench.example", List.of("rcpt7@receiver.bench.example"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] rounds = new double[2][ROUNDS];
        int answered = 0;
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            for (int book = 0; book < 2; book++) {
                RuleBook rulesNow = book == 0 ? installed : empty;
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < lookups; i++) {
                    answered += rulesNow.firstMatch(SmtpStage.MAIL, facts) == null ? 0 : 1;
                    answered += rulesNow.firstMatch(SmtpStage.RCPT, facts) == null ? 0 : 1;
                }
                long spent = threads.getCurrentThreadCpuTime() - start;
                if (round >= 0) {
                    rounds[book][round] = spent / (double) lookups;
                }
            }
        }
        if (answered != 0) {
            throw new IllegalStateException("a rule matched the benchmark's addresses");
        }
        return new double[] {median(rounds[0]), median(rounds[1])};
    }

    /** {@code count} rules of the usual kinds, none matching the benchmark's addresses. */
    public static List<ReplyRule> nonMatchingRules(int count) {
        List<ReplyRule> rules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rules.add(switch (i % 3) {
                case 0 -> ReplyRule.when(Condition.recipient("user" + i + "@other.example")).reply("gmail/user-unknown");
                case 1 -> ReplyRule.when(Condition.recipientDomain("*.d" + i + ".example")).at(SmtpStage.RCPT)
                        .replyWith(550, "5.1.2", "Host unknown");
                default -> ReplyRule.when(Condition.sender("s" + i + "@*.example")).at(SmtpStage.MAIL)
                        .replyWith(550, "5.7.1", "Sender refused");
            });
        }
        return rules;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
