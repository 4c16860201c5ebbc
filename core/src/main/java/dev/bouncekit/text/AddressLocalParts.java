package dev.bouncekit.text;

/**
 * Blanks the local parts of the e-mail addresses in a reply text, so that the words of an address
 * are not read as what the server said: {@code <mailbox-full@example.org>},
 * {@code <dmarc-reports@example.com>} or {@code this-local-part-does-not-exist@example.jp} name a
 * mailbox, not a full mailbox, a DMARC failure or an unknown user. Every ASCII letter and digit of a
 * local part becomes {@code x}; everything else, the domain included, stays as it is, and the text
 * keeps its length, so positions in it are positions in the original.
 *
 * <p>A local part is the run of characters an address allows there (ASCII letters, digits and
 * {@code .!#$%&'*+-/=?^_`{|}~}) right before an {@code @} that a domain follows (a letter, a digit
 * or {@code [}). Linear in the length of the text: each character is looked at at most twice.
 */
public final class AddressLocalParts {

    private AddressLocalParts() {
    }

    /**
     * {@code text} itself when it holds no address; otherwise {@code into}, emptied, holding
     * {@code text} with its local parts blanked.
     */
    public static CharSequence blanked(CharSequence text, StringBuilder into) {
        int n = text.length();
        boolean copied = false;
        int blankedTo = 0;  // text[.., blankedTo) is blanked already where it needs to be
        for (int at = indexOfAt(text, 0, n); at >= 0; at = indexOfAt(text, at + 1, n)) {
            if (at + 1 >= n || !startsDomain(text.charAt(at + 1))) {
                continue;
            }
            int from = at;
            while (from > blankedTo && isLocalPartChar(text.charAt(from - 1))) {
                from--;
            }
            if (from == at) {
                continue;
            }
            if (!copied) {
                into.setLength(0);
                into.append(text);
                copied = true;
            }
            for (int i = from; i < at; i++) {
                char c = text.charAt(i);
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                    into.setCharAt(i, 'x');
                }
            }
            blankedTo = at + 1;
        }
        return copied ? into : text;
    }

    private static int indexOfAt(CharSequence text, int from, int n) {
        if (text instanceof String s) {
            return s.indexOf('@', from);
        }
        for (int i = from; i < n; i++) {
            if (text.charAt(i) == '@') {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsDomain(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '[';
    }

    /** A character RFC 5322's dot-atom allows in a local part, ASCII only. */
    private static boolean isLocalPartChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return c < 128 && ".!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }
}
