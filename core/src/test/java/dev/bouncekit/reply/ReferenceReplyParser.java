package dev.bouncekit.reply;

import dev.bouncekit.status.EnhancedStatusCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply parser as it was before it read lines as ranges of the input: every step on a copy of
 * the line. Kept as the reference that {@link ReplyParserProperties} holds {@link ReplyParser} to.
 */
final class ReferenceReplyParser {

    private static final SmtpReply EMPTY = new SmtpReply(SmtpReply.NO_CODE, null, List.of(), null, null);

    private static final String[] OTHER_DSN_FIELDS = {"Action:", "Final-Recipient:", "Original-Recipient:",
        "Reporting-MTA:", "Last-Attempt-Date:", "Arrival-Date:", "Will-Retry-Until:",
        "X-Postfix-Queue-ID:", "X-Postfix-Sender:", "Received-From-MTA:"};

    /** Length of the longest DSN field name read here, colon included. */
    private static final int LONGEST_FIELD = "Original-Recipient:".length();

    /** Characters from its start that decide whether an enhanced status code stands there. */
    private static final int STATUS_WINDOW = 11;

    /** A qualified Java class name ending in Exception, then a reply code: Jakarta Mail's failures. */
    private static final Pattern JAVA_EXCEPTION = Pattern.compile(
            "(?<![^\\x00-\\x20:])([A-Za-z0-9_$][A-Za-z0-9_$]*\\.[A-Za-z0-9_$.]*?)Exception: (?=[45][0-9][0-9](?:[\\x00-\\x20-]|\\z))");

    /** A line of a stack trace: a frame, frames left out, or the next exception. */
    private static final Pattern TRACE_LINE = Pattern.compile(
            "(?s)[ \\t]+at [^\\x00-\\x20(]*\\.[^\\x00-\\x20(]*\\(.*"
            + "|[ \\t]*\\.\\.\\. [0-9]+ (?:more|common frames omitted)[\\x00-\\x20]*"
            + "|[ \\t]*(?:Caused by|Suppressed):.*");

    private ReferenceReplyParser() {
    }

    /** {@code reply} up to its first line after the first that {@link #TRACE_LINE} matches whole. */
    private static String withoutTrace(String reply) {
        String[] lines = reply.split("[\\r\\n]", -1);
        int end = lines[0].length();
        for (int k = 1; k < lines.length; k++) {
            if (TRACE_LINE.matcher(lines[k]).matches()) {
                return reply.substring(0, end + 1);
            }
            end += 1 + lines[k].length();
        }
        return reply;
    }

    /** Parses {@code raw}, its encoded words decoded as {@link ReplyParser} decodes them; see the class description for the shapes understood. */
    static SmtpReply parse(String raw) {
        return raw == null ? EMPTY : parseDecoded(EncodedWords.decode(raw));
    }

