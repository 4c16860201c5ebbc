package dev.bouncekit.receiver.gate;

import dev.bouncekit.receiver.Exchange;
import dev.bouncekit.receiver.TranscriptConnection;

import java.util.List;

/**
 * Writes transcripts the way RFC 5321 shows sessions: {@code C:} for what the client sent,
 * {@code S:} for each reply line the receiver sent, and the rule that answered.
 *
 * <pre>
 * [connection 1 #3] C: RCPT TO:&lt;ghost@gmail.com&gt;
 *                   S: 550 5.1.1 User unknown
 *                   (rule RCPT recipient=ghost@gmail.com -&gt; generic/user-unknown)
 * </pre>
 */
public final class TranscriptFormat {

    private TranscriptFormat() {
    }

    /** Every connection with every exchange, for a failed test's report. */
    public static String connections(List<TranscriptConnection> transcript) {
        if (transcript.isEmpty()) {
            return "  (no connections)\n";
        }
        StringBuilder out = new StringBuilder();
        for (TranscriptConnection c : transcript) {
            out.append("connection ").append(c.id()).append(" from ").append(c.clientAddress()).append(':')
                    .append(c.clientPort()).append(c.isClosed() ? " (closed)" : " (open)").append('\n');
            for (Exchange e : c.exchanges()) {
                appendExchange(out, "  ", e);
            }
        }
        return out.toString();
    }

    /** One exchange with its place, each line starting with {@code indent}. */
    public static String exchange(TranscriptConnection connection, Exchange exchange, String indent) {
        StringBuilder out = new StringBuilder();
        String place = "[connection " + connection.id() + " #" + exchange.index() + "] ";
        appendExchange(out, indent + place, indent + " ".repeat(place.length()), exchange);
        return out.toString();
    }

    /** The command as the client sent it, or a description of the greeting. */
    public static String command(Exchange exchange) {
        return exchange.command() == null ? "(connected)" : exchange.command();
    }

    /** The reply lines on one line, separated by {@code " | "}, for short mentions. */
    public static String replyInline(Exchange exchange) {
        return exchange.reply().isEmpty() ? "(no reply: connection closed)" : String.join(" | ", exchange.reply());
    }

    private static void appendExchange(StringBuilder out, String indent, Exchange exchange) {
        appendExchange(out, indent, indent, exchange);
    }

    private static void appendExchange(StringBuilder out, String first, String rest, Exchange exchange) {
        out.append(first).append("C: ").append(command(exchange)).append('\n');
        if (exchange.reply().isEmpty()) {
            out.append(rest).append("S: (no reply: connection closed)\n");
        }
        for (String line : exchange.reply()) {
            out.append(rest).append("S: ").append(line).append('\n');
        }
        if (exchange.rule() != null) {
            out.append(rest).append("(rule ").append(exchange.rule()).append(")\n");
        }
    }
}
