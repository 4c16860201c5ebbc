package dev.bouncekit.reply;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the RFC 2047 encoded words of a text, {@code =?charset?B?...?=} and
 * {@code =?charset?Q?...?=}, as servers write non-ASCII text into DSN fields. Any charset the JDK
 * knows is read, with an RFC 2231 language suffix ({@code =?UTF-8*ja?B?...?=}) left out. White
 * space between two encoded words, a folded line break included, is dropped (RFC 2047 section
 * 6.2), and the bytes of adjacent words in one charset are decoded together, so that a character
 * split between two words comes out whole. A word in an unknown charset, with bad base64 or a bad
 * {@code =XX}, or malformed in any way stays as it is written.
 *
 * <p>Never throws, and runs in time linear in the text: a candidate word is read only up to its
 * third {@code ?}, so that a character is read by at most three of them. The charsets are looked
 * up in a table made once, at the first encoded word: the JDK's own look-up of a name it does not
 * know searches its charset providers every time.
 */
final class EncodedWords {

    private static final byte[] BASE64 = new byte[128];

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    private final String text;
    private StringBuilder out;
    /** {@code text[copied, ...)} is not in {@link #out} yet. */
    private int copied;
    /** The charset of the words decoded last and not yet written out ({@link #pending}), or null. */
    private Charset pendingCharset;
    private byte[] pending = new byte[64];
    private int pendingLength;
    /** One word's bytes. */
    private byte[] bytes = new byte[64];
    private int length;

    private EncodedWords(String text) {
        this.text = text;
    }

    /** {@code text} with its encoded words decoded: {@code text} itself when it holds none that decodes. */
    static String decode(String text) {
        int at = text.indexOf("=?");
        return at < 0 ? text : new EncodedWords(text).decodeFrom(at);
    }

    private String decodeFrom(int at) {
        while (at >= 0) {
            int end = wordAt(at);
            at = text.indexOf("=?", end > 0 ? end : at + 1);
        }
        if (out == null) {
            return text;
        }
        flush();
        return out.append(text, copied, text.length()).toString();
    }

    /** Decodes the encoded word at {@code at} into {@link #pending} and returns its end, or -1 when none stands there. */
    private int wordAt(int at) {
        int n = text.length();
        int charsetEnd = at + 2;
        int languageAt = -1;
        while (charsetEnd < n && isCharsetChar(text.charAt(charsetEnd))) {
            if (text.charAt(charsetEnd) == '*' && languageAt < 0) {
                languageAt = charsetEnd;
            }
            charsetEnd++;
        }
        int nameEnd = languageAt < 0 ? charsetEnd : languageAt;
        if (nameEnd == at + 2 || charsetEnd + 3 >= n || text.charAt(charsetEnd) != '?' || text.charAt(charsetEnd + 2) != '?') {
            return -1;
        }
        char encoding = (char) (text.charAt(charsetEnd + 1) | 0x20);
        int from = charsetEnd + 3;
        int to = from;
        while (to < n && text.charAt(to) > ' ' && text.charAt(to) < 0x7f && text.charAt(to) != '?') {
            to++;
        }
        if (to == from || to + 1 >= n || text.charAt(to) != '?' || text.charAt(to + 1) != '=') {
            return -1;
        }
        boolean decoded = encoding == 'b' ? base64(from, to) : encoding == 'q' && quoted(from, to);
        Charset charset = decoded ? charset(at + 2, nameEnd) : null;
        if (charset == null) {
            return -1;
        }
        if (out == null) {
            out = new StringBuilder(text.length());
        }
        if (pendingCharset == null || !isFoldingWhiteSpace(copied, at)) {
            flush();
            out.append(text, copied, at);
        } else if (!charset.equals(pendingCharset)) {
            flush();
        }
        pendingCharset = charset;
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(2 * pending.length, pendingLength + length));
        }
        System.arraycopy(bytes, 0, pending, pendingLength, length);
        pendingLength += length;
        copied = to + 2;
        return copied;
    }

    /** Writes out the words decoded and not written yet. */
    private void flush() {
        if (pendingCharset != null) {
            out.append(new String(pending, 0, pendingLength, pendingCharset));
            pendingCharset = null;
            pendingLength = 0;
        }
    }

    /** The charset named by {@code text[from, to)}, or null when the JDK knows none by that name. */
    private Charset charset(int from, int to) {
        return KnownCharsets.BY_NAME.get(text.substring(from, to).toLowerCase(Locale.ROOT));
    }

    /** Decodes the B encoding of {@code text[from, to)} into {@link #bytes}; false for bad base64. */
    private boolean base64(int from, int to) {
        int end = to;
        while (end > from && text.charAt(end - 1) == '=' && to - end < 2) {
            end--;
        }
        int digits = end - from;
        if (digits % 4 == 1 || to - end > 0 && (digits + to - end) % 4 != 0) {
            return false;
        }
        ensure(digits * 3 / 4);
        length = 0;
        int bits = 0;
        int held = 0;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            int value = c < 128 ? BASE64[c] : -1;
            if (value < 0) {
                return false;
            }
            bits = bits << 6 | value;
            held += 6;
            if (held >= 8) {
                held -= 8;
                bytes[length++] = (byte) (bits >> held);
            }
        }
        return true;
    }

    /** Decodes the Q encoding of {@code text[from, to)} into {@link #bytes}; false for a bad {@code =XX}. */
    private boolean quoted(int from, int to) {
        ensure(to - from);
        length = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '=') {
                int high = i + 2 < to ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (low < 0) {
                    return false;
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                bytes[length++] = (byte) (c == '_' ? ' ' : c);
            }
        }
        return true;
    }

    private void ensure(int capacity) {
        if (bytes.length < capacity) {
            bytes = new byte[capacity];
        }
    }

    /**
     * Whether {@code text[from, to)} is white space alone, every line break in it followed by a
     * space or tab (a folded header line): what RFC 2047 drops between two encoded words.
     */
    private boolean isFoldingWhiteSpace(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < to && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (i + 1 >= to || text.charAt(i + 1) != ' ' && text.charAt(i + 1) != '\t') {
                    return false;
                }
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** A character of a charset name as the JDK allows it, or {@code *} before a language. */
    private static boolean isCharsetChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '_' || c == '+' || c == '.' || c == ':' || c == '*';
    }

    /** Every charset the JDK has, by each of its names and aliases in lower case; made at first use. */
    private static final class KnownCharsets {
        static final Map<String, Charset> BY_NAME = byName();

        private static Map<String, Charset> byName() {
            Map<String, Charset> byName = new HashMap<>();
            for (Charset charset : Charset.availableCharsets().values()) {
                byName.put(charset.name().toLowerCase(Locale.ROOT), charset);
                for (String alias : charset.aliases()) {
                    byName.put(alias.toLowerCase(Locale.ROOT), charset);
                }
            }
            return Map.copyOf(byName);
        }
    }
}