    private static SmtpReply parseDecoded(String raw) {
        if (raw.isEmpty()) {
            return EMPTY;
        }
        Matcher exception = JAVA_EXCEPTION.matcher(raw);
        int inException = -1;
        SmtpStage exceptionStage = null;
        while (exception.find()) {
            inException = exception.end();
            exceptionStage = exception.group(1).endsWith("SMTPAddressFailed") ? SmtpStage.RCPT
                    : exception.group(1).endsWith("SMTPSenderFailed") ? SmtpStage.MAIL : null;
        }
        if (inException >= 0) {
            SmtpReply reply = parseDecoded(withoutTrace(raw.substring(inException)));
            return reply.reportedStage() != null || exceptionStage == null ? reply
                    : new SmtpReply(reply.code(), reply.status(), reply.lines(), exceptionStage, reply.reportedHost(),
                    reply.reportedRecipient());
        }
        Collected collected = collect(raw);
        List<String> physical = collected.text;
        int code = SmtpReply.NO_CODE;
        EnhancedStatusCode status = null;
        EnhancedStatusCode[] markStatus = {null};  // the enhanced code after the first continuation mark taken out
        String host = collected.remoteHost;
        List<String> lines = new ArrayList<>(physical.size());
        SmtpStage leadInStage = null;
        String recipient = collected.recipient;
        boolean replyNext = false;
        String loneLeadIn = null;
        for (int k = 0; k < physical.size(); k++) {
            String line = stripTransportPrefix(physical.get(k));
            boolean opening = code == SmtpReply.NO_CODE && (lines.isEmpty() || replyNext);
            replyNext = false;
            if (opening) {
                int hostEnd = eximHostEnd(line);
                if ((hostEnd == line.length() || isLoneAddress(line)) && eximLeadInFollows(physical, k + 1)) {
                    if (hostEnd == line.length()) {
                        host = hostName(line.substring(5));
                    } else {
                        recipient = firstAddress(line) != null ? firstAddress(line) : recipient;
                    }
                    continue;  // Exim's failed address or host, on a line of its own before its lead-in
                }
                if (hostEnd > 0 && hostEnd + 2 < line.length() && line.charAt(hostEnd) == ':'
                        && leadingCode(line.substring(hostEnd + 1).trim()) != SmtpReply.NO_CODE) {
                    host = hostName(line.substring(5));
                    line = line.substring(hostEnd + 1).trim();
                }
            }
            if (code == SmtpReply.NO_CODE) {
                int replyAt = afterLeadIn(line);
                if (replyAt == line.length()) {
                    SmtpStage named = eximStage(line, replyAt);
                    if (named != null) {
                        leadInStage = named;
                        if (named == SmtpStage.RCPT) {
                            recipient = firstAddress(line) != null ? firstAddress(line) : recipient;
                        }
                    }
                    replyNext = true;
                    loneLeadIn = line;
                    continue;  // the lead-in alone on its line: the reply follows on the next
                }
                if (replyAt > 0) {
                    opening = true;
                    leadInStage = eximStage(line, replyAt);
                    if (leadInStage == SmtpStage.RCPT) {
                        String named = firstAddress(line.substring(0, replyAt));
                        recipient = named != null ? named : recipient;
                    }
                    line = withoutClosingQuote(line, replyAt);
                }
            }
            String beforeHost = "";
            boolean dashed = false;  // the line starts with a continuation mark, "550-"
            if (opening) {
                int said = indexOfIgnoreCase(line, " said:");
                int hostAt = said < 0 ? -1 : postfixHostAt(line, said);
                if (hostAt >= 0) {
                    host = hostName(line.substring(hostAt + 5, said));
                    beforeHost = line.substring(0, hostAt).trim();
                    line = line.substring(said + 6).trim();
                }
                int lineCode = leadingCode(line);
                if (lineCode != SmtpReply.NO_CODE) {
                    code = lineCode;
                    line = line.substring(3);
                    dashed = line.startsWith("-");
                }
            } else if (code != SmtpReply.NO_CODE && leadingCode(line) == code) {
                line = line.substring(3);
                dashed = line.startsWith("-");
            }
            line = skipSeparators(line);
            int statusEnd = leadingStatusEnd(line);
            if (statusEnd > 0) {
                EnhancedStatusCode lineStatus = EnhancedStatusCode.of(line.substring(0, statusEnd));
                if (status == null) {
                    status = lineStatus;
                }
                line = skipSeparators(line.substring(statusEnd));
            }
            if (code != SmtpReply.NO_CODE) {
                line = removeContinuationMarks(line, code, status, dashed, markStatus);
            }
            line = (beforeHost.isEmpty() || beforeHost.equals("(") ? "" : beforeHost + " ") + line.trim();
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty() && loneLeadIn != null) {
            lines.add(loneLeadIn);  // no reply followed the lead-in: it is the text
        }
        String joined = String.join(" ", lines);
        if (status == null) {
            status = markStatus[0] != null ? markStatus[0] : EnhancedStatusCode.find(joined).orElse(collected.dsnStatus);
        }
        SmtpStage stage = reportedStage(joined);
        if (stage == null) {
            stage = leadInStage;
        }
        return new SmtpReply(code, status, lines, stage, host, recipient);
    }

    /** Splits into lines and takes DSN fields apart. */
    private static Collected collect(String raw) {
        Collected out = new Collected();
        List<String> diagnostic = new ArrayList<>();
        boolean inDiagnostic = false;
        int start = 0;
        int n = raw.length();
        int nextLf = -1;
        int nextCr = -1;
        for (int i = 0; i <= n; i++) {
            if (nextLf < i) {
                nextLf = indexOrEnd(raw, '\n', i);
            }
            if (nextCr < i) {
                nextCr = indexOrEnd(raw, '\r', i);
            }
            i = Math.min(nextLf, nextCr);
            char c = i < n ? raw.charAt(i) : '\n';
            String line = raw.substring(start, i);
            start = i + 1;
            if (c == '\r' && i + 1 < n && raw.charAt(i + 1) == '\n') {
                i++;
                start = i + 1;
            }
            if (inDiagnostic && !line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                diagnostic.add(line.trim());
                continue;
            }
            inDiagnostic = false;
            for (String part : dsnFields(line.trim())) {
                inDiagnostic = field(part.trim(), out, diagnostic);
            }
        }
        if (!diagnostic.isEmpty()) {
            out.text = diagnostic;
        }
        return out;
    }

