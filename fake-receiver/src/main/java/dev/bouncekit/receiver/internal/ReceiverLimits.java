package dev.bouncekit.receiver.internal;

import java.time.Duration;

/**
 * The limits one receiver enforces on every SMTP connection.
 *
 * @param maxConnections connections served at once; more are answered {@code 421 4.7.0} and closed
 * @param idleTimeout    how long a read or a write may wait before the connection is closed
 * @param maxMessageSize the largest message accepted, in octets after dot-unstuffing
 * @param maxRecipients  recipients accepted in one transaction; more are answered {@code 452 4.5.3}
 */
public record ReceiverLimits(int maxConnections, Duration idleTimeout, long maxMessageSize, int maxRecipients) {

    /** The idle timeout as socket timeouts take it: whole milliseconds, at least 1. */
    int idleTimeoutMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()));
    }
}
