package dev.bouncekit.reply;

import java.util.Locale;
import java.util.Optional;

/** The point of an SMTP transaction at which a server answered: where a reply was received or is sent. */
public enum SmtpStage {
    /** The greeting sent when the client connects. */
    CONNECT,
    /** The answer to {@code EHLO} or {@code HELO}. */
    EHLO,
    /** The answer to {@code MAIL FROM}. */
    MAIL,
    /** The answer to {@code RCPT TO}. */
    RCPT,
    /** The answer after the final dot of {@code DATA} (or to {@code DATA} itself). */
    DATA;

    /**
     * Reads a stage name as found in logs, DSNs and configuration: {@code CONNECT}, {@code EHLO},
     * {@code HELO}, {@code MAIL}, {@code MAIL FROM}, {@code RCPT}, {@code RCPT TO}, {@code DATA},
     * {@code BDAT}, case-insensitive.
     *
     * @return the stage, or empty for null, blank or unknown names
     */
    public static Optional<SmtpStage> parse(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(read(name, 0, name.length()));
    }

    /**
     * {@link #parse(String)} of {@code text[from, to)}, or null: copies nothing when the range is
     * ASCII, whose upper case is one character for one.
     */
    static SmtpStage read(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) >= 128) {
                return named(text.substring(from, to).trim().toUpperCase(Locale.ROOT));
            }
        }
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        if (to == from) {
            return null;
        }
        if (startsWith(text, from, to, "CONN") || is(text, from, to, "GREETING") || is(text, from, to, "BANNER")) {
            return CONNECT;
        }
        if (startsWith(text, from, to, "EHLO") || startsWith(text, from, to, "HELO") || startsWith(text, from, to, "LHLO")) {
            return EHLO;
        }
        if (startsWith(text, from, to, "MAIL")) {
            return MAIL;
        }
        if (startsWith(text, from, to, "RCPT")) {
            return RCPT;
        }
        if (startsWith(text, from, to, "DATA") || startsWith(text, from, to, "BDAT") || is(text, from, to, "END OF DATA")) {
            return DATA;
        }
        return null;
    }

    private static boolean startsWith(String text, int from, int to, String upper) {
        return to - from >= upper.length() && text.regionMatches(true, from, upper, 0, upper.length());
    }

    private static boolean is(String text, int from, int to, String upper) {
        return to - from == upper.length() && text.regionMatches(true, from, upper, 0, upper.length());
    }

    /** The stage an upper-case, trimmed name names, or null. */
    private static SmtpStage named(String n) {
        if (n.isEmpty()) {
            return null;
        }
        if (n.startsWith("CONN") || n.equals("GREETING") || n.equals("BANNER")) {
            return CONNECT;
        }
        if (n.startsWith("EHLO") || n.startsWith("HELO") || n.startsWith("LHLO")) {
            return EHLO;
        }
        if (n.startsWith("MAIL")) {
            return MAIL;
        }
        if (n.startsWith("RCPT")) {
            return RCPT;
        }
        if (n.startsWith("DATA") || n.startsWith("BDAT") || n.equals("END OF DATA")) {
            return DATA;
        }
        return null;
    }
}