    /**
     * A line that starts with a DSN field, cut before every DSN field name that follows white space
     * in it (fields flattened onto one line); any other line whole.
     */
    private static List<String> dsnFields(String line) {
        List<String> parts = new ArrayList<>();
        if (!mayBeField(line) || Arrays.stream(DSN_FIELDS).noneMatch(f -> startsWithField(line, f))) {
            parts.add(line);
            return parts;
        }
        int start = 0;
        for (int i = 1; i < line.length(); i++) {
            int at = i;
            if (Character.isWhitespace(line.charAt(i - 1))
                    && Arrays.stream(DSN_FIELDS).anyMatch(f -> line.regionMatches(true, at, f, 0, f.length()))) {
                parts.add(line.substring(start, i));
                start = i;
            }
        }
        parts.add(line.substring(start));
        return parts;
    }

    private static final String[] DSN_FIELDS = {"Diagnostic-Code:", "Status:", "Remote-MTA:", "Final-Recipient:",
        "Action:", "Original-Recipient:", "Reporting-MTA:", "Last-Attempt-Date:", "Arrival-Date:",
        "Will-Retry-Until:", "X-Postfix-Queue-ID:", "X-Postfix-Sender:", "Received-From-MTA:"};

    /** One field or text line; true when it is a Diagnostic-Code field. */
    private static boolean field(String trimmed, Collected out, List<String> diagnostic) {
        if (!mayBeField(trimmed)) {
            if (!trimmed.isEmpty()) {
                out.text.add(trimmed);
            }
        } else if (startsWithField(trimmed, "Diagnostic-Code:")) {
            diagnostic.add(diagnosticText(trimmed, "Diagnostic-Code:".length()));
            return true;
        } else if (startsWithField(trimmed, "Status:")) {
            Optional<EnhancedStatusCode> parsed = EnhancedStatusCode.parse(trimmed.substring(7));
            if (parsed.isPresent()) {
                out.dsnStatus = parsed.get();
            } else {
                out.text.add(trimmed);
            }
        } else if (startsWithField(trimmed, "Remote-MTA:")) {
            out.remoteHost = hostName(afterSemicolon(trimmed, "Remote-MTA:".length()));
        } else if (startsWithField(trimmed, "Final-Recipient:")) {
            String named = firstAddress(afterSemicolon(trimmed, "Final-Recipient:".length()));
            out.recipient = named != null ? named : out.recipient;
        } else if (!isOtherDsnField(trimmed) && !trimmed.isEmpty()) {
            out.text.add(trimmed);
        }
        return false;
    }

    private static boolean isOtherDsnField(String line) {
        for (String field : OTHER_DSN_FIELDS) {
            if (startsWithField(line, field)) {
                return true;
            }
        }
        return false;
    }

    /**
     * False when {@code line} cannot start with any DSN field name: every one starts with a letter
     * (ASCII, or one that case-folds to ASCII) and has its colon within the first
     * {@link #LONGEST_FIELD} characters.
     */
    private static boolean mayBeField(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(0);
        if (c < 128 && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) {
            return false;
        }
        int end = Math.min(line.length(), LONGEST_FIELD);
        for (int i = 1; i < end; i++) {
            if (line.charAt(i) == ':') {
                return true;
            }
        }
        return false;
    }

    /** Index of {@code c} at or after {@code from}, or the length when there is none. */
    private static int indexOrEnd(String text, char c, int from) {
        int at = text.indexOf(c, from);
        return at < 0 ? text.length() : at;
    }

    private static boolean startsWithField(String line, String field) {
        return line.regionMatches(true, 0, field, 0, field.length());
    }

    /** A Diagnostic-Code's text: after its type, or with it when the type is X-Unix. */
    private static String diagnosticText(String line, int from) {
        String rest = line.substring(from).trim();
        int semi = rest.indexOf(';');
        return semi >= 0 && rest.substring(0, semi).toLowerCase(Locale.ROOT).startsWith("x-unix")
                ? rest : afterSemicolon(line, from);
    }

