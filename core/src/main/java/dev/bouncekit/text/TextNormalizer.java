package dev.bouncekit.text;

/**
 * The one text form phrases are matched in: lower case, every run of white space one space,
 * typographic quotes as ASCII quotes, control characters as spaces, no space at either end.
 *
 * <p>Works one {@code char} at a time: case is folded with {@link Character#toLowerCase(char)},
 * which equals {@code String.toLowerCase(Locale.ROOT)} for every character but {@code U+0130}
 * (capital I with dot), folded to {@code i} rather than to {@code i} and a combining dot. White
 * space is every ASCII control and space, every ISO control, and every Unicode space separator
 * ({@link Character#isSpaceChar}: no-break, em, thin, ideographic spaces, line and paragraph
 * separators, ...).
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** Normalizes {@code text}; null gives the empty string. Linear in the length. */
    public static String normalize(CharSequence text) {
        if (text == null) {
            return "";
        }
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        boolean space = true;
        for (int i = 0; i < n; i++) {
            char c = fold(text.charAt(i));
            if (c == ' ') {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else {
                out.append(c);
                space = false;
            }
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString();
    }

    /** The character a text character stands for in normalized form: lower case, white space and controls as a space. */
    static char fold(char c) {
        if (c < 128) {
            if (c >= 'A' && c <= 'Z') {
                return (char) (c + 32);
            }
            return c <= ' ' || c == 127 ? ' ' : c;
        }
        switch (c) {
            case '\u2018', '\u2019', '\u02bc' -> {
                return '\'';
            }
            case '\u201c', '\u201d' -> {
                return '"';
            }
            default -> {
                return Character.isISOControl(c) || Character.isSpaceChar(c) ? ' ' : Character.toLowerCase(c);
            }
        }
    }
}
