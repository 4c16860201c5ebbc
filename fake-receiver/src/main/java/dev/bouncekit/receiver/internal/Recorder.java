package dev.bouncekit.receiver.internal;

import dev.bouncekit.receiver.Evictions;
import dev.bouncekit.receiver.Exchange;
import dev.bouncekit.receiver.ReceivedMessage;
import dev.bouncekit.receiver.Refusal;
import dev.bouncekit.receiver.Retention;
import dev.bouncekit.receiver.TranscriptConnection;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Keeps connection transcripts, stored messages and refusals within the receiver's
 * {@link Retention}, and signals waiters when any of them changes.
 */
public final class Recorder {

    private final Retention retention;
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger();
    private final AtomicLong refusalIds = new AtomicLong();
    private final AtomicLong droppedExchanges = new AtomicLong();
    private final BoundedLog<ConnectionSession> sessions;
    private final BoundedLog<ReceivedMessage> messages;
    private final BoundedLog<Refusal> refusals;
    private final Signal signal = new Signal();

    /** A recorder that keeps what {@code retention} allows, aging entries by {@code clock}. */
    public Recorder(Retention retention, Clock clock) {
        this.retention = retention;
        this.sessions = new BoundedLog<>(retention.maxTranscripts(), retention.maxAge(), ConnectionSession::openedAt, clock);
        this.messages = new BoundedLog<>(retention.maxMessages(), retention.maxAge(), ReceivedMessage::receivedAt, clock);
        this.refusals = new BoundedLog<>(retention.maxRefusals(), retention.maxAge(), Refusal::at, clock);
    }

    /** What this recorder keeps. */
    public Retention retention() {
        return retention;
    }

    ConnectionSession open(String clientAddress, int clientPort, ReceiverRuntime runtime, ConnectionGate.Slot slot) {
        ConnectionSession session = new ConnectionSession(connectionIds.incrementAndGet(), clientAddress, clientPort,
                runtime, slot);
        sessions.add(session);
        changed();
        return session;
    }

    /** Records a connection that was answered with {@code reply} at once and closed, never served. */
    void refused(String clientAddress, int clientPort, ReceiverRuntime runtime, String reply, String rule) {
        ConnectionSession session = open(clientAddress, clientPort, runtime, null);
        session.replySent(reply, rule);
        session.closed();
    }

    int nextMessageId() {
        return messageIds.incrementAndGet();
    }

    void stored(ConnectionSession session, ReceivedMessage message) {
        session.messageStored(message.id());
        messages.add(message);
        changed();
        session.runtime().messageStored(message);
    }

    /** Keeps a refused command apart from its connection's transcript. */
    Refusal refusal(int connectionId, String client, Exchange exchange, String catalogId) {
        Refusal refusal = new Refusal(refusalIds.incrementAndGet(), exchange.at(), connectionId, client,
                exchange.stage(), exchange.command(), exchange.reply(), exchange.rule(), catalogId);
        refusals.add(refusal);
        changed();
        return refusal;
    }

    void exchangeDropped() {
        droppedExchanges.incrementAndGet();
    }

    void changed() {
        signal.bump();
    }

    /** Snapshots of the recorded connections, in the order they were accepted. */
    public List<TranscriptConnection> transcript() {
        List<ConnectionSession> current = sessions.snapshot();
        List<TranscriptConnection> out = new ArrayList<>(current.size());
        for (ConnectionSession s : current) {
            out.add(s.snapshot());
        }
        return out;
    }

    /** The stored messages in order. */
    public List<ReceivedMessage> messages() {
        return List.copyOf(messages.snapshot());
    }

    /** The stored message with this id. */
    public Optional<ReceivedMessage> message(int id) {
        return Optional.ofNullable(messages.find(m -> m.id() == id));
    }

    /** Forgets one stored message; false when there is none with this id. */
    public boolean deleteMessage(int id) {
        boolean removed = messages.remove(m -> m.id() == id);
        if (removed) {
            changed();
        }
        return removed;
    }

    /** The refusals kept, oldest first. */
    public List<Refusal> refusals() {
        return List.copyOf(refusals.snapshot());
    }

    /** What was evicted so far. */
    public Evictions evictions() {
        return new Evictions(messages.evicted(), sessions.evicted(), refusals.evicted(), droppedExchanges.get());
    }

    /** Number of stored messages. */
    public int messageCount() {
        return messages.size();
    }

    /** Number of recorded connections that have been closed. */
    public int closedConnectionCount() {
        return sessions.count(ConnectionSession::isClosed);
    }

    /** Forgets the stored messages. */
    public void clearMessages() {
        messages.clear(false);
        changed();
    }

    /** Forgets the recorded connections (open ones go on, unrecorded). */
    public void clearTranscript() {
        sessions.clear(false);
        changed();
    }

    /** Forgets the refusals. */
    public void clearRefusals() {
        refusals.clear(false);
        changed();
    }

    /**
     * Forgets stored messages, recorded connections and refusals, zeroes the eviction counts, and
     * numbers new ones from 1 again, so that each test of a shared receiver sees connection 1 and
     * message 1 first.
     */
    public void reset() {
        synchronized (this) {
            sessions.clear(true);
            messages.clear(true);
            refusals.clear(true);
            droppedExchanges.set(0);
            connectionIds.set(0);
            messageIds.set(0);
            refusalIds.set(0);
        }
        changed();
    }

    /** Waits until the condition holds, woken by every recorded change; false on timeout. */
    public boolean awaitUntil(BooleanSupplier done, Duration timeout) {
        return signal.awaitUntil(done, timeout);
    }
}
