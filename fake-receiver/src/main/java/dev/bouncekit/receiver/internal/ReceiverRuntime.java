package dev.bouncekit.receiver.internal;

import dev.bouncekit.receiver.FakeReceiver;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What every connection of one receiver shares: the rules, the decider, the recorder, the limits
 * with the connection count, the write watchdog, and the stop signal that cuts delays short when
 * the receiver closes.
 */
public final class ReceiverRuntime {

    private final RuleBook rules = new RuleBook();
    private final Recorder recorder = new Recorder();
    private final ReplyDecider decider;
    private final ReceiverLimits limits;
    private final ConnectionGate gate;
    private final WriteWatchdog watchdog = new WriteWatchdog("bouncekit-smtp-write-watchdog");
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** A runtime with no rules and {@link FakeReceiver}'s default limits; magic addresses on or off. */
    public ReceiverRuntime(boolean magicAddresses) {
        this(magicAddresses, new ReceiverLimits(FakeReceiver.DEFAULT_MAX_CONNECTIONS, FakeReceiver.DEFAULT_IDLE_TIMEOUT,
                FakeReceiver.DEFAULT_MAX_MESSAGE_SIZE));
    }

    /** A runtime with no rules and these limits; magic addresses on or off. */
    public ReceiverRuntime(boolean magicAddresses, ReceiverLimits limits) {
        this.decider = new ReplyDecider(rules, magicAddresses);
        this.limits = limits;
        this.gate = new ConnectionGate(limits.maxConnections());
    }

    /** The installed rules. */
    public RuleBook rules() {
        return rules;
    }

    /** Transcripts and stored messages. */
    public Recorder recorder() {
        return recorder;
    }

    /** The limits every connection is held to. */
    public ReceiverLimits limits() {
        return limits;
    }

    /** SMTP connections open now (accepted and not yet closed). */
    public int activeConnections() {
        return gate.active();
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

    ConnectionGate gate() {
        return gate;
    }

    WriteWatchdog watchdog() {
        return watchdog;
    }

    /** Ends all pauses and makes later ones return at once; stops the write watchdog. */
    public void stop() {
        stopped.countDown();
        watchdog.stop();
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
