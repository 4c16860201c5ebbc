package dev.bouncekit.status;

import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 3463 enhanced status code {@code class.subject.detail}, such as {@code 5.1.1}.
 *
 * @param statusClass 2 (success), 4 (persistent transient failure) or 5 (permanent failure)
 * @param subject     0 to 7: the RFC 3463 subject (addressing, mailbox, system, network, protocol,
 *                    content, security)
 * @param detail      0 to 999
 */
public record EnhancedStatusCode(int statusClass, int subject, int detail) {

    /** How many codes there are: the {@link #index()} of each is below this. */
    public static final int COUNT = 3 * 8 * 1000;
    /** Codes read from texts, by {@link #index()}; filled on first use. */
    private static final EnhancedStatusCode[] READ = new EnhancedStatusCode[COUNT];
    /** {@link #toString()} of each code, by {@link #index()}; filled on first use. */
    private static final String[] TEXTS = new String[COUNT];

    public EnhancedStatusCode {
        if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
            throw new IllegalArgumentException("status class must be 2, 4 or 5, not " + statusClass);
        }
        if (subject < 0 || subject > 7) {
            throw new IllegalArgumentException("status subject must be 0 to 7, not " + subject);
        }
        if (detail < 0 || detail > 999) {
            throw new IllegalArgumentException("status detail must be 0 to 999, not " + detail);
        }
    }

    /**
     * Reads {@code "5.1.1"}. Surrounding white space is ignored.
     *
     * @return the code, or empty when the text is not exactly one enhanced status code
     */
    public static Optional<EnhancedStatusCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        int end = matchAt(t, 0);
        if (end != t.length()) {
            return Optional.empty();
        }
        return Optional.of(at(t, 0, end));
    }

    /**
     * Reads {@code "5.1.1"}, throwing when it is not one.
     *
     * @throws IllegalArgumentException when the text is not an enhanced status code
     */
    public static EnhancedStatusCode of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(
                "not an enhanced status code (class.subject.detail, e.g. 5.1.1): '" + text + "'"));
    }

    /**
     * Length-checks a code starting at {@code from}: returns the index after it, or -1 when
     * {@code text} holds no code at that index. Needs the class digit, a dot, one subject digit,
     * a dot, and one to three detail digits. Whether the code stands alone is the caller's check.
     */
    static int matchAt(CharSequence text, int from) {
        return matchAt(text, from, text.length());
    }

    /** {@link #matchAt(CharSequence, int)} in {@code text} up to {@code n}. */
    private static int matchAt(CharSequence text, int from, int n) {
        if (from + 5 > n) {
            return -1;
        }
        char c = text.charAt(from);
        if (c != '2' && c != '4' && c != '5') {
            return -1;
        }
        if (text.charAt(from + 1) != '.') {
            return -1;
        }
        int i = from + 2;
        int subjectDigits = 0;
        while (i < n && isDigit(text.charAt(i)) && subjectDigits < 2) {
            i++;
            subjectDigits++;
        }
        if (subjectDigits != 1 || i >= n || text.charAt(i) != '.') {
            return -1;
        }
        if (text.charAt(from + 2) > '7') {
            return -1;
        }
        i++;
        int detailStart = i;
        while (i < n && isDigit(text.charAt(i)) && i - detailStart < 4) {
            i++;
        }
        int detailDigits = i - detailStart;
        if (detailDigits < 1 || detailDigits > 3) {
            return -1;
        }
        return i;
    }

    /** Builds the code found by {@link #matchAt} between {@code from} and {@code end}. */
    static EnhancedStatusCode at(CharSequence text, int from, int end) {
        int detail = 0;
        for (int i = from + 4; i < end; i++) {
            detail = detail * 10 + (text.charAt(i) - '0');
        }
        int statusClass = text.charAt(from) - '0';
        int subject = text.charAt(from + 2) - '0';
        int slot = index(statusClass, subject, detail);
        EnhancedStatusCode code = READ[slot];
        if (code == null) {
            code = new EnhancedStatusCode(statusClass, subject, detail);
            READ[slot] = code;
        }
        return code;
    }

    /**
     * The code {@code text[from, to)} is, white space around it ignored, as {@link #parse(String)}
     * reads it; null when the range is not exactly one code. Copies nothing.
     *
     * @throws IndexOutOfBoundsException when {@code [from, to)} is not a range of {@code text}
     */
    public static EnhancedStatusCode read(CharSequence text, int from, int to) {
        Objects.checkFromToIndex(from, to, text.length());
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        return to > from && matchAt(text, from, to) == to ? at(text, from, to) : null;
    }

    /**
     * Whether a stand-alone code starts at {@code at} of {@code text[from, to)}: what
     * {@code indexIn(text.subSequence(from, to), at - from) == at - from} tells, without copying; false
     * when {@code at} lies outside the range.
     *
     * @throws IndexOutOfBoundsException when {@code [from, to)} is not a range of {@code text}
     */
    public static boolean standsAt(CharSequence text, int at, int from, int to) {
        Objects.checkFromToIndex(from, to, text.length());
        if (at < from || at + 5 > to) {
            return false;
        }
        char c = text.charAt(at);
        if (c != '2' && c != '4' && c != '5') {
            return false;
        }
        if (at > from && isNumberPart(text.charAt(at - 1))) {
            return false;
        }
        int end = matchAt(text, at, to);
        if (end < 0) {
            return false;
        }
        return !(end < to && (isDigit(text.charAt(end))
                || (text.charAt(end) == '.' && end + 1 < to && isDigit(text.charAt(end + 1)))));
    }

    /**
     * Finds the first enhanced status code in {@code text} that stands alone: not part of a longer
     * dotted number such as an IP address or a version ({@code 4.16.55.1}).
     *
     * @return the code, or empty when there is none
     */
    public static Optional<EnhancedStatusCode> find(CharSequence text) {
        int at = indexIn(text, 0);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(at(text, at, matchAt(text, at)));
    }

    /** Index of the first stand-alone code at or after {@code from}, or -1. Linear in the length. */
    public static int indexIn(CharSequence text, int from) {
        if (text == null) {
            return -1;
        }
        int n = text.length();
        int start = Math.max(0, from);
        if (text instanceof String s) {
            // A code has a dot after its first digit: the intrinsic indexOf finds the places to try.
            for (int dot = s.indexOf('.', start + 1); dot >= 0 && dot + 4 <= n; dot = s.indexOf('.', dot + 1)) {
                if (standsAloneAt(s, dot - 1, n)) {
                    return dot - 1;
                }
            }
            return -1;
        }
        for (int i = start; i + 5 <= n; i++) {
            if (standsAloneAt(text, i, n)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a stand-alone code starts at {@code i} of {@code text}, {@code n} long. */
    private static boolean standsAloneAt(CharSequence text, int i, int n) {
        char c = text.charAt(i);
        if (c != '2' && c != '4' && c != '5') {
            return false;
        }
        if (i > 0 && isNumberPart(text.charAt(i - 1))) {
            return false;
        }
        int end = matchAt(text, i);
        if (end < 0) {
            return false;
        }
        return !(end < n && (isDigit(text.charAt(end))
                || (text.charAt(end) == '.' && end + 1 < n && isDigit(text.charAt(end + 1)))));
    }

    private static boolean isNumberPart(char c) {
        return isDigit(c) || c == '.';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** True for class 5: the failure is permanent. */
    public boolean isPermanent() {
        return statusClass == 5;
    }

    /**
     * This code's number among all codes, 0 to {@link #COUNT} - 1, by class (2, 4, 5), subject and
     * detail: a table kept per code is an array indexed by it.
     */
    public int index() {
        return index(statusClass, subject, detail);
    }

    private static int index(int statusClass, int subject, int detail) {
        return ((statusClass == 2 ? 0 : statusClass == 4 ? 1 : 2) * 8 + subject) * 1000 + detail;
    }

    /** True for class 4: the failure is temporary. */
    public boolean isTransient() {
        return statusClass == 4;
    }

    /** The same subject and detail under another class, e.g. {@code 4.2.2} for {@code 5.2.2}. */
    public EnhancedStatusCode withClass(int newClass) {
        return new EnhancedStatusCode(newClass, subject, detail);
    }

    /** The code as written on the wire: {@code 5.1.1}. */
    @Override
    public String toString() {
        int slot = index(statusClass, subject, detail);
        String text = TEXTS[slot];
        if (text == null) {
            text = statusClass + "." + subject + "." + detail;
            TEXTS[slot] = text;
        }
        return text;
    }
}
