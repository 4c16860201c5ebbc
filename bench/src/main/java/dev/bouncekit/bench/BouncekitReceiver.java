package dev.bouncekit.bench;

import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.receiver.internal.RuleLookupTiming;
import dev.bouncekit.reply.SmtpStage;

import java.util.ArrayList;
import java.util.List;

/** Bouncekit's {@link FakeReceiver} with its defaults (127.0.0.1, ephemeral port, magic addresses on). */
public final class BouncekitReceiver implements RuleReceiver {

    private final FakeReceiver receiver;

    private BouncekitReceiver(FakeReceiver receiver) {
        this.receiver = receiver;
    }

    /** Starts a receiver. */
    public static BouncekitReceiver start() {
        return start(FakeReceiver.builder());
    }

    /** Starts a receiver as {@code builder} describes it. */
    public static BouncekitReceiver start(FakeReceiver.Builder builder) {
        return new BouncekitReceiver(builder.build().start());
    }

    @Override
    public String name() {
        return "bouncekit fake receiver";
    }

    @Override
    public int port() {
        return receiver.smtpPort();
    }

    /** Forgets stored mail and the transcript, which records every exchange. */
    @Override
    public void clearMail() {
        receiver.clearMessages();
        receiver.clearTranscript();
    }

    /**
     * Installs {@code count} rules of the usual kinds, none matching the benchmark's addresses: an
     * exact recipient at RCPT, a recipient-domain glob at RCPT, a sender glob at MAIL, in turn.
     */
    @Override
    public void installNonMatchingRules(int count) {
        List<ReplyRule> rules = new ArrayList<>(receiver.rules());
        rules.addAll(RuleLookupTiming.nonMatchingRules(count));
        receiver.setRules(rules);
    }

    @Override
    public void rejectRecipient(String address) {
        receiver.addRule(ReplyRule.when(Condition.recipient(address)).at(SmtpStage.RCPT)
                .replyWith(550, "5.1.1", "The email account that you tried to reach does not exist."));
    }

    @Override
    public void clearRules() {
        receiver.clearRules();
    }

    /** Clears rules, mail and transcript: what the JUnit extension does between tests. */
    public void reset() {
        receiver.reset();
    }

    @Override
    public void close() {
        receiver.close();
    }
}
