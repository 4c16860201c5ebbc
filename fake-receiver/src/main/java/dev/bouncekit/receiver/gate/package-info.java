/**
 * The release gate over a receiver's transcript, shared by the JUnit assertions and the server's
 * {@code GET /api/v1/gate}: no retry after a permanent refusal, a retry after each temporary one,
 * and a bounce rate under a limit.
 */
package dev.bouncekit.receiver.gate;
