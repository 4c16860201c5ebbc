package dev.bouncekit.text;

import java.util.Arrays;

/**
 * Blanks the leading labels of the host names in a text, so that the words of a machine's name are
 * not read as what its server said: {@code mx.quota.example.net}, {@code spamfilter.example.org} or
 * {@code relay-virus.mail.example.jp} name hosts, not a full mailbox, spam or a virus. In a name of at
 * least three labels whose last one is a top-level domain, every ASCII letter and digit of the labels
 * before its registered domain becomes {@code x}: before the last two labels, or the last three
 * under a country code whose second level is generic ({@code example.co.uk}, {@code docomo.ne.jp}).
 * Everything else stays as it is, and the text keeps its length, so positions in it are positions
 * in the original.
 *
 * <p>{@link PhraseIndex} blanks its phrases the same way, so that a phrase naming a host
 * ({@code support.google.com}, {@code .protection.outlook.com}) still matches the host's name.
 *
 * <p>A name is a run of ASCII letters, digits, hyphens and dots, without its leading and trailing
 * dots, whose labels are not empty; its last label is two letters (a country code) or one of the
 * generic top-level domains mail texts name. Linear in the length of the text: each character is
 * looked at at most three times.
 */
public final class HostNameLabels {

    /** Generic top-level domains, lower case, by length (two-letter ones are country codes: any two letters). */
    private static final String[][] GENERIC_TLDS = byLength(
            "com", "net", "org", "edu", "gov", "mil", "int", "biz", "pro", "cat", "tel", "app", "dev", "xyz", "top",
            "lan", "info", "name", "mobi", "asia", "arpa", "aero", "jobs", "cloud", "email", "online", "site", "tech",
            "club", "shop", "live", "blog", "link", "zone", "host", "page", "store", "space", "website", "example",
            "test", "invalid", "localhost", "local", "localdomain", "internal", "intranet", "corp", "home");

    /** Second-level labels under a country code that name a kind of registrant, not one. */
    private static final String[] GENERIC_SECOND_LEVELS = {
            "co", "com", "net", "org", "ne", "or", "ac", "ad", "go", "gov", "edu", "ed", "gr", "lg", "mil"};

