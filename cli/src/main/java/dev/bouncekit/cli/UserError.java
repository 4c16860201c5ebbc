package dev.bouncekit.cli;

/**
 * A mistake in how a command was called or in what it was given: a missing file, a file of the
 * wrong kind, an unknown name. Reported as one line, {@code bouncekit <command>: <message>}, with
 * exit status 1; the message says what is wrong and how to put it right.
 */
final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message, null, false, false);
    }
}
