package dev.bouncekit.receiver.internal;

import java.util.List;

/**
 * What the receiver knows when it decides an answer, lower-cased once so that rules compare
 * without allocating. Unknown facts are null; {@code recipients} holds the recipient of a
 * {@code RCPT TO}, or every accepted recipient at DATA.
 */
record Facts(String client, String helo, String sender, List<String> recipients) {

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1);
    }
}
