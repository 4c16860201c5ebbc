package dev.bouncekit.cli;

import dev.bouncekit.receiver.Exchange;
import dev.bouncekit.receiver.ReceivedMessage;
import dev.bouncekit.receiver.ReceiverListener;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/**
 * What {@code bouncekit serve} logs while it runs, one line per event on standard output:
 * <pre>
 * 2026-12-01T21:55:31.123Z accepted message 1 from &lt;app@shop.test&gt; to &lt;alice@example.com&gt; (842 octets, connection 3 from 127.0.0.1)
 * 2026-12-01T21:55:31.140Z refused RCPT TO:&lt;ghost@gmail.com&gt;: 550-5.1.1 The email account ... [rule RCPT recipient=ghost@gmail.com -&gt; gmail/user-unknown] (connection 3 from 127.0.0.1)
 * </pre>
 * A refusal the receiver gives on its own (a protocol error, a limit) shows {@code [receiver]} or
 * its {@code limit: ...} label instead of a rule.
 */
final class ServeLog implements ReceiverListener {

    private final PrintWriter out;

    ServeLog(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void messageStored(ReceivedMessage message) {
        line(message.receivedAt(), "accepted message " + message.id() + " from <" + message.from() + "> to "
                + message.to().stream().map(to -> "<" + to + ">").collect(Collectors.joining(", "))
                + " (" + message.size() + " octets, connection " + message.connectionId() + ")");
    }

    @Override
    public void refused(int connectionId, String clientAddress, Exchange exchange) {
        String what = exchange.command() == null ? "the connection" : exchange.command().equals(".") ? "the message" : exchange.command();
        String reply = exchange.reply().get(0) + (exchange.reply().size() > 1 ? " ..." : "");
        String by = exchange.rule() == null ? "receiver" : exchange.rule().startsWith("limit:") ? exchange.rule() : "rule " + exchange.rule();
        line(exchange.at(), "refused " + what + ": " + reply + " [" + by + "] (connection " + connectionId + " from "
                + clientAddress + ")");
    }

    private void line(Instant at, String text) {
        synchronized (out) {
            out.println(at.truncatedTo(ChronoUnit.MILLIS) + " " + text);
            out.flush();
        }
    }
}
