package dev.bouncekit.reply;

import dev.bouncekit.status.EnhancedStatusCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A structured SMTP reply or delivery-failure text: the RFC 5321 basic code, the RFC 3463
 * enhanced status code, and the human text, line by line. Built by {@link ReplyParser} from any
 * shape a failure arrives in, or directly for replies a server is to send.
 *
 * @param code         the three-digit basic reply code, or {@link #NO_CODE} when the text has none
 * @param status       the enhanced status code, or null when the text has none
 * @param lines        the text lines, without basic code, continuation marks or enhanced code;
 *                     never null, may be empty, immutable, none holding CR or LF (the constructor
 *                     throws {@link IllegalArgumentException}). A parsed reply keeps them as its
 *                     {@link #text()} and makes a line's string when the list is read.
 * @param reportedStage the SMTP stage the text itself names (Postfix's "in reply to RCPT TO
 *                     command"), or null
 * @param reportedHost the remote host the text itself names (Postfix's "host mx.example said:",
 *                     a DSN {@code Remote-MTA}), or null
 * @param reportedRecipient the recipient address the text itself names outside the reply (Exim's
 *                     "after RCPT TO:&lt;a@b&gt;:", a DSN {@code Final-Recipient}), or null
 */
public record SmtpReply(int code, EnhancedStatusCode status, List<String> lines,
                        SmtpStage reportedStage, String reportedHost, String reportedRecipient) {

    /** The {@link #code()} of a reply that has no basic code. */
    public static final int NO_CODE = 0;

    public SmtpReply {
        if (code != NO_CODE && (code < 200 || code > 599)) {
            throw new IllegalArgumentException("basic reply code must be 200 to 599, not " + code);
        }
        if (!(lines instanceof JoinedLines)) {
            lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("reply text lines must be single lines, without CR or LF: line "
                            + (i + 1) + " is '" + line.replace("\r", "\\r").replace("\n", "\\n")
                            + "'; give each line of a multi-line reply as a line of its own");
                }
            }
        }
    }

    /** A reply that names no recipient of its own. */
    public SmtpReply(int code, EnhancedStatusCode status, List<String> lines, SmtpStage reportedStage,
                     String reportedHost) {
        this(code, status, lines, reportedStage, reportedHost, null);
    }

    /**
     * A reply to send or compare, e.g. {@code SmtpReply.of(550, "5.1.1", "User unknown")}.
     *
     * @param status    enhanced status code text, or null for none
     * @param textLines one or more text lines
     * @throws IllegalArgumentException for a code outside 200 to 599, a status that is no enhanced status
     *                                  code, or a text line holding CR or LF
     */
    public static SmtpReply of(int code, String status, String... textLines) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("basic reply code must be 200 to 599, not " + code);
        }
        EnhancedStatusCode parsed = status == null || status.isBlank() ? null : EnhancedStatusCode.of(status);
        return new SmtpReply(code, parsed, List.of(textLines), null, null);
    }

    /** True when the reply carries a basic code. */
    public boolean hasCode() {
        return code != NO_CODE;
    }

    /** The enhanced status code, when the reply has one. */
    public Optional<EnhancedStatusCode> enhancedStatus() {
        return Optional.ofNullable(status);
    }

    /** The text lines joined by single spaces (for a parsed reply, made once by the parse). */
    public String text() {
        if (lines instanceof JoinedLines joined) {
            return joined.text();
        }
        return lines.size() == 1 ? lines.get(0) : lines.isEmpty() ? "" : String.join(" ", lines);
    }

    /** True when the reply has neither code, status nor text. */
    public boolean isEmpty() {
        if (code != NO_CODE || status != null) {
            return false;
        }
        if (lines instanceof JoinedLines joined) {
            return joined.text().isBlank();
        }
        for (String line : lines) {
            if (!line.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** True for a 5xx code, or for a 5.x.x status when there is no code. */
    public boolean isPermanent() {
        return hasCode() ? code >= 500 : status != null && status.isPermanent();
    }

    /** True for a 4xx code, or for a 4.x.x status when there is no code. */
    public boolean isTransient() {
        return hasCode() ? code >= 400 && code < 500 : status != null && status.isTransient();
    }

    /**
     * The reply as lines on the wire, without line endings: {@code 550-5.1.1 first},
     * {@code 550 5.1.1 last}. The enhanced code is repeated on every line, as providers send it.
     *
     * @throws IllegalStateException when the reply has no basic code
     */
    public List<String> wireLines() {
        if (!hasCode()) {
            throw new IllegalStateException("a reply without a basic code cannot be sent: " + this);
        }
        List<String> text = lines.isEmpty() ? List.of("") : lines;
        List<String> out = new ArrayList<>(text.size());
        for (int i = 0; i < text.size(); i++) {
            StringBuilder line = new StringBuilder().append(code).append(i == text.size() - 1 ? ' ' : '-');
            if (status != null) {
                line.append(status).append(' ');
            }
            line.append(text.get(i));
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    /** The reply as sent on the wire: {@link #wireLines()} each ended by CRLF. */
    public String toWire() {
        StringBuilder out = new StringBuilder();
        for (String line : wireLines()) {
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    /** The reply on one line, as logs show it: {@code 550 5.1.1 text text}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (hasCode()) {
            out.append(code);
        }
        if (status != null) {
            out.append(out.length() > 0 ? " " : "").append(status);
        }
        String text = text();
        if (!text.isEmpty()) {
            out.append(out.length() > 0 ? " " : "").append(text);
        }
        return out.toString();
    }
}