    /** ASCII letters, digits and the hyphen: the characters of a label. */
    private static final boolean[] LABEL_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            LABEL_CHARS[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
        }
    }

    private HostNameLabels() {
    }

    /**
     * Blanks, in {@code chars}, which holds a copy of {@code text} from its start, the leading labels
     * of every host name of {@code text}; true when a character changed. {@code text} is searched for
     * its dots ({@link String#indexOf(int, int)}), {@code chars} read around them and written.
     */
    public static boolean blank(String text, char[] chars) {
        int length = text.length();
        boolean blanked = false;
        int from = 0;
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', from)) {
            if (dot + 1 >= length || !isLabelChar(chars[dot + 1]) && chars[dot + 1] != '.') {
                // A run's first dot has a label or a dot after it: a dot that ends a sentence
                // starts none.
                from = dot + 1;
                continue;
            }
            int start = dot;
            while (start > from && isLabelChar(chars[start - 1])) {
                start--;
            }
            int end = dot + 1;
            while (end < length && (isLabelChar(chars[end]) || chars[end] == '.')) {
                end++;
            }
            blanked |= blankName(chars, start, end);
            from = end;
        }
        return blanked;
    }

    /**
     * {@code phrase} with its host names blanked as {@link #blank(String, char[])} blanks a text's; its
     * word-boundary markers ({@link PhraseIndex#BOUNDARY}) are kept and not read as part of a name.
     */
    public static String blank(String phrase) {
        if (phrase.indexOf('.') < 0) {
            return phrase;
        }
        int from = phrase.startsWith(PhraseIndex.BOUNDARY) ? PhraseIndex.BOUNDARY.length() : 0;
        int to = phrase.length() > from && phrase.endsWith(PhraseIndex.BOUNDARY)
                ? phrase.length() - PhraseIndex.BOUNDARY.length() : phrase.length();
        if (to <= from) {
            return phrase;
        }
        String inner = phrase.substring(from, to);
        char[] body = inner.toCharArray();
        if (!blank(inner, body)) {
            return phrase;
        }
        // A phrase that starts inside a blanked label ("groups.google.com", now "xxxxxx.google.com")
        // would match the end of any longer blanked label ("xxxxxxx.google.com", from support.google.com):
        // it starts at a word boundary, as the name it was written from does.
        boolean leading = from == 0 && body[0] == 'x' && phrase.charAt(0) != 'x';
        return (leading ? PhraseIndex.BOUNDARY : phrase.substring(0, from)) + new String(body) + phrase.substring(to);
    }

    /** Blanks the name in {@code chars[start, end)}, a run of label characters and dots, if it is one. */
    private static boolean blankName(char[] chars, int start, int end) {
        while (start < end && chars[start] == '.') {
            start++;
        }
        while (end > start && chars[end - 1] == '.') {
            end--;
        }
        if (end - start < 5 || !isLetter(chars[end - 1])) {
            return false;  // too short for three labels, or no top-level domain at its end ("5.1.1")
        }
        // The dots that end the last three labels but one, counted from the end: the last one
        // found before the top-level domain, the one before the second level, and the one before
        // the third.
        int lastDot = -1;
        int secondDot = -1;
        int thirdDot = -1;
        int labels = 1;
        for (int i = end - 1; i >= start; i--) {
            if (chars[i] != '.') {
                continue;
            }
            if (i + 1 < end && chars[i + 1] == '.' || i == start) {
                return false;  // an empty label: not a name
            }
            labels++;
            if (lastDot < 0) {
                lastDot = i;
            } else if (secondDot < 0) {
                secondDot = i;
            } else if (thirdDot < 0) {
                thirdDot = i;
            }
        }
        if (labels < 3 || !isTopLevel(chars, lastDot + 1, end)) {
            return false;
        }
        int keepFrom = secondDot;
        if (end - lastDot - 1 == 2 && isGenericSecondLevel(chars, secondDot + 1, lastDot)) {
            if (labels < 4) {
                return false;
            }
            keepFrom = thirdDot;
        }
        boolean blanked = false;
        for (int i = start; i < keepFrom; i++) {
            char c = chars[i];
            if (c != 'x' && (isLetter(c) || c >= '0' && c <= '9')) {
                chars[i] = 'x';
                blanked = true;
            }
        }
        return blanked;
    }

    /**
     * Whether {@code name}'s last label is a top-level domain as this class knows them: two letters
     * (a country code) or one of the generic ones mail texts name ({@code com}, {@code net}, ...).
     */
    public static boolean endsInTopLevelDomain(String name) {
        char[] chars = name.toCharArray();
        return isTopLevel(chars, name.lastIndexOf('.') + 1, chars.length);
    }

    private static boolean isTopLevel(char[] chars, int from, int to) {
        int n = to - from;
        for (int i = from; i < to; i++) {
            if (!isLetter(chars[i])) {
                return false;
            }
        }
        return n == 2 || n < GENERIC_TLDS.length && contains(GENERIC_TLDS[n], chars, from);
    }

    private static boolean isGenericSecondLevel(char[] chars, int from, int to) {
        for (String label : GENERIC_SECOND_LEVELS) {
            if (label.length() == to - from && sameIgnoringCase(label, chars, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String[] words, char[] chars, int from) {
        for (String word : words) {
            if (sameIgnoringCase(word, chars, from)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code chars} from {@code from} spell {@code lower}, a lower-case ASCII word, in any case. */
    private static boolean sameIgnoringCase(String lower, char[] chars, int from) {
        for (int i = 0; i < lower.length(); i++) {
            if ((chars[from + i] | 0x20) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** An ASCII letter or digit, or a hyphen: a character of a host name's label. */
    static boolean isLabelChar(char c) {
        return c < 128 && LABEL_CHARS[c];
    }

    private static String[][] byLength(String... words) {
        int longest = 0;
        for (String word : words) {
            longest = Math.max(longest, word.length());
        }
        String[][] out = new String[longest + 1][];
        for (int n = 0; n <= longest; n++) {
            int length = n;
            out[n] = Arrays.stream(words).filter(w -> w.length() == length).toArray(String[]::new);
        }
        return out;
    }
}
