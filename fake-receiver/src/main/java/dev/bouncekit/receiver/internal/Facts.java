package dev.bouncekit.receiver.internal;

import java.util.List;

/**
 * What the receiver knows when it decides an answer, lower-cased once so that rules compare
 * without allocating. Unknown facts are null; {@code recipients} holds the recipient of a
 * {@code RCPT TO}, or every accepted recipient at DATA. {@code envelopeSender} and
 * {@code envelopeRecipients} are the same addresses as the client wrote them, for replies that name them.
 */
record Facts(String client, String helo, String sender, List<String> recipients, String envelopeSender,
             List<String> envelopeRecipients) {

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }
}
