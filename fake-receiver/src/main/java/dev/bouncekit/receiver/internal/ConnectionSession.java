package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.mail.MovingMessage;
import dev.bouncekit.receiver.Exchange;
import dev.bouncekit.receiver.TranscriptConnection;
import dev.bouncekit.reply.SmtpStage;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One SMTP connection as the receiver sees it: records the transcript as commands are read and
 * replies sent, tracks the transaction (sender, accepted recipients) and carries out decisions
 * (delay, reply, disconnect). Mutated by the connection's thread; snapshots may be taken from
 * any thread.
 */
final class ConnectionSession {

    private final int id;
    private final String clientAddress;
    private final int clientPort;
    private final Instant openedAt;
    private final ReceiverRuntime runtime;
    private final ConnectionGate.Slot slot;

    // guarded by this
    private final List<Exchange> exchanges = new ArrayList<>();
    /** The latest recipients accepted on this connection, as many as it keeps exchanges. */
    private final ArrayDeque<String> acceptedRecipients = new ArrayDeque<>();
    /** The ids of the latest messages stored from this connection, as many as it keeps exchanges. */
    private final ArrayDeque<Integer> messageIds = new ArrayDeque<>();
    private String helo;
    private Instant closedAt;

    // connection thread only
    private RecordingSmtpConnection connection;
    private boolean greetingRejected;
    private boolean closeAfterReply;
    private boolean dataRejected;
    private boolean messageTooLarge;
    private int protocolErrors;
    private MovingMessage transaction;
    private byte[] received;
    private final List<String> transactionRecipients = new ArrayList<>();
    // the same recipients, to find one in constant time (a transaction may have 100,000)
    private final Set<String> transactionRecipientSet = new HashSet<>();

    private volatile boolean closing;
    // the catalog entry of the answer being sent, for the refusal it may complete
    private volatile String answeringCatalogId;

    ConnectionSession(int id, String clientAddress, int clientPort, ReceiverRuntime runtime, ConnectionGate.Slot slot) {
        this.id = id;
        this.clientAddress = clientAddress;
        this.clientPort = clientPort;
        this.runtime = runtime;
        this.slot = slot;
        this.openedAt = runtime.clock().instant();
        exchanges.add(new Exchange(0, null, SmtpStage.CONNECT, List.of(), null, openedAt));
    }

    int id() {
        return id;
    }

    Instant openedAt() {
        return openedAt;
    }

    ReceiverRuntime runtime() {
        return runtime;
    }

    void attach(RecordingSmtpConnection conn) {
        this.connection = conn;
    }

    RecordingSmtpConnection connection() {
        return connection;
    }

    /**
     * The connection's thread is done with it: what only served the connection (its I/O and
     * buffers, the last transaction) is let go, so that a transcript kept after the connection
     * keeps only what it records.
     */
    void ended() {
        connection = null;
        transaction = null;
        received = null;
        transactionRecipients.clear();
        transactionRecipientSet.clear();
    }

    // ---- recording ----

    void commandRead(String line) {
        synchronized (this) {
            String command = mask(line);
            append(new Exchange(nextIndex(), command, stageOf(line), List.of(), null, runtime.clock().instant()));
        }
        runtime.recorder().changed();
    }

    /** The message data ended with the final dot: its reply is a new exchange. */
    void endOfData() {
        synchronized (this) {
            append(new Exchange(nextIndex(), ".", SmtpStage.DATA, List.of(), null, runtime.clock().instant()));
        }
        runtime.recorder().changed();
    }

    /** Records a reply; {@code rule}, when not null, labels the exchange it completes. */
    void replySent(String text, String rule) {
        Exchange refusal;
        synchronized (this) {
            Exchange last = exchanges.get(exchanges.size() - 1);
            if (isComplete(last.reply())) {
                last = new Exchange(nextIndex(), null, null, List.of(), null, runtime.clock().instant());
                append(last);
            }
            List<String> lines;
            if (last.reply().isEmpty() && text.indexOf('\r') < 0) {
                lines = List.of(text); // the usual one-line reply
            } else {
                lines = new ArrayList<>(last.reply());
                for (int start = 0; ; ) {
                    int end = text.indexOf("\r\n", start);
                    if (end < 0) {
                        lines.add(text.substring(start));
                        break;
                    }
                    lines.add(text.substring(start, end));
                    start = end + 2;
                }
            }
            Exchange answered = new Exchange(last.index(), last.command(), last.stage(), lines,
                    rule == null ? last.rule() : rule, last.at());
            exchanges.set(exchanges.size() - 1, answered);
            refusal = isComplete(lines) && answered.isRejection() ? answered : null;
        }
        runtime.recorder().changed();
        if (refusal != null) {
            String catalogId = answeringCatalogId;
            answeringCatalogId = null;
            runtime.recorder().refusal(id, clientAddress, refusal, catalogId);
            runtime.refused(id, clientAddress, refusal);
        }
    }

