package dev.bouncekit.bench;

/** An {@link SmtpEndpoint} that takes reply rules: bouncekit's fake receiver. */
public interface RuleReceiver extends SmtpEndpoint {

    /** Installs {@code count} rules that none of the benchmark's mail matches, after any installed. */
    void installNonMatchingRules(int count);

    /** Installs a rule that refuses {@code RCPT TO:<address>} with {@code 550 5.1.1}. */
    void rejectRecipient(String address);

    /** Removes every rule. */
    void clearRules();
}