    private static String afterSemicolon(String line, int from) {
        int semi = line.indexOf(';', from);
        return (semi < 0 ? line.substring(from) : line.substring(semi + 1)).trim();
    }

    /** Removes {@code smtp;}, {@code SMTP; } and similar diagnostic-type prefixes. */
    private static String stripTransportPrefix(String line) {
        String t = line.trim();
        if (t.regionMatches(true, 0, "smtp;", 0, 5)) {
            return t.substring(5).trim();
        }
        return t;
    }

    /** How mail servers and clients introduce the reply they quote, lower case, each ending where the reply starts. */
    private static final String[] LEAD_INS = {
        "remote server returned '",                     // Exchange 2007 and later, Office 365 NDRs
        "the response from the remote server was:",    // Outlook.com and Office 365 NDRs
        "the error that the other server returned was:",  // Gmail NDRs
        "the response was:",                           // Gmail NDRs
        "the remote server replied:",
        "remote host said:",                              // qmail: "Remote host said: 550 ..."
        "remote mail server told me:",                    // Apache James's bounce (RemoteDelivery's Bouncer)
        "<<< ",                                          // Sendmail's transcript: the server's reply to ">>> RCPT To:<..>"
    };

    /** Exim's lead-in: {@code SMTP error from remote mail server after RCPT TO:<a@b>: 550 ...}. */
    private static final String[] EXIM_LEAD_INS = {"smtp error from remote mail server after ", "smtp error from remote mailer after ",
        "smtp error from remote server after "};

    /** Characters of an Exim lead-in read before giving up on finding the reply's code. */
    private static final int LONGEST_EXIM_LEAD_IN = 400;

    /**
     * Where the quoted reply starts after a lead-in that begins {@code line} ({@link #LEAD_INS},
     * Exim's {@code SMTP error from remote mail server after ...:}), or -1.
     */
    private static int afterLeadIn(String line) {
        for (String leadIn : LEAD_INS) {
            if (line.regionMatches(true, 0, leadIn, 0, leadIn.length())) {
                int at = leadIn.length();
                while (at < line.length() && line.charAt(at) <= ' ') {
                    at++;
                }
                return at;
            }
        }
        for (String leadIn : EXIM_LEAD_INS) {
            if (line.regionMatches(true, 0, leadIn, 0, leadIn.length())) {
                int limit = Math.min(line.length() - 4, LONGEST_EXIM_LEAD_IN);
                for (int i = leadIn.length(); i < limit; i++) {
                    if (line.charAt(i) == ':' && line.charAt(i + 1) == ' ' && leadingCode(line.substring(i + 2, i + 5)) != SmtpReply.NO_CODE) {
                        return i + 2;
                    }
                }
                return line.endsWith(":") && line.length() <= LONGEST_EXIM_LEAD_IN ? line.length() : -1;
            }
        }
        return -1;
    }

    /** Where Exim's {@code host NAME [IP]} ends in {@code line} when it starts with it, else -1. */
    private static int eximHostEnd(String line) {
        Matcher m = Pattern.compile("(?i)host [\\p{L}\\p{Nd}._-]+ \\[[\\p{L}\\p{Nd}.:]*\\]").matcher(line);
        return m.lookingAt() ? m.end() : -1;
    }

    /** Whether {@code line} is one address and nothing else. */
    private static boolean isLoneAddress(String line) {
        return line.matches("[^\\x00-\\x20@]+@[^\\x00-\\x20@]+");
    }

    /** Whether an Exim lead-in starts a line from {@code k} on, with only Exim's address and host lines before it. */
    private static boolean eximLeadInFollows(List<String> physical, int k) {
        for (int j = k; j < physical.size(); j++) {
            String line = physical.get(j).trim();
            for (String leadIn : EXIM_LEAD_INS) {
                if (line.regionMatches(true, 0, leadIn, 0, leadIn.length())) {
                    return true;
                }
            }
            if (eximHostEnd(line) != line.length() && !isLoneAddress(line)) {
                return false;
            }
        }
        return false;
    }

