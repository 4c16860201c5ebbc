package dev.bouncekit.receiver.gate;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.receiver.Exchange;
import dev.bouncekit.receiver.TranscriptConnection;
import dev.bouncekit.reply.SmtpStage;

/**
 * One thing a client tried, as the transcript shows it: a recipient ({@code RCPT TO}), the
 * delivery of a message to one recipient (the reply to {@code DATA} or to the final dot), a sender
 * ({@code MAIL FROM}), or a connection (greeting and {@code EHLO}).
 *
 * @param kind       what was tried
 * @param address    the address tried, lower-cased ({@code ""} for the null sender and for connections)
 * @param connection the connection it happened on
 * @param exchange   the exchange whose reply decided it
 */
public record Attempt(Kind kind, String address, TranscriptConnection connection, Exchange exchange) {

    /** What an attempt tried. */
    public enum Kind {
        /** {@code RCPT TO}. */
        RECIPIENT,
        /** The message for one accepted recipient, decided by the reply to {@code DATA} or the final dot. */
        DELIVERY,
        /** {@code MAIL FROM}. */
        SENDER,
        /** The greeting or {@code EHLO}/{@code HELO}. */
        CONNECTION
    }

    /** The basic reply code, 0 when the connection closed without one. */
    public int code() {
        return exchange.code();
    }

    /** A 5xx reply. */
    public boolean permanent() {
        return code() >= 500;
    }

    /** A 4xx reply, or the connection closed without a reply: worth another try. */
    public boolean temporary() {
        return (code() >= 400 && code() < 500) || exchange.reply().isEmpty();
    }

    /** A 4xx or 5xx reply. */
    public boolean refused() {
        return code() >= 400;
    }

    /** True when this attempt came after {@code other}: later on the same connection, or later in time. */
    public boolean isAfter(Attempt other) {
        if (connection.id() == other.connection.id()) {
            return exchange.index() > other.exchange.index();
        }
        int byTime = exchange.at().compareTo(other.exchange.at());
        return byTime > 0 || (byTime == 0 && connection.id() > other.connection.id());
    }

    /** The reply classified with what the transcript knows: the stage and the recipient. */
    public Classification classification() {
        SmtpStage stage = exchange.stage() != null ? exchange.stage() : SmtpStage.CONNECT;
        DeliveryContext context = DeliveryContext.at(stage);
        if (kind == Kind.RECIPIENT || kind == Kind.DELIVERY) {
            context = context.withRecipient(address);
        }
        return BounceClassifier.builtIn().classify(String.join("\n", exchange.reply()), context);
    }

    /** The exchange with its place in the transcript, each line starting with {@code indent}. */
    public String describe(String indent) {
        return TranscriptFormat.exchange(connection, exchange, indent);
    }
}