    /** Labels the exchange in progress with the rule (or limit) that is answering it. */
    void label(String rule) {
        synchronized (this) {
            Exchange last = exchanges.get(exchanges.size() - 1);
            exchanges.set(exchanges.size() - 1,
                    new Exchange(last.index(), last.command(), last.stage(), last.reply(), rule, last.at()));
        }
    }

    void helo(String name) {
        synchronized (this) {
            helo = name;
        }
    }

    void messageStored(int messageId) {
        synchronized (this) {
            keepLatest(messageIds, messageId);
        }
    }

    void closed() {
        closing = true;
        synchronized (this) {
            if (closedAt != null) {
                return;
            }
            closedAt = runtime.clock().instant();
        }
        if (slot != null) {
            slot.release();
        }
        runtime.recorder().changed();
    }

    synchronized boolean isClosed() {
        return closedAt != null;
    }

    synchronized TranscriptConnection snapshot() {
        return new TranscriptConnection(id, clientAddress, clientPort, openedAt, closedAt, helo, exchanges,
                List.copyOf(acceptedRecipients), List.copyOf(messageIds));
    }

    // ---- transaction ----

    /** Records a recipient that is about to be accepted for the current transaction. */
    void recipientAccepted(MovingMessage message, String recipient) {
        if (transaction != message) {
            transaction = message;
            transactionRecipients.clear();
            transactionRecipientSet.clear();
        }
        if (transactionRecipientSet.add(recipient)) {
            transactionRecipients.add(recipient);
        }
        synchronized (this) {
            keepLatest(acceptedRecipients, recipient);
        }
    }

    /** Keeps the data of the message being answered (trace headers and content), or forgets it (null). */
    void received(byte[] data) {
        received = data;
    }

    /** The data of the message being answered. */
    byte[] received() {
        return received;
    }

    /** How many distinct recipients are accepted for this message so far. */
    int recipientCount(MovingMessage message) {
        return transaction == message ? transactionRecipients.size() : 0;
    }

    /** The recipients accepted for this message, in order. */
    List<String> recipientsOf(MovingMessage message) {
        return transaction == message ? List.copyOf(transactionRecipients) : List.of();
    }

    Facts facts(String sender, List<String> recipients) {
        String heloName;
        synchronized (this) {
            heloName = helo;
        }
        List<String> lower = new ArrayList<>(recipients.size());
        for (String r : recipients) {
            lower.add(r.toLowerCase(Locale.ROOT));
        }
        return new Facts(clientAddress, heloName == null ? null : heloName.toLowerCase(Locale.ROOT),
                sender == null ? null : sender.toLowerCase(Locale.ROOT), lower, sender, List.copyOf(recipients));
    }

    // ---- answering ----

    /**
     * Carries out a decision up to the reply: records the rule, waits the delay, and closes at once
     * for a silent disconnect.
     *
     * @return the reply text to send (lines joined by CRLF), "" when the connection was just closed
     *         (anything sent then is dropped), or null to answer as usual
     */
    String answer(Decision decision) {
        label(decision.rule());
        answeringCatalogId = decision.catalogId();
        if (!decision.delay().isZero()) {
            runtime.pause(decision.delay());
        }
        if (decision.disconnect()) {
            if (decision.lines().isEmpty()) {
                close();
                return "";
            }
            closeAfterReply = true;
        }
        return decision.lines().isEmpty() ? null : String.join("\r\n", decision.lines());
    }

    /** Closes the connection if the last answer asked for it; call after its reply was sent. */
    void closeIfRequested() {
        if (closeAfterReply) {
            close();
        }
    }

