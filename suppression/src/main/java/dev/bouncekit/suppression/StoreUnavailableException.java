package dev.bouncekit.suppression;

/**
 * The store could not answer: the database is down or unreachable, the file cannot be read or
 * written. The mailets catch it, log it, count it, and let mail go on.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With what failed, and why. */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