    /** The stage Exim's lead-in names ({@code after RCPT TO:}, {@code after end of data}), or null. */
    private static SmtpStage eximStage(String line, int replyAt) {
        for (String leadIn : EXIM_LEAD_INS) {
            if (line.regionMatches(true, 0, leadIn, 0, leadIn.length())) {
                String command = line.substring(leadIn.length(), replyAt);
                if (command.regionMatches(true, 0, "pipelined ", 0, 10)) {
                    command = command.substring(10);
                }
                if (command.regionMatches(true, 0, "end of data", 0, 11)) {
                    return SmtpStage.DATA;
                }
                if (command.regionMatches(true, 0, "initial connection", 0, 18)) {
                    return SmtpStage.CONNECT;
                }
                return SmtpStage.parse(command).orElse(null);
            }
        }
        return null;
    }

    /** {@code line} from {@code replyAt}, without the quote that closes Exchange's {@code returned '...'}. */
    private static String withoutClosingQuote(String line, int replyAt) {
        boolean quoted = line.charAt(replyAt - 1) == '\'' || line.regionMatches(true, 0, LEAD_INS[0], 0, LEAD_INS[0].length());
        String reply = line.substring(replyAt);
        return quoted && reply.endsWith("'") ? reply.substring(0, reply.length() - 1) : reply;
    }

    /**
     * Where Postfix's {@code host NAME said:} starts in {@code line}, {@code said} being the index
     * of {@code " said:"}: NAME is one token ({@code mx.example.org[192.0.2.1]}), and {@code host}
     * starts the line or follows a space or {@code (}, as in {@code <rcpt>: host NAME said: 550 ...}
     * and the log's {@code status=bounced (host NAME said: ...)}. -1 when it is not there.
     */
    private static int postfixHostAt(String line, int said) {
        int space = line.lastIndexOf(' ', said - 1);
        int start = space - 4;
        if (start < 0 || space + 1 >= said || !line.regionMatches(true, start, "host", 0, 4)) {
            return -1;
        }
        return start == 0 || line.charAt(start - 1) == ' ' || line.charAt(start - 1) == '(' ? start : -1;
    }

    private static String hostName(String text) {
        String t = text.trim();
        int end = 0;
        while (end < t.length() && isHostChar(t.charAt(end))) {
            end++;
        }
        String host = t.substring(0, end);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? null : host.toLowerCase(Locale.ROOT);
    }

