package dev.bouncekit.receiver.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What every connection of one receiver shares: the rules, the decider, the recorder, and the
 * stop signal that cuts delays short when the receiver closes.
 */
public final class ReceiverRuntime {

    private final RuleBook rules = new RuleBook();
    private final Recorder recorder = new Recorder();
    private final ReplyDecider decider;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** A runtime with no rules; magic addresses on or off. */
    public ReceiverRuntime(boolean magicAddresses) {
        this.decider = new ReplyDecider(rules, magicAddresses);
    }

    /** The installed rules. */
    public RuleBook rules() {
        return rules;
    }

    /** Transcripts and stored messages. */
    public Recorder recorder() {
        return recorder;
    }

    /** Whether magic addresses answer when no rule does. */
    public boolean magicAddresses() {
        return decider.magicAddresses();
    }

    /** Turns magic addresses on or off. */
    public void magicAddresses(boolean enabled) {
        decider.magicAddresses(enabled);
    }

    ReplyDecider decider() {
        return decider;
    }

    /** Ends all pauses and makes later ones return at once. */
    public void stop() {
        stopped.countDown();
    }

    /** Waits for the delay, or less if the receiver stops meanwhile. */
    void pause(Duration delay) {
        try {
            stopped.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
