package dev.bouncekit.reply;

/**
 * The server's reply inside a Java exception's text, as Jakarta Mail (and Angus Mail, JavaMail)
 * words a failed send and as applications log it: {@code org.eclipse.angus.mail.smtp.SMTPAddressFailedException:
 * 550 5.1.1 ...}, often nested in a {@code SendFailedException} or Spring's {@code MailSendException}
 * ({@code Failed messages: jakarta.mail.SendFailedException: Invalid Addresses; nested exception is: ...}).
 * The wrappers' own words ("Invalid Addresses") are not the server's: the reply starts after the
 * last exception name followed by a reply code. Jakarta Mail's exception names the stage:
 * {@code SMTPAddressFailedException} a recipient's (RCPT), {@code SMTPSenderFailedException} the
 * sender's (MAIL).
 *
 * <p>A stack trace logged with the exception ({@code printStackTrace()}, a logger's) is not the server's
 * either: the reply ends before the first line after its own that is a stack frame (white space,
 * {@code at }, a qualified name and {@code (}: {@code \tat com.example.Campaign.run(Campaign.java:42)}),
 * {@code ... 12 more} (or a logger's {@code ... 12 common frames omitted}), or starts another exception,
 * {@code Caused by:} or {@code Suppressed:}. The line the reply starts on is its own, even when it is a
 * {@code Caused by: ...SMTPAddressFailedException: 550 ...} line.
 */
final class JavaExceptionText {

    private static final String MARK = "Exception: ";
    private static final String CAUSED_BY = "Caused by:";
    private static final String SUPPRESSED = "Suppressed:";

    private JavaExceptionText() {
    }

    /**
     * Where the reply starts in {@code raw}: just after the last {@code ...Exception: } that a Java
     * class name ends and a reply code follows; -1 when there is none. Linear in the length.
     */
    static int replyAt(String raw) {
        int found = -1;
        for (int at = raw.indexOf(MARK); at >= 0; at = raw.indexOf(MARK, at + MARK.length())) {
            int reply = at + MARK.length();
            if (reply + 3 <= raw.length() && isCode(raw, reply) && endsClassName(raw, at)) {
                found = reply;
            }
        }
        return found;
    }

    /**
     * Where the reply that starts at {@code replyAt} ends in {@code raw}: at the start of the first line
     * after the one {@code replyAt} is on that belongs to a stack trace (a frame, {@code ... N more},
     * {@code Caused by:}, {@code Suppressed:}); the length of {@code raw} when there is none. Reads each
     * line once, up to where it is told apart.
     */
    static int replyEnd(String raw, int replyAt) {
        int n = raw.length();
        int nextLf = ReplyParser.indexOrEnd(raw, '\n', replyAt);
        int nextCr = ReplyParser.indexOrEnd(raw, '\r', replyAt);
        int end = Math.min(nextLf, nextCr);  // every \r and every \n ends a line
        while (end < n) {
            int from = end + 1;
            if (nextLf < from) {
                nextLf = ReplyParser.indexOrEnd(raw, '\n', from);
            }
            if (nextCr < from) {
                nextCr = ReplyParser.indexOrEnd(raw, '\r', from);
            }
            end = Math.min(nextLf, nextCr);
            if (isTraceLine(raw, from, end)) {
                return from;
            }
        }
        return n;
    }

    /** Whether {@code raw[from, to)}, one line, is a stack frame, {@code ... N more}, {@code Caused by:} or {@code Suppressed:}. */
    private static boolean isTraceLine(String raw, int from, int to) {
        int i = from;
        while (i < to && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
            i++;
        }
        if (i == to) {
            return false;
        }
        return i > from && isFrame(raw, i, to)
                || raw.startsWith(CAUSED_BY, i) || raw.startsWith(SUPPRESSED, i)
                || isFramesLeftOut(raw, i, to);
    }

    /** {@code at }, then a qualified name (no white space, with a dot) and {@code (}, at {@code i}. */
    private static boolean isFrame(String raw, int i, int to) {
        if (!raw.startsWith("at ", i)) {
            return false;
        }
        boolean dot = false;
        for (int k = i + 3; k < to; k++) {
            char c = raw.charAt(k);
            if (c == '(') {
                return dot;
            }
            if (c <= ' ') {
                return false;
            }
            dot |= c == '.';
        }
        return false;
    }

    /** {@code ... N more} or {@code ... N common frames omitted} at {@code i}, then only white space. */
    private static boolean isFramesLeftOut(String raw, int i, int to) {
        if (!raw.startsWith("... ", i)) {
            return false;
        }
        int k = i + 4;
        int digits = k;
        while (k < to && isDigit(raw.charAt(k))) {
            k++;
        }
        if (k == digits) {
            return false;
        }
        if (raw.startsWith(" more", k)) {
            k += " more".length();
        } else if (raw.startsWith(" common frames omitted", k)) {
            k += " common frames omitted".length();
        } else {
            return false;
        }
        while (k < to && raw.charAt(k) <= ' ') {
            k++;
        }
        return k >= to;
    }

    /** The stage the exception whose name ends just before {@code replyAt} names, or null. */
    static SmtpStage stageBefore(String raw, int replyAt) {
        int end = replyAt - MARK.length();
        if (raw.startsWith("SMTPAddressFailed", end - "SMTPAddressFailed".length())) {
            return SmtpStage.RCPT;
        }
        if (raw.startsWith("SMTPSenderFailed", end - "SMTPSenderFailed".length())) {
            return SmtpStage.MAIL;
        }
        return null;
    }

    private static boolean isCode(String s, int at) {
        char a = s.charAt(at);
        return (a == '4' || a == '5') && isDigit(s.charAt(at + 1)) && isDigit(s.charAt(at + 2))
                && (at + 3 == s.length() || s.charAt(at + 3) <= ' ' || s.charAt(at + 3) == '-');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Whether a qualified Java class name ends at {@code end}: letters, digits, {@code $} and
     * {@code _}, with at least one dot, after white space, a colon or the start of the text.
     * Looks back at most 200 characters.
     */
    private static boolean endsClassName(String s, int end) {
        int dots = 0;
        int i = end - 1;
        int limit = Math.max(0, end - 200);
        for (; i >= limit; i--) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '$' || c == '_'))) {
                break;
            }
        }
        return dots > 0 && (i < 0 || s.charAt(i) <= ' ' || s.charAt(i) == ':') && i + 1 < end && s.charAt(i + 1) != '.';
    }
}
