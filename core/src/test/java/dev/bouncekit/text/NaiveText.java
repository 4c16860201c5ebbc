package dev.bouncekit.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A naive reference for matching, written for clarity and not speed: the normalized text built
 * character by character with, for each of its characters, the index in the raw text it came
 * from; occurrences found with {@link String#startsWith(String, int)} at every position.
 */
public final class NaiveText {

    /** Letters phrases use, white space of three kinds, upper case, punctuation, a digit and a non-ASCII letter. */
    public static final char[] TEXT_ALPHABET = {'a', 'b', 'c', 'a', 'b', ' ', '\t', '\n', 'A', 'B', 'C', '.', '-', ',', '1', '\u00e9', '\u00c9'};

    /** The normalized text. */
    public final String normalized;
    /** For each character of {@link #normalized}, its index in {@link #raw}. */
    public final int[] rawIndex;
    /** The text as given. */
    public final String raw;

    public NaiveText(String raw) {
        this.raw = raw;
        StringBuilder out = new StringBuilder();
        List<Integer> from = new ArrayList<>();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                    from.add(i);
                }
            } else {
                out.append(lower(c));
                from.add(i);
            }
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
            from.remove(from.size() - 1);
        }
        normalized = out.toString();
        rawIndex = from.stream().mapToInt(Integer::intValue).toArray();
    }

    /** White space as the normalizer documents it: controls and Unicode space separators. */
    public static boolean isSpace(char c) {
        return c <= ' ' || Character.isISOControl(c) || Character.isSpaceChar(c);
    }

    /** Lower case as {@code String.toLowerCase(Locale.ROOT)}, typographic quotes as ASCII ones. */
    public static char lower(char c) {
        switch (c) {
            case '\u2018', '\u2019', '\u02bc' -> {
                return '\'';
            }
            case '\u201c', '\u201d' -> {
                return '"';
            }
            default -> {
                String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
                return lower.length() == 1 ? lower.charAt(0) : c;
            }
        }
    }

    /**
     * Every end (index in {@link #normalized} of the last character) of {@code phrase}, which may
     * begin and/or end with {@code \b}, among its occurrences that start at or after {@code from}.
     */
    public List<Integer> ends(String phrase, int from) {
        boolean leading = phrase.startsWith("\\b");
        String body = leading ? phrase.substring(2) : phrase;
        boolean trailing = body.endsWith("\\b");
        body = trailing ? body.substring(0, body.length() - 2) : body;
        List<Integer> ends = new ArrayList<>();
        for (int s = Math.max(0, from); s + body.length() <= normalized.length(); s++) {
            if (!normalized.startsWith(body, s)) {
                continue;
            }
            int end = s + body.length() - 1;
            int rawStart = rawIndex[s];
            int rawEnd = rawIndex[end];
            if (leading && rawStart > 0 && Character.isLetterOrDigit(raw.codePointBefore(rawStart))) {
                continue;
            }
            if (trailing && rawEnd + 1 < raw.length() && Character.isLetterOrDigit(raw.codePointAt(rawEnd + 1))) {
                continue;
            }
            ends.add(end);
        }
        return ends;
    }

    /** Every end of {@code phrase}. */
    public List<Integer> ends(String phrase) {
        return ends(phrase, 0);
    }

    /** The length of {@code phrase} without its word-boundary markers. */
    public static int length(String phrase) {
        String body = phrase.startsWith("\\b") ? phrase.substring(2) : phrase;
        return body.endsWith("\\b") ? body.length() - 2 : body.length();
    }
}
