package dev.bouncekit.receiver.internal;

import dev.bouncekit.receiver.Exchange;
import dev.bouncekit.receiver.ReceivedMessage;
import dev.bouncekit.receiver.Retention;
import dev.bouncekit.receiver.ReceiverListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What every connection of one receiver shares: the rules, the decider, the recorder, the limits
 * with the connection count, the host name it greets with, its listener, the write watchdog, and
 * the stop signal that cuts delays short when the receiver closes.
 */
public final class ReceiverRuntime {

    /** The host name in the greeting and the EHLO reply unless the builder says otherwise. */
    public static final String DEFAULT_HOSTNAME = "localhost";

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverRuntime.class);

    private final RuleBook rules = new RuleBook();
    private final Recorder recorder;
    private final ReplyDecider decider;
    private final ReceiverLimits limits;
    private final ConnectionGate gate;
    private final WriteWatchdog watchdog;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final String hostname;
    private final ReceiverListener listener;
    private final Clock clock;

    /** A runtime with no rules and these limits; magic addresses on or off. */
    public ReceiverRuntime(boolean magicAddresses, ReceiverLimits limits) {
        this(magicAddresses, limits, DEFAULT_HOSTNAME, null);
    }

    /**
     * A runtime with no rules, these limits, greeting as {@code hostname} and telling
     * {@code listener} (or nobody, when null) what happens.
     */
    public ReceiverRuntime(boolean magicAddresses, ReceiverLimits limits, String hostname, ReceiverListener listener) {
        this(magicAddresses, limits, hostname, listener, Retention.UNLIMITED);
    }

    /** The same, keeping what {@code retention} allows. */
    public ReceiverRuntime(boolean magicAddresses, ReceiverLimits limits, String hostname, ReceiverListener listener,
                           Retention retention) {
        this(magicAddresses, limits, hostname, listener, retention, Clock.systemUTC());
    }

    /** The same, stamping and aging what it records by {@code clock}. */
    public ReceiverRuntime(boolean magicAddresses, ReceiverLimits limits, String hostname, ReceiverListener listener,
                           Retention retention, Clock clock) {
        this.clock = clock;
        this.recorder = new Recorder(retention, clock);
        this.decider = new ReplyDecider(rules, magicAddresses);
        this.limits = limits;
        this.gate = new ConnectionGate(limits.maxConnections());
        this.watchdog = new WriteWatchdog("bouncekit-smtp-write-watchdog", limits.idleTimeout());
        this.hostname = hostname;
        this.listener = listener;
    }

    /** The clock that stamps connections, exchanges, refusals and messages and ages them out. */
    public Clock clock() {
        return clock;
    }

    /** The host name in the greeting and the first line of the EHLO reply. */
    public String hostname() {
        return hostname;
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

    /** Makes catalog replies name the session's recipient, sender and client IP (see {@link ReplyAddresses}). */
    public void realAddresses(boolean enabled) {
        decider.realAddresses(enabled);
    }

    /** Whether magic addresses answer when no rule does. */
    public boolean magicAddresses() {
        return decider.magicAddresses();
    }

    /** Turns magic addresses on or off. */
    public void magicAddresses(boolean enabled) {
        decider.magicAddresses(enabled);
    }

    /** Tells the listener that a message was stored. */
    void messageStored(ReceivedMessage message) {
        if (listener != null) {
            try {
                listener.messageStored(message);
            } catch (RuntimeException e) {
                LOG.warn("The receiver's listener failed on message {}: {}", message.id(), e.toString(), e);
            }
        }
    }

    /** Tells the listener that a complete reply refused something. */
    void refused(int connectionId, String clientAddress, Exchange exchange) {
        if (listener != null) {
            try {
                listener.refused(connectionId, clientAddress, exchange);
            } catch (RuntimeException e) {
                LOG.warn("The receiver's listener failed on a refusal in connection {}: {}", connectionId, e.toString(), e);
            }
        }
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
