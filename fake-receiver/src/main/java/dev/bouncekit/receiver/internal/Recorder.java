package dev.bouncekit.receiver.internal;

import dev.bouncekit.receiver.ReceivedMessage;
import dev.bouncekit.receiver.TranscriptConnection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Keeps every connection's transcript and every stored message, and signals waiters when either
 * changes.
 */
public final class Recorder {

    private final AtomicInteger connectionIds = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger();
    private final List<ConnectionSession> sessions = new ArrayList<>();
    private final List<ReceivedMessage> messages = new ArrayList<>();
    private final Signal signal = new Signal();

    ConnectionSession open(String clientAddress, int clientPort, ReceiverRuntime runtime, ConnectionGate.Slot slot) {
        ConnectionSession session = new ConnectionSession(connectionIds.incrementAndGet(), clientAddress, clientPort,
                runtime, slot);
        synchronized (sessions) {
            sessions.add(session);
        }
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
        synchronized (messages) {
            messages.add(message);
        }
        changed();
        session.runtime().messageStored(message);
    }

    void changed() {
        signal.bump();
    }

    /** Snapshots of all recorded connections, in the order they were accepted. */
    public List<TranscriptConnection> transcript() {
        List<ConnectionSession> current;
        synchronized (sessions) {
            current = new ArrayList<>(sessions);
        }
        List<TranscriptConnection> out = new ArrayList<>(current.size());
        for (ConnectionSession s : current) {
            out.add(s.snapshot());
        }
        return out;
    }

    /** The stored messages in order. */
    public List<ReceivedMessage> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** The stored message with this id. */
    public Optional<ReceivedMessage> message(int id) {
        synchronized (messages) {
            for (ReceivedMessage m : messages) {
                if (m.id() == id) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    /** Number of stored messages. */
    public int messageCount() {
        synchronized (messages) {
            return messages.size();
        }
    }

    /** Number of recorded connections that have been closed. */
    public int closedConnectionCount() {
        List<ConnectionSession> current;
        synchronized (sessions) {
            current = new ArrayList<>(sessions);
        }
        int n = 0;
        for (ConnectionSession s : current) {
            if (s.isClosed()) {
                n++;
            }
        }
        return n;
    }

    /** Forgets the stored messages. */
    public void clearMessages() {
        synchronized (messages) {
            messages.clear();
        }
        changed();
    }

    /** Forgets the recorded connections (open ones go on, unrecorded). */
    public void clearTranscript() {
        synchronized (sessions) {
            sessions.clear();
        }
        changed();
    }

    /**
     * Forgets stored messages and recorded connections and numbers new ones from 1 again, so that
     * each test of a shared receiver sees connection 1 and message 1 first.
     */
    public void reset() {
        synchronized (sessions) {
            synchronized (messages) {
                sessions.clear();
                messages.clear();
                connectionIds.set(0);
                messageIds.set(0);
            }
        }
        changed();
    }

    /** Waits until the condition holds, woken by every recorded change; false on timeout. */
    public boolean awaitUntil(BooleanSupplier done, Duration timeout) {
        return signal.awaitUntil(done, timeout);
    }
}
