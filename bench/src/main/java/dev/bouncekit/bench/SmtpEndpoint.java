package dev.bouncekit.bench;

/**
 * An SMTP server under measurement, listening on 127.0.0.1: stock GreenMail or bouncekit's fake
 * receiver. Closing it stops the server.
 */
public interface SmtpEndpoint extends AutoCloseable {

    /** The name shown in the results table. */
    String name();

    /** The SMTP port it listens on, on 127.0.0.1. */
    int port();

    /** Forgets the mail received so far, so that runs do not pile up messages in memory. */
    void clearMail();

    /** Stops the server. */
    @Override
    void close();
}
