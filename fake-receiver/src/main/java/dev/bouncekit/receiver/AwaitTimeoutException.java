package dev.bouncekit.receiver;

/**
 * Thrown by the {@code await...} methods of {@link FakeReceiver} when what was awaited did not
 * happen in time; the message says what was expected and what the receiver saw.
 */
public final class AwaitTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A timeout described by the message. */
    public AwaitTimeoutException(String message) {
        super(message);
    }
}
