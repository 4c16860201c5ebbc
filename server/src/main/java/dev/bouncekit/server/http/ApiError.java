package dev.bouncekit.server.http;

/** An HTTP error with its status and message, answered as {@code {"error": "..."}}; a 405 names what is allowed. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    String allow;

    ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    ApiError allow(String methods) {
        this.allow = methods;
        return this;
    }
}
