package dev.bouncekit.cli;

import dev.bouncekit.receiver.Exchange;
import dev.bouncekit.receiver.ReceivedMessage;
import dev.bouncekit.receiver.ReceiverListener;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What {@code bouncekit serve} logs while it runs, one line per event on standard output:
 * <pre>
 * 2026-12-01T21:55:31.123Z accepted message 1 from &lt;app@shop.test&gt; to &lt;alice@example.com&gt; (842 octets, connection 3 from 127.0.0.1)
 * 2026-12-01T21:55:31.140Z refused RCPT TO:&lt;ghost@gmail.com&gt;: 550-5.1.1 The email account ... [rule RCPT recipient=ghost@gmail.com -&gt; gmail/user-unknown] (connection 3 from 127.0.0.1)
 * </pre>
 * A refusal the receiver gives on its own (a protocol error, a limit) shows {@code [receiver]} or
 * its {@code limit: ...} label instead of a rule. Control characters a client sent are written as
 * escapes ({@code \r}, and a Unicode escape for the others).
 *
 * <p>Lines are queued by the connection threads and written by one thread of the log's own, every
 * {@value #WRITE_EVERY_MILLIS} ms, in one write: under a stream of mail the connections neither wait
 * for each other on the output nor pay a system call per line. {@link #close()} writes what is
 * left.
 */
final class ServeLog implements ReceiverListener, AutoCloseable {

    static final long WRITE_EVERY_MILLIS = 50;

    private final PrintWriter out;
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService writer;
    private final Timestamps times = new Timestamps();

    ServeLog(PrintWriter out) {
        this.out = out;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bouncekit-serve-log");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::write, WRITE_EVERY_MILLIS, WRITE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Writes the lines queued so far. */
    void write() {
        synchronized (out) {
            StringBuilder block = null;
            for (String line; (line = pending.poll()) != null; ) {
                block = block == null ? new StringBuilder(line.length() * 2) : block;
                block.append(line).append(System.lineSeparator());
            }
            if (block != null) {
                out.print(block);
                out.flush();
            }
        }
    }

    /** Stops the log's thread and writes what is left. */
    @Override
    public void close() {
        writer.shutdownNow();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write();
    }

    @Override
    public void messageStored(ReceivedMessage message) {
        StringBuilder line = new StringBuilder(160);
        line.append("accepted message ").append(message.id()).append(" from <").append(message.from()).append("> to ");
        for (int i = 0; i < message.to().size(); i++) {
            line.append(i == 0 ? "<" : ", <").append(message.to().get(i)).append('>');
        }
        line.append(" (").append(message.size()).append(" octets, connection ").append(message.connectionId()).append(')');
        line(message.receivedAt(), line);
    }

    @Override
    public void refused(int connectionId, String clientAddress, Exchange exchange) {
        String what = exchange.command() == null ? "the connection" : exchange.command().equals(".") ? "the message" : exchange.command();
        String reply = exchange.reply().get(0) + (exchange.reply().size() > 1 ? " ..." : "");
        String by = exchange.rule() == null ? "receiver" : exchange.rule().startsWith("limit:") ? exchange.rule() : "rule " + exchange.rule();
        line(exchange.at(), "refused " + what + ": " + reply + " [" + by + "] (connection " + connectionId + " from "
                + clientAddress + ")");
    }

    /**
     * Queues a line. What a client sent (a command, an address, a reply that names its recipient)
     * is in it: its control characters are escaped ({@link OneLineErrors#escaped}), so that an
     * escape sequence or a lone CR never reaches the terminal that runs serve.
     */
    private void line(Instant at, CharSequence text) {
        pending.add(times.format(at) + ' ' + OneLineErrors.escaped(text.toString()));
    }

    /**
     * {@code Instant.truncatedTo(MILLIS).toString()}, the date and time to the second formatted once
     * per second: log lines come in bursts, and formatting each instant anew costs more than the
     * rest of the line.
     */
    static final class Timestamps {
        private record Second(long epochSecond, String text) {
        }

        private volatile Second last = new Second(Long.MIN_VALUE, "");

        String format(Instant at) {
            long second = at.getEpochSecond();
            Second cached = last;
            if (cached.epochSecond() != second) {
                String whole = Instant.ofEpochSecond(second).toString(); // ...THH:MM:SSZ
                cached = new Second(second, whole.substring(0, whole.length() - 1));
                last = cached;
            }
            int millis = at.getNano() / 1_000_000;
            if (millis == 0) {
                return cached.text() + 'Z';
            }
            return cached.text() + '.' + (char) ('0' + millis / 100) + (char) ('0' + millis / 10 % 10)
                    + (char) ('0' + millis % 10) + 'Z';
        }
    }
}