    private static boolean isHostChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_';
    }

    /** A three-digit code 200-599 at the start, followed by end, space, dash, colon or comma. */
    static int leadingCode(String line) {
        if (line.length() < 3) {
            return SmtpReply.NO_CODE;
        }
        char a = line.charAt(0);
        char b = line.charAt(1);
        char c = line.charAt(2);
        if (a < '2' || a > '5' || !isDigit(b) || !isDigit(c)) {
            return SmtpReply.NO_CODE;
        }
        if (line.length() > 3) {
            char next = line.charAt(3);
            if (next != ' ' && next != '-' && next != ':' && next != ',' && next != '\t') {
                return SmtpReply.NO_CODE;
            }
        }
        return (a - '0') * 100 + (b - '0') * 10 + (c - '0');
    }

    private static String skipSeparators(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '-' || c == ':' || c == '\t') {
                i++;
            } else {
                break;
            }
        }
        return line.substring(i);
    }

    /**
     * Whether a stand-alone enhanced status code starts at {@code at}, as
     * {@code EnhancedStatusCode.indexIn(line, at) == at} tells, but reading only the characters
     * that decide it: the one before and at most {@link #STATUS_WINDOW} from {@code at} (class,
     * dot, two subject digits, dot, four detail digits, and the two after). Asking
     * {@code indexIn} directly scans on to the end of the line when there is no code at
     * {@code at}, which made a line full of basic codes ({@code 550 550 550 ...}) quadratic.
     */
    private static boolean statusStartsAt(String line, int at) {
        int from = Math.max(0, at - 1);
        int to = Math.min(line.length(), at + STATUS_WINDOW);
        return EnhancedStatusCode.indexIn(line.substring(from, to), at - from) == at - from;
    }

    /** End index of an enhanced status code at the very start, or -1. */
    private static int leadingStatusEnd(String line) {
        if (!statusStartsAt(line, 0)) {
            return -1;
        }
        int end = 5;
        while (end < line.length() && isDigit(line.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Drops the marks of continuation lines that were joined into one line with spaces:
     * {@code "... Please try 550-5.1.1 double-checking"}, {@code "... 550 5.1.1 https://"}, and
     * a repeated code at the start ({@code "550 User Unknown"} after {@code "550 5.7.1"}).
     */
    private static String removeContinuationMarks(String line, int code, EnhancedStatusCode status, boolean dashed,
                                                  EnhancedStatusCode[] markStatus) {
        String codeText = Integer.toString(code);
        if (leadingCode(line) == code && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-')) {
            line = skipSeparators(line.substring(3));
            int statusEnd = leadingStatusEnd(line);
            if (statusEnd > 0) {
                line = skipSeparators(line.substring(statusEnd));
            }
        }
        if (line.indexOf(codeText) < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int n = line.length();
        int i = 0;
        boolean continued = dashed;  // a "550-" mark was seen: the next "550 " starts the last line
        while (i < n) {
            if (line.startsWith(codeText, i) && (i == 0 || line.charAt(i - 1) == ' ') && i + 3 < n) {
                int after = i + 3;
                char sep = line.charAt(after);
                int statusAt = after + 1;
                boolean statusFollows = statusAt < n && statusStartsAt(line, statusAt);
                if (sep == '-' || (sep == ' ' && (continued || statusFollows && status != null
                        && line.startsWith(status.toString(), statusAt)))) {
                    continued = sep == '-';
                    int j = statusAt;
                    if (statusFollows) {
                        j = statusAt + 5;
                        while (j < n && isDigit(line.charAt(j))) {
                            j++;
                        }
                        if (status == null && markStatus[0] == null) {
                            markStatus[0] = EnhancedStatusCode.of(line.substring(statusAt, j));
                        }
                    }
                    while (j < n && line.charAt(j) == ' ') {
                        j++;
                    }
                    i = j;
                    continue;
                }
            }
            out.append(line.charAt(i));
            i++;
        }
        return out.toString();
    }

    /** Reads Postfix's {@code (in reply to RCPT TO command)} and friends. */
    private static SmtpStage reportedStage(String text) {
        int at = indexOfIgnoreCase(text, "in reply to ");
        if (at < 0) {
            return null;
        }
        int end = indexOfIgnoreCase(text, " command", at + 12);  // not overlapping "in reply to "
        if (end < 0 || end - at > 40) {
            return null;
        }
        String command = text.substring(at + 12, end);
        if (command.regionMatches(true, 0, "end of data", 0, 11)) {
            return SmtpStage.DATA;
        }
        Optional<SmtpStage> stage = SmtpStage.parse(command);
        return stage.orElse(null);
    }

    private static int indexOfIgnoreCase(String text, String needle) {
        return indexOfIgnoreCase(text, needle, 0);
    }

    /**
     * {@code needle} is lower-case ASCII and holds a character that is no letter (a space, a
     * colon), which no other character matches under {@code regionMatches}' case folding: the
     * intrinsic {@code indexOf} finds each place that character occurs, and only those places are
     * compared. A match starts with the needle's first character in either ASCII case.
     */
    private static int indexOfIgnoreCase(String text, String needle, int from) {
        int anchor = anchorOf(needle);
        char key = needle.charAt(anchor);
        char lower = needle.charAt(0);
        char upper = Character.toUpperCase(lower);
        int max = text.length() - needle.length();
        int start = Math.max(0, from);
        for (int k = text.indexOf(key, start + anchor); k >= 0 && k - anchor <= max; k = text.indexOf(key, k + 1)) {
            int i = k - anchor;
            char c = text.charAt(i);
            if ((c == lower || c == upper) && text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Position in {@code needle} of its last character that is neither a letter nor a space, else of its last space. */
    private static int anchorOf(String needle) {
        int space = -1;
        for (int i = needle.length() - 1; i >= 0; i--) {
            char c = needle.charAt(i);
            if (c == ' ') {
                space = space < 0 ? i : space;
            } else if (!Character.isLetter(c)) {
                return i;
            }
        }
        if (space < 0) {
            throw new IllegalArgumentException("needle without a space or sign: " + needle);
        }
        return space;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static final class Collected {
        List<String> text = new ArrayList<>();
        EnhancedStatusCode dsnStatus;
        String remoteHost;
        String recipient;
    }

    /** The word around the first {@code @}, words split at white space, brackets, quotes and punctuation; null when it has nothing on a side. */
    private static String firstAddress(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return null;
        }
        StringBuilder word = new StringBuilder();
        for (String w : text.split("[\\x00-\\x20<>\"',;:()\\[\\]]", -1)) {
            if (w.indexOf('@') >= 0) {
                word.append(w);
                break;
            }
        }
        String found = word.toString();
        int i = found.indexOf('@');
        return i > 0 && i < found.length() - 1 ? found : null;
    }
}
