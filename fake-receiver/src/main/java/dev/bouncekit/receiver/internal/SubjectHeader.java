package dev.bouncekit.receiver.internal;

import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * The decoded Subject of a message as received, read from its header block alone: the first
 * {@code Subject} header (any case), its continuation lines unfolded and its encoded words
 * decoded, as {@code MimeMessage.getSubject()} gives it with GreenMail's session (header octets
 * read as UTF-8), without parsing the message.
 */
final class SubjectHeader {

    private static final byte[] NAME = "subject:".getBytes(StandardCharsets.US_ASCII);

    private SubjectHeader() {
    }

    /** The subject, or empty when the header block has none. */
    static String of(byte[] message) {
        int line = 0;
        while (line < message.length) {
            int end = lineEnd(message, line);
            if (contentEnd(message, line, end) == line) {
                return "";
            }
            if (startsWithName(message, line)) {
                int last = end;
                while (last < message.length && (message[last] == ' ' || message[last] == '\t')) {
                    last = lineEnd(message, last);
                }
                String value = new String(message, line + NAME.length, contentEnd(message, line, last)
                        - line - NAME.length, StandardCharsets.UTF_8);
                return decode(value.stripLeading());
            }
            line = end;
        }
        return "";
    }

    private static String decode(String value) {
        String unfolded = MimeUtility.unfold(value);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }

    /** The start of the next line: just after the LF ending the line at {@code start}, or the end. */
    private static int lineEnd(byte[] message, int start) {
        for (int i = start; i < message.length; i++) {
            if (message[i] == '\n') {
                return i + 1;
            }
        }
        return message.length;
    }

    /** Where the text of the lines from {@code start} to {@code end} stops, line ending excluded. */
    private static int contentEnd(byte[] message, int start, int end) {
        int e = end;
        if (e > start && message[e - 1] == '\n') {
            e--;
        }
        if (e > start && message[e - 1] == '\r') {
            e--;
        }
        return e;
    }

    private static boolean startsWithName(byte[] message, int start) {
        if (message.length - start < NAME.length) {
            return false;
        }
        for (int i = 0; i < NAME.length; i++) {
            int b = message[start + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != NAME[i]) {
                return false;
            }
        }
        return true;
    }
}
