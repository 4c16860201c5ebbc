package dev.bouncekit.receiver;

/**
 * Told what a {@link FakeReceiver} does as it happens: every message it stores and every reply by
 * which it refuses something (a 4xx or 5xx to the greeting, a command or a message). Set with
 * {@link FakeReceiver.Builder#listener(ReceiverListener)}; {@code bouncekit serve} logs through one.
 *
 * <p>Called on the connection's thread once the event is in the transcript, so keep it short.
 * What a listener throws is logged and does not reach the SMTP session.
 */
public interface ReceiverListener {

    /** A message was accepted and stored. */
    default void messageStored(ReceivedMessage message) {
    }

    /**
     * A reply refused something.
     *
     * @param connectionId  the connection's number in the transcript
     * @param clientAddress the client's IP address
     * @param exchange      the command and the complete reply, with the rule (or limit) that answered
     */
    default void refused(int connectionId, String clientAddress, Exchange exchange) {
    }
}
