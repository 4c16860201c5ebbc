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
 */
final class JavaExceptionText {

    private static final String MARK = "Exception: ";

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