    void close() {
        closing = true;
        connection.quit();
    }

    // ---- protocol errors and limits ----

    /**
     * Answers a command the receiver cannot take (500, 501, 503); after
     * {@link ProtocolReplies#MAX_ERRORS} of them the connection is closed with {@code 421 4.7.0}.
     */
    void protocolError(String reply) {
        connection.send(reply);
        protocolErrors++;
        if (protocolErrors >= ProtocolReplies.MAX_ERRORS) {
            connection.send(ProtocolReplies.TOO_MANY_ERRORS, ProtocolReplies.errorLimit());
            close();
        }
    }

    /** Answers {@code 421 4.4.2} and closes: the client was silent (or did not read) for the idle timeout. */
    void timedOut() {
        connection.send(ProtocolReplies.TIMEOUT, ProtocolReplies.idleTimeout(runtime.limits().idleTimeout()));
        close();
    }

    /** Marks the message just read as larger than the limit (it was not kept). */
    void messageTooLarge() {
        messageTooLarge = true;
    }

    /** True once after {@link #messageTooLarge()}. */
    boolean takeMessageTooLarge() {
        boolean tooLarge = messageTooLarge;
        messageTooLarge = false;
        return tooLarge;
    }

    /** True once closing has begun: replies are no longer sent. */
    boolean isClosing() {
        return closing;
    }

    /** Marks the message data as refused: the transaction ends with the reply, as after a 250. */
    void dataRejected() {
        dataRejected = true;
    }

    /** True once after {@link #dataRejected()}. */
    boolean takeDataRejected() {
        boolean rejected = dataRejected;
        dataRejected = false;
        return rejected;
    }

    void greetingRejected() {
        greetingRejected = true;
    }

    boolean isGreetingRejected() {
        return greetingRejected;
    }

    // ---- helpers ----

    /** The index the next exchange gets: one more than the last one's, whatever was dropped. */
    private int nextIndex() {
        return exchanges.get(exchanges.size() - 1).index() + 1;
    }

    /**
     * Adds a recipient or message id of the connection; over the exchange cap, the oldest is dropped,
     * so that a connection that never closes holds no more of them than of its exchanges.
     */
    private <T> void keepLatest(ArrayDeque<T> kept, T value) {
        kept.addLast(value);
        if (kept.size() > runtime.recorder().retention().maxExchanges()) {
            kept.removeFirst();
        }
    }

    /** Adds an exchange; over the cap, the oldest after the greeting is dropped and counted. */
    private void append(Exchange exchange) {
        exchanges.add(exchange);
        if (exchanges.size() > runtime.recorder().retention().maxExchanges()) {
            exchanges.remove(1);
            runtime.recorder().exchangeDropped();
        }
    }

    private static boolean isComplete(List<String> reply) {
        if (reply.isEmpty()) {
            return false;
        }
        String last = reply.get(reply.size() - 1);
        return last.length() < 4 || last.charAt(3) != '-';
    }

    private String mask(String line) {
        Exchange previous = exchanges.get(exchanges.size() - 1);
        if (!previous.reply().isEmpty() && previous.reply().get(previous.reply().size() - 1).startsWith("334")) {
            return "***";
        }
        if (line.regionMatches(true, 0, "AUTH ", 0, 5)) {
            int space = line.indexOf(' ', 5);
            return space < 0 ? line : line.substring(0, space) + " ***";
        }
        return line;
    }

    private static SmtpStage stageOf(String line) {
        if (line.length() < 4) {
            return null;
        }
        if (verb(line, "EHLO") || verb(line, "HELO")) {
            return SmtpStage.EHLO;
        }
        if (verb(line, "MAIL")) {
            return SmtpStage.MAIL;
        }
        if (verb(line, "RCPT")) {
            return SmtpStage.RCPT;
        }
        if (verb(line, "DATA") || verb(line, "BDAT")) {
            return SmtpStage.DATA;
        }
        return null;
    }

    /** Whether the line starts with the verb, in any case of ASCII letters. */
    private static boolean verb(String line, String verb) {
        for (int i = 0; i < 4; i++) {
            char c = line.charAt(i);
            if ((c >= 'a' && c <= 'z' ? (char) (c - 32) : c) != verb.charAt(i)) {
                return false;
            }
        }
        return true;
    }

}
