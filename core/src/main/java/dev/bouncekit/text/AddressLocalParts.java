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
     * Blanks, in {@code chars}, which holds a copy of {@code text} from its start, the local parts
     * of the addresses of {@code text}; true when there was one. {@code text} is searched for its
     * {@code @} signs ({@link String#indexOf(int, int)}), {@code chars} written.
     */
    public static boolean blank(String text, char[] chars) {
        int length = text.length();
        boolean blanked = false;
        int blankedTo = 0;  // chars[.., blankedTo) is blanked already where it needs to be
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            if (at + 1 >= length || !startsDomain(text.charAt(at + 1))) {
                continue;
            }
            int from = at;
            while (from > blankedTo && isLocalPartChar(text.charAt(from - 1))) {
                from--;
            }
            for (int i = from; i < at; i++) {
                char c = text.charAt(i);
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                    chars[i] = 'x';
                    blanked = true;
                }
            }
            blankedTo = at + 1;
        }
        return blanked;
    }

    private static boolean startsDomain(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '[';
    }

    /** A character RFC 5322's dot-atom allows in a local part, ASCII only. */
    public static boolean isLocalPartChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return c < 128 && ".!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }
}
