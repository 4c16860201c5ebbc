package dev.bouncekit.reply;

import dev.bouncekit.status.EnhancedStatusCode;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns any delivery-failure text into an {@link SmtpReply}. Accepts multi-line wire replies
 * ({@code 550-5.1.1 ...} / {@code 550 5.1.1 ...}), the same lines joined by {@code \n} or by
 * spaces, DSN fields ({@code Diagnostic-Code: smtp; 550 ...}, {@code Status:},
 * {@code Remote-MTA:}), also flattened onto one line as logs join them, the {@code smtp;550 ...} log form, Postfix's
 * {@code host X said: ... (in reply to RCPT TO command)} (also after the recipient, as Postfix's
 * bounces write it: {@code <rcpt>: host X said: 550-5.1.1 ...}), qmail's {@code (#5.1.1)}, a Java
 * mail exception's text ({@code ...SMTPAddressFailedException: 550 5.1.1 ...}, without the stack trace
 * logged after it) and bare text
 * with no code at all. The enhanced code repeated on every line counts once. RFC 2047 encoded words,
 * as servers write non-ASCII text into DSN fields ({@code =?UTF-8?B?...?=}, {@code =?ISO-2022-JP?B?...?=}),
 * are decoded first, so that the reply's text is the decoded text.
 *
 * <p>Never throws: null, empty and binary input give a reply without code or with whatever text
 * there is. Runs in time linear in the input length and uses no regular expressions. Lines are
 * read as ranges of the input and put together in a buffer of the thread: the only strings made
 * are the reply's text, its lines joined by single spaces (none for a one-line reply that needs no
 * trimming, which is its own text), the host name, the recipient and, for an input with encoded
 * words, the decoded input. The reply's
 * {@link SmtpReply#lines()} are that text and where each line ends in it; a line's own string is
 * made when the list is read.
 */
public final class ReplyParser {

    private static final SmtpReply EMPTY = new SmtpReply(SmtpReply.NO_CODE, null, List.of(), null, null);

    private static final String[] OTHER_DSN_FIELDS = {"Action:", "Final-Recipient:", "Original-Recipient:",
        "Reporting-MTA:", "Last-Attempt-Date:", "Arrival-Date:", "Will-Retry-Until:",
        "X-Postfix-Queue-ID:", "X-Postfix-Sender:", "Received-From-MTA:"};

    /** Every DSN field name read here: those taken apart, then {@link #OTHER_DSN_FIELDS}; a flattened line is split at each. */
    private static final String[] DSN_FIELDS = Stream.concat(
            Stream.of("Diagnostic-Code:", "Status:", "Remote-MTA:"),
            Stream.of(OTHER_DSN_FIELDS)).toArray(String[]::new);

    /** Length of the longest DSN field name read here, colon included. */
    private static final int LONGEST_FIELD = "Original-Recipient:".length();

    /** {@link #anchorOf} the needles looked for, found once. */
    private static final int SAID_ANCHOR = anchorOf(" said:");
    private static final int COMMAND_ANCHOR = anchorOf(" command");

    /** Characters from its start that decide whether an enhanced status code stands there. */
    private static final int STATUS_WINDOW = 11;

    /** Each basic reply code as it is written, by its value (200 to 599). */
    private static final String[] CODE_TEXTS = new String[600];

    static {
        for (int code = 200; code < CODE_TEXTS.length; code++) {
            CODE_TEXTS[code] = Integer.toString(code);
        }
    }

    /** Per thread: where the lines of the input being parsed are. */
    private static final ThreadLocal<Collected> BUFFERS = ThreadLocal.withInitial(Collected::new);

    private ReplyParser() {
    }

    /** Parses {@code raw}; see the class description for the shapes understood. */
    public static SmtpReply parse(String raw) {
        return raw == null ? EMPTY : parseDecoded(EncodedWords.decode(raw));
    }

    /** Parses {@code raw}, whose encoded words are decoded. */
    private static SmtpReply parseDecoded(String raw) {
        if (raw.isEmpty()) {
            return EMPTY;
        }
        int inException = JavaExceptionText.replyAt(raw);
        if (inException > 0) {
            return parseInException(raw, inException);
        }
        SmtpReply oneLine = parseOneLine(raw);
        return oneLine != null ? oneLine : parseLines(raw);
    }

    /** The reply that a Java exception's text holds from {@code inException} on, with the stage the exception names. */
    private static SmtpReply parseInException(String raw, int inException) {
        SmtpReply reply = parseDecoded(raw.substring(inException, JavaExceptionText.replyEnd(raw, inException)));
        SmtpStage named = JavaExceptionText.stageBefore(raw, inException);
        return reply.reportedStage() != null || named == null ? reply
                : new SmtpReply(reply.code(), reply.status(), reply.lines(), named, reply.reportedHost(), reply.reportedRecipient());
    }

    /**
     * The reply of an input that is one line in the most common shape, or null for any other input,
     * which {@link #parseLines} then reads. The shape: no line break; not a DSN field; no
     * {@code smtp;}, lead-in or Exim {@code host NAME [IP]} at its start; no Postfix
     * {@code host NAME said:}. Each of these is decided by the test {@link #parseLines} makes, so
     * that for such a line it reads exactly what this reads: one text line, a range of the input
     * or, when continuation marks joined into the line are taken out, the thread's line builder,
     * and no lead-in, host or recipient. This reads it without the line ranges, the DSN field
     * passes and the joined-lines buffer, and in less compiled code, since most replies are such
     * lines. Linear: each search runs once over the line.
     */
    private static SmtpReply parseOneLine(String raw) {
        int n = raw.length();
        if (raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0) {
            return null;
        }
        int from = trimStart(raw, 0, n);
        int to = trimEnd(raw, from, n);
        if (from == to || !isDigit(raw.charAt(from)) && startsAnotherShape(raw, from, to)) {
            return null;  // a line that starts with a digit is no field and has no lead-in, smtp; or host
        }
        int said = indexOfIgnoreCase(raw, " said:", SAID_ANCHOR, from, to, null);
        if (said >= 0 && postfixHostAt(raw, from, said) >= 0) {
            return null;
        }
        int code = leadingCode(raw, from, to);
        boolean dashed = false;
        if (code != SmtpReply.NO_CODE) {
            from += 3;
            dashed = from < to && raw.charAt(from) == '-';
        }
        from = skipSeparators(raw, from, to);
        EnhancedStatusCode status = null;
        int statusEnd = leadingStatusEnd(raw, from, to);
        if (statusEnd > 0) {
            status = EnhancedStatusCode.read(raw, from, statusEnd);
            from = skipSeparators(raw, statusEnd, to);
        }
        StringBuilder cleaned = null;
        if (code != SmtpReply.NO_CODE) {
            from = skipLeadingMarks(raw, from, to, code);
            int again = raw.indexOf(CODE_TEXTS[code], from);  // one search: the line is the input's only one
            if (again >= 0 && again + 3 <= to) {
                Collected collected = BUFFERS.get();
                collected.markStatus = null;
                cleaned = removeContinuationMarks(raw, from, to, code, status, dashed, collected);
                if (status == null) {
                    status = collected.markStatus;
                }
            }
        }
        String text;
        if (cleaned != null) {
            int cleanedFrom = trimStart(cleaned, 0, cleaned.length());
            text = cleaned.substring(cleanedFrom, trimEnd(cleaned, cleanedFrom, cleaned.length()));
            BUFFERS.get().dropLongLine();
        } else {
            from = trimStart(raw, from, to);
            to = trimEnd(raw, from, to);
            text = to > from ? raw.substring(from, to) : "";
        }
        if (status == null) {
            status = EnhancedStatusCode.find(text).orElse(null);
        }
        return new SmtpReply(code, status, text.isEmpty() ? List.of() : new JoinedLines(text, null),
                reportedStage(text), null, null);
    }

    /**
     * Whether the line {@code raw[from, to)} is a DSN field or starts with {@code smtp;}, a lead-in
     * or Exim's {@code host NAME [IP]}: the shapes of a first line that {@link #parseLines} reads
     * apart.
     */
    private static boolean startsAnotherShape(String raw, int from, int to) {
        return mayBeField(raw, from, to) && startsWithAny(raw, from, to, DSN_FIELDS)
                || to - from >= 5 && mayStartSmtp(raw.charAt(from)) && raw.regionMatches(true, from, "smtp;", 0, 5)
                || eximHostEnd(raw, from, to) >= 0 || afterLeadIn(raw, from, to) >= 0;
    }

    /** Reads any input line by line; see the class description. */
    private static SmtpReply parseLines(String raw) {
        Collected collected = BUFFERS.get();
        collected.collect(raw);
        int[] ranges = collected.lines();
        int count = collected.lineCount();
        int code = SmtpReply.NO_CODE;
        EnhancedStatusCode status = null;
        String host = collected.remoteHost;
        boolean first = true;  // no text line yet
        SmtpStage leadInStage = null;
        String recipient = collected.recipient;
        // The line of Exim's lead-in after the lines it writes before it, once looked for (-1: none).
        int eximLeadIn = -1;
        boolean replyNext = false;  // the line before was a lead-in alone: the reply starts on this one
        int leadInFrom = -1;  // the last lead-in alone on its line: the text, when no reply follows it
        int leadInTo = -1;
        for (int k = 0; k < count; k++) {
            int from = ranges[2 * k];
            int to = ranges[2 * k + 1];
            // stripTransportPrefix
            from = trimStart(raw, from, to);
            to = trimEnd(raw, from, to);
            if (to - from >= 5 && mayStartSmtp(raw.charAt(from)) && raw.regionMatches(true, from, "smtp;", 0, 5)) {
                from = trimStart(raw, from + 5, to);
            }
            // Where the reply may start: the first text line, the line after a lead-in alone on its
            // line, or a line that starts with a lead-in (after a report's own lines, in a bounce body).
            boolean opening = code == SmtpReply.NO_CODE && (first || replyNext);
            replyNext = false;
            if (opening) {
                // Exim's bounce message: the failed address and "host NAME [IP]" on lines of their own
                // before its lead-in, which ends its line; the reply follows on the next.
                int hostEnd = eximHostEnd(raw, from, to);
                boolean loneAddress = hostEnd < 0 && isLoneAddress(raw, from, to);
                if ((hostEnd == to || loneAddress) && eximLeadIn <= k) {
                    eximLeadIn = eximLeadInFrom(raw, ranges, count, k + 1);
                }
                if ((hostEnd == to || loneAddress) && eximLeadIn > k) {
                    if (loneAddress) {
                        recipient = addressIn(raw, from, to, recipient);
                    } else {
                        host = hostName(raw, from + EXIM_HOST.length(), to);
                    }
                    continue;
                }
                if (hostEnd > 0 && hostEnd + 2 < to && raw.charAt(hostEnd) == ':'
                        && leadingCode(raw, trimStart(raw, hostEnd + 1, to), to) != SmtpReply.NO_CODE) {
                    host = hostName(raw, from + EXIM_HOST.length(), to);  // Exim: "host NAME [IP]: 550 ..."
                    from = trimStart(raw, hostEnd + 1, to);
                }
            }
            if (code == SmtpReply.NO_CODE) {
                int replyAt = afterLeadIn(raw, from, to);
                if (replyAt == to) {
                    // The lead-in alone on its line: the reply follows on the next.
                    SmtpStage named = eximStage(raw, from, to);
                    if (named != null) {
                        leadInStage = named;
                        if (named == SmtpStage.RCPT) {
                            recipient = addressIn(raw, from, to, recipient);
                        }
                    }
                    replyNext = true;
                    leadInFrom = from;
                    leadInTo = to;
                    continue;
                }
                if (replyAt > 0) {
                    opening = true;
                    leadInStage = eximStage(raw, from, replyAt);
                    if (leadInStage == SmtpStage.RCPT) {
                        recipient = addressIn(raw, from, replyAt, recipient);
                    }
                    if (isQuotedLeadIn(raw, from, replyAt) && to > replyAt && raw.charAt(to - 1) == '\'') {
                        to--;
                    }
                    from = replyAt;
                }
            }
            boolean beforeHost = false;
            boolean dashed = false;  // the line starts with a continuation mark, "550-"
            int beforeFrom = 0;
            int beforeTo = 0;
            if (opening) {
                int said = indexOfIgnoreCase(raw, " said:", SAID_ANCHOR, from, to, collected.colons);
                int hostAt = said < 0 ? -1 : postfixHostAt(raw, from, said);
                if (hostAt >= 0) {
                    host = hostName(raw, hostAt + 5, said);
                    beforeFrom = trimStart(raw, from, hostAt);
                    beforeTo = trimEnd(raw, beforeFrom, hostAt);
                    beforeHost = true;
                    from = trimStart(raw, said + 6, to);
                    to = trimEnd(raw, from, to);
                }
                int lineCode = leadingCode(raw, from, to);
                if (lineCode != SmtpReply.NO_CODE) {
                    code = lineCode;
                    from += 3;
                    dashed = from < to && raw.charAt(from) == '-';
                }
            } else if (code != SmtpReply.NO_CODE && leadingCode(raw, from, to) == code) {
                from += 3;
                dashed = from < to && raw.charAt(from) == '-';
            }
            from = skipSeparators(raw, from, to);
            int statusEnd = leadingStatusEnd(raw, from, to);
            if (statusEnd > 0) {
                if (status == null) {
                    status = EnhancedStatusCode.read(raw, from, statusEnd);
                }
                from = skipSeparators(raw, statusEnd, to);
            }
            StringBuilder cleaned = null;
            if (code != SmtpReply.NO_CODE) {
                from = skipLeadingMarks(raw, from, to, code);
                cleaned = containsCode(raw, from, to, code, collected.codeDigits) ? removeContinuationMarks(raw, from, to, code, status, dashed, collected) : null;
            }
            boolean hostBefore = beforeHost && beforeTo > beforeFrom
                    && !(beforeTo - beforeFrom == 1 && raw.charAt(beforeFrom) == '(');
            if (cleaned != null) {
                int cleanedFrom = trimStart(cleaned, 0, cleaned.length());
                int cleanedTo = trimEnd(cleaned, cleanedFrom, cleaned.length());
                if (hostBefore || cleanedTo > cleanedFrom) {
                    collected.addLine(raw, hostBefore, beforeFrom, beforeTo, cleaned, cleanedFrom, cleanedTo);
                    first = false;
                }
            } else {
                from = trimStart(raw, from, to);
                to = trimEnd(raw, from, to);
                if (hostBefore || to > from) {
                    collected.addLine(raw, hostBefore, beforeFrom, beforeTo, raw, from, to);
                    first = false;
                }
            }
        }
        if (first && leadInFrom >= 0) {
            // A lead-in that no reply follows ("SMTP error from remote mail server after initial
            // connection:" and nothing more): its words are all the text there is.
            collected.addLine(raw, false, 0, 0, raw, leadInFrom, leadInTo);
        }
        List<String> all = collected.joinedLines(raw);
        String joined = all.isEmpty() ? "" : ((JoinedLines) all).text();
        if (status == null) {
            status = collected.markStatus != null ? collected.markStatus
                    : EnhancedStatusCode.find(joined).orElse(collected.dsnStatus);
        }
        SmtpStage stage = reportedStage(joined);
        if (stage == null) {
            stage = leadInStage;
        }
        return new SmtpReply(code, status, all, stage, host, recipient);
    }

    private static int trimStart(String s, int from, int to) {
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        return from;
    }

    private static int trimEnd(String s, int from, int to) {
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        return to;
    }

    private static int trimStart(StringBuilder s, int from, int to) {
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        return from;
    }

    private static int trimEnd(StringBuilder s, int from, int to) {
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        return to;
    }

    /** The lines of one input: ranges, DSN fields taken apart. Reused by its thread. */
    private static final class Collected {
        private int[] text = new int[16];
        private int textCount;
        private int[] diagnostic = new int[16];
        private int diagnosticCount;
        EnhancedStatusCode dsnStatus;
        /** The enhanced code after the first continuation mark taken out of a line, when the reply's first line had none. */
        EnhancedStatusCode markStatus;
        String remoteHost;
        String recipient;
        /** Where a line without its continuation marks is put together. */
        private StringBuilder line = new StringBuilder();
        /** The text lines so far, joined by single spaces; the first is only a range of the input while it is alone. */
        private StringBuilder joined = new StringBuilder();
        /** Per text line: where it ends in the joined text. */
        private int[] ends = new int[8];
        private int lineCount;
        /** Whether the one text line so far is {@code input[firstFrom, firstTo)}, not yet in {@link #joined}. */
        private boolean firstInInput;
        private int firstFrom;
        private int firstTo;

        /** The next colon and first digit of the reply code of the input, for searches line after line. */
        final NextChar colons = new NextChar();
        final NextChar codeDigits = new NextChar();

        /** Drops the line builder when a long input made it large: it is not kept. */
        void dropLongLine() {
            if (line.capacity() > 4096) {
                line = new StringBuilder();
            }
        }

        /** The line builder of this thread, emptied. */
        StringBuilder line() {
            line.setLength(0);
            return line;
        }

        /**
         * Adds a text line: {@code input[beforeFrom, beforeTo)} and a space when {@code before} (what
         * stood before Postfix's {@code host NAME said:}), then {@code s[from, to)}; {@code s} is the
         * input or the thread's line builder.
         */
        void addLine(String input, boolean before, int beforeFrom, int beforeTo, CharSequence s, int from, int to) {
            if (lineCount == 0 && !before && s == input) {
                firstInInput = true;
                firstFrom = from;
                firstTo = to;
                ends[0] = to - from;
                lineCount = 1;
                return;
            }
            if (firstInInput) {
                joined.append(input, firstFrom, firstTo);
                firstInInput = false;
            }
            if (lineCount > 0) {
                joined.append(' ');
            }
            if (before) {
                joined.append(input, beforeFrom, beforeTo).append(' ');
            }
            joined.append(s, from, to);
            if (lineCount == ends.length) {
                ends = Arrays.copyOf(ends, lineCount * 2);
            }
            ends[lineCount++] = joined.length();
        }

        /** The text lines added, as the reply keeps them. */
        List<String> joinedLines(String input) {
            if (lineCount == 0) {
                return List.of();
            }
            if (firstInInput) {
                return new JoinedLines(input.substring(firstFrom, firstTo), null);
            }
            return new JoinedLines(joined.toString(), lineCount == 1 ? null : Arrays.copyOf(ends, lineCount));
        }

        /** The ranges of the text lines: the diagnostic's when there is one. */
        int[] lines() {
            return diagnosticCount > 0 ? diagnostic : text;
        }

        int lineCount() {
            return diagnosticCount > 0 ? diagnosticCount : textCount;
        }

        private void addText(int from, int to) {
            if (2 * textCount + 2 > text.length) {
                text = Arrays.copyOf(text, text.length * 2);
            }
            text[2 * textCount] = from;
            text[2 * textCount + 1] = to;
            textCount++;
        }

        private void addDiagnostic(int from, int to) {
            if (2 * diagnosticCount + 2 > diagnostic.length) {
                diagnostic = Arrays.copyOf(diagnostic, diagnostic.length * 2);
            }
            diagnostic[2 * diagnosticCount] = from;
            diagnostic[2 * diagnosticCount + 1] = to;
            diagnosticCount++;
        }

        /** Splits {@code raw} into lines and takes DSN fields apart. */
        void collect(String raw) {
            colons.forget();
            codeDigits.forget();
            textCount = 0;
            diagnosticCount = 0;
            dsnStatus = null;
            markStatus = null;
            remoteHost = null;
            recipient = null;
            if (text.length > 1024) {
                text = new int[16];
            }
            if (diagnostic.length > 1024) {
                diagnostic = new int[16];
            }
            dropLongLine();
            if (joined.capacity() > 4096) {
                joined = new StringBuilder();
            }
            joined.setLength(0);
            if (ends.length > 1024) {
                ends = new int[8];
            }
            lineCount = 0;
            firstInInput = false;
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
                int lineFrom = start;
                int lineTo = i;
                start = i + 1;
                if (c == '\r' && i + 1 < n && raw.charAt(i + 1) == '\n') {
                    i++;
                    start = i + 1;
                }
                if (inDiagnostic && lineTo > lineFrom && Character.isWhitespace(raw.charAt(lineFrom))) {
                    int from = trimStart(raw, lineFrom, lineTo);
                    addDiagnostic(from, trimEnd(raw, from, lineTo));
                    continue;
                }
                inDiagnostic = false;
                int from = trimStart(raw, lineFrom, lineTo);
                int to = trimEnd(raw, from, lineTo);
                if (!mayBeField(raw, from, to) || !startsWithAny(raw, from, to, DSN_FIELDS)) {
                    inDiagnostic = field(raw, from, to);
                    continue;
                }
                // DSN fields flattened onto one line ("Final-Recipient: rfc822; a@b Action: failed
                // Status: 5.2.2 Diagnostic-Code: smtp; 552 ..."), as logs and bounce parsers join them:
                // each field ends where the next field's name starts
                for (int fieldFrom = from; fieldFrom < to; ) {
                    int next = nextDsnField(raw, fieldFrom + 1, to);
                    inDiagnostic = field(raw, fieldFrom, trimEnd(raw, fieldFrom, next));
                    fieldFrom = next;
                }
            }
        }

        /**
         * Takes the DSN field or text line {@code raw[from, to)} apart; true when it is a
         * {@code Diagnostic-Code} field, whose indented continuation lines belong to it.
         */
        private boolean field(String raw, int from, int to) {
            if (to <= from) {
                return false;
            }
            if (!mayBeField(raw, from, to)) {
                addText(from, to);
                return false;
            }
            if (startsWithField(raw, from, to, "Diagnostic-Code:")) {
                    int type = trimStart(raw, from + "Diagnostic-Code:".length(), to);
                    int semi = indexOf(raw, ';', type, to);
                    // X-Unix is the local delivery program's own report, often its exit status alone
                    // ("X-Unix; 67"): the type stays in the text, where the mailer-error keyword reads it
                    int after = semi >= 0 && startsWithField(raw, type, semi, "x-unix") ? type
                            : trimStart(raw, semi < 0 ? type : semi + 1, to);
                addDiagnostic(after, trimEnd(raw, after, to));
                return true;
            }
            if (startsWithField(raw, from, to, "Status:")) {
                EnhancedStatusCode parsed = EnhancedStatusCode.read(raw, from + 7, to);
                if (parsed != null) {
                    dsnStatus = parsed;
                } else {
                    addText(from, to);  // not a DSN's status: GroupWise's "Status: D101 Delivery Failed: ..."
                }
            } else if (startsWithField(raw, from, to, "Remote-MTA:")) {
                int semi = indexOf(raw, ';', from + "Remote-MTA:".length(), to);
                remoteHost = hostName(raw, semi < 0 ? from + "Remote-MTA:".length() : semi + 1, to);
            } else if (startsWithField(raw, from, to, "Final-Recipient:")) {
                int semi = indexOf(raw, ';', from + "Final-Recipient:".length(), to);
                recipient = addressIn(raw, semi < 0 ? from + "Final-Recipient:".length() : semi + 1, to, recipient);
            } else if (!startsWithAny(raw, from, to, OTHER_DSN_FIELDS)) {
                addText(from, to);
            }
            return false;
        }
    }

    /**
     * Where the next DSN field name starts in the line {@code s[from, to)} after white space, or
     * {@code to}. Linear: each colon is looked at once, with at most {@link #LONGEST_FIELD}
     * characters before it.
     */
    private static int nextDsnField(String s, int from, int to) {
        for (int colon = indexOf(s, ':', from, to); colon >= 0; colon = indexOf(s, ':', colon + 1, to)) {
            int start = colon;
            while (start > from && colon - start < LONGEST_FIELD && isFieldNameChar(s.charAt(start - 1))) {
                start--;
            }
            if (start > from && start < colon && Character.isWhitespace(s.charAt(start - 1))) {
                for (String field : DSN_FIELDS) {
                    if (field.length() == colon + 1 - start && s.regionMatches(true, start, field, 0, field.length())) {
                        return start;
                    }
                }
            }
        }
        return to;
    }

    private static boolean isFieldNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-';
    }

    /**
     * The first e-mail address in {@code s[from, to)} (in angle brackets or bare), or {@code otherwise}:
     * the characters around its {@code @} up to a space, bracket or quote.
     */
    private static String addressIn(String s, int from, int to, String otherwise) {
        int at = indexOf(s, '@', from, to);
        if (at < 0) {
            return otherwise;
        }
        int start = at;
        while (start > from && !endsAddress(s.charAt(start - 1))) {
            start--;
        }
        int end = at + 1;
        while (end < to && !endsAddress(s.charAt(end))) {
            end++;
        }
        return start < at && end > at + 1 ? s.substring(start, end) : otherwise;
    }

    private static boolean endsAddress(char c) {
        return c <= ' ' || c == '<' || c == '>' || c == '"' || c == '\'' || c == ',' || c == ';' || c == ':'
                || c == '(' || c == ')' || c == '[' || c == ']';
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the line {@code s[from, to)} starts with one of {@code fields}. */
    private static boolean startsWithAny(String s, int from, int to, String[] fields) {
        for (String field : fields) {
            if (startsWithField(s, from, to, field)) {
                return true;
            }
        }
        return false;
    }

    /**
     * False when {@code s[from, to)} cannot start with any DSN field name: every one starts with a
     * letter (ASCII, or one that case-folds to ASCII) and has its colon within the first
     * {@link #LONGEST_FIELD} characters.
     */
    private static boolean mayBeField(String s, int from, int to) {
        if (to <= from) {
            return false;
        }
        char c = s.charAt(from);
        if (c < 128 && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) {
            return false;
        }
        int end = Math.min(to, from + LONGEST_FIELD);
        for (int i = from + 1; i < end; i++) {
            if (s.charAt(i) == ':') {
                return true;
            }
        }
        return false;
    }

    /** Index of {@code c} at or after {@code from}, or the length when there is none. */
    static int indexOrEnd(String text, char c, int from) {
        int at = text.indexOf(c, from);
        return at < 0 ? text.length() : at;
    }

    /** Whether the line {@code s[from, to)} starts with {@code field}, ignoring case. */
    private static boolean startsWithField(String s, int from, int to, String field) {
        return to - from >= field.length() && s.regionMatches(true, from, field, 0, field.length());
    }

    /** How mail servers and clients introduce the reply they quote, lower case, each ending where the reply starts. */
    private static final String[] LEAD_INS = {
        "remote server returned '",                       // Exchange 2007 and later, Office 365 NDRs
        "the response from the remote server was:",      // Outlook.com and Office 365 NDRs
        "the error that the other server returned was:", // Gmail NDRs
        "the response was:",                             // Gmail NDRs
        "the remote server replied:",
        "remote host said:",                              // qmail: "Remote host said: 550 ..."
        "remote mail server told me:",                    // Apache James's bounce (RemoteDelivery's Bouncer)
        "<<< ",                                          // Sendmail's transcript: the server's reply to ">>> RCPT To:<..>"
    };

    /** Exim's lead-in: {@code SMTP error from remote mail server after RCPT TO:<a@b>: 550 ...}. */
    private static final String[] EXIM_LEAD_INS = {"smtp error from remote mail server after ",
        "smtp error from remote mailer after ", "smtp error from remote server after "};

    /** Characters of an Exim lead-in read before giving up on finding the reply's code. */
    private static final int LONGEST_EXIM_LEAD_IN = 400;

    /**
     * Where the quoted reply starts after a lead-in that begins {@code raw[from, to)}
     * ({@link #LEAD_INS}, Exim's {@code SMTP error from remote mail server after ...:}), {@code to}
     * when nothing follows the lead-in, or -1.
     */
    private static int afterLeadIn(String raw, int from, int to) {
        char c = to > from ? raw.charAt(from) : ' ';
        if (c < 128 && (c | 0x20) != 'r' && (c | 0x20) != 't' && (c | 0x20) != 's' && c != '<') {
            return -1;  // every lead-in starts with one of these (only 's' has a folding outside ASCII)
        }
        for (String leadIn : LEAD_INS) {
            if (to - from >= leadIn.length() && raw.regionMatches(true, from, leadIn, 0, leadIn.length())) {
                return trimStart(raw, from + leadIn.length(), to);
            }
        }
        for (String leadIn : EXIM_LEAD_INS) {
            if (to - from >= leadIn.length() && raw.regionMatches(true, from, leadIn, 0, leadIn.length())) {
                int limit = Math.min(to - 4, from + LONGEST_EXIM_LEAD_IN);
                for (int i = from + leadIn.length(); i < limit; i++) {
                    if (raw.charAt(i) == ':' && raw.charAt(i + 1) == ' ' && leadingCode(raw, i + 2, i + 5) != SmtpReply.NO_CODE) {
                        return i + 2;
                    }
                }
                // Exim's bounce message ends the lead-in's line with its colon: the reply is on the next.
                return raw.charAt(to - 1) == ':' && to - from <= LONGEST_EXIM_LEAD_IN ? to : -1;
            }
        }
        return -1;
    }

    /** How Exim names the host that answered, on a line of its own or before the reply: {@code host NAME [IP]}. */
    private static final String EXIM_HOST = "host ";

    /**
     * Where Exim's {@code host NAME [IP]} ends (one past its {@code ]}) when the line {@code raw[from, to)}
     * starts with it, else -1.
     */
    private static int eximHostEnd(String raw, int from, int to) {
        if (to - from < EXIM_HOST.length() + 4 || (raw.charAt(from) | 0x20) != 'h'
                || !raw.regionMatches(true, from, EXIM_HOST, 0, EXIM_HOST.length())) {
            return -1;
        }
        int i = from + EXIM_HOST.length();
        int name = i;
        while (i < to && isHostChar(raw.charAt(i))) {
            i++;
        }
        if (i == name || i + 2 >= to || raw.charAt(i) != ' ' || raw.charAt(i + 1) != '[') {
            return -1;
        }
        for (i += 2; i < to; i++) {
            char c = raw.charAt(i);
            if (c == ']') {
                return i + 1;
            }
            if (!(c == '.' || c == ':' || Character.isLetterOrDigit(c))) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether the line {@code raw[from, to)} is one address and nothing else, as Exim lists a failed one. */
    private static boolean isLoneAddress(String raw, int from, int to) {
        int at = -1;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c <= ' ') {
                return false;
            }
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            }
        }
        return at > from && at < to - 1;
    }

    /**
     * The line, from line {@code k} on, that starts with Exim's lead-in when the lines before it are all
     * such as Exim writes before it (a lone address, {@code host NAME [IP]}), else -1. The parser asks
     * once for such a run of lines, so that each line is read once.
     */
    private static int eximLeadInFrom(String raw, int[] ranges, int count, int k) {
        for (int j = k; j < count; j++) {
            int from = trimStart(raw, ranges[2 * j], ranges[2 * j + 1]);
            int to = trimEnd(raw, from, ranges[2 * j + 1]);
            for (String leadIn : EXIM_LEAD_INS) {
                if (to - from >= leadIn.length() && raw.regionMatches(true, from, leadIn, 0, leadIn.length())) {
                    return j;
                }
            }
            if (eximHostEnd(raw, from, to) != to && !isLoneAddress(raw, from, to)) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether the lead-in at {@code from} opens a quote that the line closes: Exchange's {@code returned '...'}. */
    private static boolean isQuotedLeadIn(String raw, int from, int replyAt) {
        return raw.regionMatches(true, from, LEAD_INS[0], 0, LEAD_INS[0].length()) && replyAt > from;
    }

    /** The stage Exim's lead-in names ({@code after RCPT TO:}, {@code after end of data}), or null. */
    private static SmtpStage eximStage(String raw, int from, int replyAt) {
        for (String leadIn : EXIM_LEAD_INS) {
            if (raw.regionMatches(true, from, leadIn, 0, leadIn.length())) {
                String command = raw.substring(from + leadIn.length(), replyAt);
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

    /**
     * Where Postfix's {@code host NAME said:} starts in the line that starts at {@code from},
     * {@code said} being the index of {@code " said:"}: NAME is one token
     * ({@code mx.example.org[192.0.2.1]}), and {@code host} starts the line or follows a space or
     * {@code (}, as in {@code <rcpt>: host NAME said: 550 ...} and the log's
     * {@code status=bounced (host NAME said: ...)}. -1 when it is not there.
     */
    private static int postfixHostAt(String s, int from, int said) {
        int space = said - 1;
        while (space >= from && s.charAt(space) != ' ') {
            space--;
        }
        if (space < from) {
            space = -1;
        }
        int start = space - 4;
        if (space < 0 || start < from || space + 1 >= said || !s.regionMatches(true, start, "host", 0, 4)) {
            return -1;
        }
        return start == from || s.charAt(start - 1) == ' ' || s.charAt(start - 1) == '(' ? start : -1;
    }

    /** The host name at the start of {@code s[from, to)} (after white space), lower-cased, or null. */
    private static String hostName(String s, int from, int to) {
        int start = trimStart(s, from, to);
        int end = start;
        while (end < to && isHostChar(s.charAt(end))) {
            end++;
        }
        while (end > start && s.charAt(end - 1) == '.') {
            end--;
        }
        return end == start ? null : s.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isHostChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_';
    }

    /** A three-digit code 200-599 at the start, followed by end, space, dash, colon or comma. */
    static int leadingCode(String line) {
        return leadingCode(line, 0, line.length());
    }

    private static int leadingCode(String s, int from, int to) {
        if (to - from < 3) {
            return SmtpReply.NO_CODE;
        }
        char a = s.charAt(from);
        char b = s.charAt(from + 1);
        char c = s.charAt(from + 2);
        if (a < '2' || a > '5' || !isDigit(b) || !isDigit(c)) {
            return SmtpReply.NO_CODE;
        }
        if (to - from > 3) {
            char next = s.charAt(from + 3);
            if (next != ' ' && next != '-' && next != ':' && next != ',' && next != '\t') {
                return SmtpReply.NO_CODE;
            }
        }
        return (a - '0') * 100 + (b - '0') * 10 + (c - '0');
    }

    private static int skipSeparators(String s, int from, int to) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ' ' || c == '-' || c == ':' || c == '\t') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * Whether a stand-alone enhanced status code starts at {@code at} of the line
     * {@code s[from, to)}, reading only the characters that decide it: the one before and at most
     * {@link #STATUS_WINDOW} from {@code at} (class, dot, two subject digits, dot, four detail
     * digits, and the two after). Reading on to the end of the line when there is no code at
     * {@code at} made a line full of basic codes ({@code 550 550 550 ...}) quadratic.
     */
    private static boolean statusStartsAt(String s, int from, int to, int at) {
        return EnhancedStatusCode.standsAt(s, at, Math.max(from, at - 1), Math.min(to, at + STATUS_WINDOW));
    }

    /** End index of an enhanced status code at the very start of {@code s[from, to)}, or -1. */
    private static int leadingStatusEnd(String s, int from, int to) {
        if (!statusStartsAt(s, from, to, from)) {
            return -1;
        }
        int end = from + 5;
        while (end < to && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Past a repeated code at the start ({@code "550 User Unknown"} after {@code "550 5.7.1"}) and its status. */
    private static int skipLeadingMarks(String s, int from, int to, int code) {
        if (leadingCode(s, from, to) == code && (to - from == 3 || s.charAt(from + 3) == ' ' || s.charAt(from + 3) == '-')) {
            from = skipSeparators(s, from + 3, to);
            int statusEnd = leadingStatusEnd(s, from, to);
            if (statusEnd > 0) {
                from = skipSeparators(s, statusEnd, to);
            }
        }
        return from;
    }

    /**
     * Whether the three digits of {@code code} occur in {@code s[from, to)}: only where
     * {@code firstDigits} (the input's places of the code's first digit, found by the intrinsic
     * indexOf and kept from one line to the next) points are the other two compared.
     */
    private static boolean containsCode(String s, int from, int to, int code, NextChar firstDigits) {
        char first = (char) ('0' + code / 100);
        char second = (char) ('0' + code / 10 % 10);
        char third = (char) ('0' + code % 10);
        for (int i = firstDigits.in(s, first, from, to); i >= 0 && i + 3 <= to; i = firstDigits.in(s, first, i + 1, to)) {
            if (s.charAt(i + 1) == second && s.charAt(i + 2) == third) {
                return true;
            }
        }
        return false;
    }

    /** Whether the three digits of {@code code} stand at {@code at} (which has three characters after it). */
    private static boolean codeAt(String s, int at, int code) {
        return s.charAt(at) == '0' + code / 100 && s.charAt(at + 1) == '0' + code / 10 % 10
                && s.charAt(at + 2) == '0' + code % 10;
    }

    /** Whether {@code s[at, to)} starts with {@code status} as written ({@code 5.1.1}). */
    private static boolean startsWithStatus(String s, int at, int to, EnhancedStatusCode status) {
        int i = at;
        if (i + 4 > to || s.charAt(i) != '0' + status.statusClass() || s.charAt(i + 1) != '.'
                || s.charAt(i + 2) != '0' + status.subject() || s.charAt(i + 3) != '.') {
            return false;
        }
        i += 4;
        int detail = status.detail();
        int digits = detail >= 100 ? 3 : detail >= 10 ? 2 : 1;
        if (i + digits > to) {
            return false;
        }
        for (int d = digits - 1; d >= 0; d--) {
            if (s.charAt(i + d) != '0' + detail % 10) {
                return false;
            }
            detail /= 10;
        }
        return true;
    }

    /**
     * The line {@code s[from, to)} without the marks of continuation lines that were joined into
     * one line with spaces: {@code "... Please try 550-5.1.1 double-checking"},
     * {@code "... 550 5.1.1 https://"}, put together in the line builder of {@code collected}; null when it has none (the
     * line is then read in place). When the line itself started with a continuation mark
     * ({@code dashed}), a later bare code starts its last line: {@code "552-1 ... mailbox not 552 found"}.
     * The enhanced code after a mark is the reply's when no line so far gave one.
     */
    private static StringBuilder removeContinuationMarks(String s, int from, int to, int code, EnhancedStatusCode status,
                                                         boolean dashed, Collected collected) {
        StringBuilder out = null;
        int copied = from;  // s[copied, i) is to be copied as it is
        int i = from;
        boolean continued = dashed;  // a "550-" mark was seen: the next "550 " starts the last line
        while (i < to) {
            if (i + 3 < to && codeAt(s, i, code) && (i == from || s.charAt(i - 1) == ' ')) {
                int after = i + 3;
                char sep = s.charAt(after);
                int statusAt = after + 1;
                boolean statusFollows = statusAt < to && statusStartsAt(s, from, to, statusAt);
                if (sep == '-' || (sep == ' ' && (continued || statusFollows && status != null
                        && startsWithStatus(s, statusAt, to, status)))) {
                    continued = sep == '-';
                    int j = statusAt;
                    if (statusFollows) {
                        j = statusAt + 5;
                        while (j < to && isDigit(s.charAt(j))) {
                            j++;
                        }
                        if (status == null && collected.markStatus == null) {
                            collected.markStatus = EnhancedStatusCode.read(s, statusAt, j);
                        }
                    }
                    while (j < to && s.charAt(j) == ' ') {
                        j++;
                    }
                    if (out == null) {
                        out = collected.line();
                    }
                    out.append(s, copied, i);
                    copied = j;
                    i = j;
                    continue;
                }
            }
            i++;
        }
        return out == null ? null : out.append(s, copied, to);
    }

    /** Reads Postfix's {@code (in reply to RCPT TO command)} and friends. */
    private static SmtpStage reportedStage(String text) {
        int at = inReplyToAt(text);
        if (at < 0) {
            return null;
        }
        int end = indexOfIgnoreCase(text, " command", COMMAND_ANCHOR, at + 12, text.length(), null);  // not overlapping "in reply to "
        if (end < 0 || end - at > 40) {
            return null;
        }
        if (end - (at + 12) >= 11 && text.regionMatches(true, at + 12, "end of data", 0, 11)) {
            return SmtpStage.DATA;
        }
        return SmtpStage.read(text, at + 12, end);
    }

    /** What {@link #inReplyToAt} looks for. */
    private static final String IN_REPLY_TO = "in reply to ";
    /** Where {@link #IN_REPLY_TO} has its {@code y}, the letter of it that texts hold least. */
    private static final int Y_AT = IN_REPLY_TO.indexOf('y');

    /**
     * {@code indexOfIgnoreCase(text, "in reply to ", 0, text.length())} in ASCII case: the first
     * place where {@code text} holds the needle, ASCII letters in either case. Only the places of
     * its {@code y} and {@code Y}, which the intrinsic {@code indexOf} finds (one pass over the text
     * for each), are compared.
     */
    private static int inReplyToAt(String text) {
        int m = IN_REPLY_TO.length();
        int max = text.length() - m;
        if (max < 0) {
            return -1;
        }
        int lower = text.indexOf('y', Y_AT);
        int upper = text.indexOf('Y', Y_AT);
        while (lower >= 0 || upper >= 0) {
            int y = upper < 0 || (lower >= 0 && lower < upper) ? lower : upper;
            int i = y - Y_AT;
            if (i > max) {
                return -1;
            }
            if (text.charAt(i + m - 1) == ' ' && isAsciiAt(text, i, "in reply to")) {
                return i;
            }
            if (y == lower) {
                lower = text.indexOf('y', y + 1);
            } else {
                upper = text.indexOf('Y', y + 1);
            }
        }
        return -1;
    }

    /**
     * Whether {@code text} holds {@code needle} (lower-case ASCII letters and spaces) at {@code at}
     * in any ASCII case: what {@code regionMatches(true, ...)} tells for a needle without an
     * {@code i}, {@code k} or {@code s}, the only ASCII letters other characters fold to.
     */
    private static boolean isAsciiAt(String text, int at, String needle) {
        if (at + needle.length() > text.length()) {
            return false;
        }
        for (int j = 0; j < needle.length(); j++) {
            char n = needle.charAt(j);
            char c = text.charAt(at + j);
            if (n == ' ' ? c != ' ' : (c | 0x20) != n) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first index in {@code text[from, to)} where {@code needle} starts, ignoring case, or -1.
     * {@code needle} is lower-case ASCII and holds a character that is no letter (a space, a
     * colon), which no other character matches under {@code regionMatches}' case folding: the
     * intrinsic {@code indexOf} finds each place that character occurs, and only those places are
     * compared. A match starts with the needle's first character in either ASCII case.
     * {@code anchor} is {@link #anchorOf}{@code (needle)}; {@code keys} finds its places (null: a
     * plain search, for one search in a text, which is then linear as well).
     */
    private static int indexOfIgnoreCase(String text, String needle, int anchor, int from, int to, NextChar keys) {
        char key = needle.charAt(anchor);
        char lower = needle.charAt(0);
        char upper = Character.toUpperCase(lower);
        int max = to - needle.length();
        int start = Math.max(0, from);
        for (int k = NextChar.in(keys, text, key, start + anchor, to); k >= 0 && k - anchor <= max; k = NextChar.in(keys, text, key, k + 1, to)) {
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

    /** False for a character no case of {@code s} is: an ASCII one other than {@code s} and {@code S}. */
    private static boolean mayStartSmtp(char c) {
        return c >= 128 || (c | 0x20) == 's';
    }

    /**
     * The next place of one character in one input, found by the intrinsic indexOf and kept: the
     * lines of an input are read in order, and a search inside a line that would read on past its
     * end finds there what the next line's search needs, so that all lines together cost one pass
     * over the input, not one per line. Reused by its thread; {@link #forget()} before each input,
     * and every search between two of them reads that one input. The input is not kept: a
     * reference stored into this long-lived object at each reply would cost the collector's write
     * barrier (with G1, a memory fence) every time.
     */
    private static final class NextChar {
        private boolean known;
        private char c;
        /** The first place of {@code c} at or after {@code from}, or -1 when there is none. */
        private int from;
        private int at;

        void forget() {
            known = false;
        }

        /**
         * {@code keys.in(s, c, from, to)}, or when {@code keys} is null the first index of {@code c}
         * in {@code s[from, to)} by a search of its own: for a single search in a text, or a chain
         * of searches each from past the last one found, which read the text once.
         */
        static int in(NextChar keys, String s, char c, int from, int to) {
            if (keys != null) {
                return keys.in(s, c, from, to);
            }
            int at = s.indexOf(c, from);
            return at >= 0 && at < to ? at : -1;
        }

        /** The first index of {@code c} in {@code s[from, to)}, or -1; {@code s} is the input since the last {@link #forget()}. */
        int in(String s, char c, int from, int to) {
            if (!known || c != this.c || from < this.from || (this.at >= 0 && this.at < from)) {
                known = true;
                this.c = c;
                this.from = from;
                this.at = s.indexOf(c, from);
            }
            return this.at >= 0 && this.at < to ? this.at : -1;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
