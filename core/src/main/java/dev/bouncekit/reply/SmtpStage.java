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
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (n.startsWith("CONN") || n.equals("GREETING") || n.equals("BANNER")) {
            return Optional.of(CONNECT);
        }
        if (n.startsWith("EHLO") || n.startsWith("HELO") || n.startsWith("LHLO")) {
            return Optional.of(EHLO);
        }
        if (n.startsWith("MAIL")) {
            return Optional.of(MAIL);
        }
        if (n.startsWith("RCPT")) {
            return Optional.of(RCPT);
        }
        if (n.startsWith("DATA") || n.startsWith("BDAT") || n.equals("END OF DATA")) {
            return Optional.of(DATA);
        }
        return Optional.empty();
    }
}
