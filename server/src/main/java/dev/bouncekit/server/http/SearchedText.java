package dev.bouncekit.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The text of a stored message that a search reads, as the API documents it: its address and subject header fields
 * and its body, lower-cased. The trace fields the receiver adds to every message ({@code Received}, with the time and
 * the client's address, and {@code Return-Path}) and the client's other header fields are left out, so that a search
 * for {@code 12} or {@code helo} does not find every message.
 */
final class SearchedText {

    /** The header fields searched: those that name an address, and the subject. */
    private static final Set<String> FIELDS = Set.of("from", "to", "cc", "bcc", "reply-to", "sender", "subject");

    private SearchedText() {
    }

    /** The searched text of the message {@code raw}, lower-cased. */
    static String of(byte[] raw) {
        String message = new String(raw, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        boolean keep = false;
        int at = 0;
        while (at < message.length()) {
            int end = message.indexOf('\n', at);
            int next = end < 0 ? message.length() : end + 1;
            String line = message.substring(at, end < 0 ? message.length() : end);
            if (line.isEmpty() || line.equals("\r")) {
                return out.append(message, next, message.length()).toString().toLowerCase(Locale.ROOT);
            }
            if (line.charAt(0) != ' ' && line.charAt(0) != '\t') {
                int colon = line.indexOf(':');
                keep = colon > 0 && FIELDS.contains(line.substring(0, colon).trim().toLowerCase(Locale.ROOT));
            }
            if (keep) {
                out.append(line).append('\n');
            }
            at = next;
        }
        return out.toString().toLowerCase(Locale.ROOT); // headers only: no body
    }
}
