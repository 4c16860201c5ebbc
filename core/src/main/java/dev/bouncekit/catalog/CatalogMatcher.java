package dev.bouncekit.catalog;

import dev.bouncekit.reply.SmtpReply;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the catalog entry a reply is, word for word: same reply code, same enhanced status code,
 * same text once case, white space and the parts that change from one delivery to the next are
 * set aside (addresses, IP addresses, long tokens that mix letters and digits such as queue ids).
 * Immutable and thread-safe; linear in the reply's length.
 */
public final class CatalogMatcher {

    private final Map<String, CatalogEntry> bySignature = new HashMap<>();

    /** A matcher over {@code catalog}'s entries; on equal signatures the first entry wins. */
    public CatalogMatcher(Catalog catalog) {
        for (CatalogEntry entry : catalog.entries()) {
            bySignature.putIfAbsent(signature(entry.reply()), entry);
        }
    }

    /** The entry {@code reply} is, if any. */
    public Optional<CatalogEntry> find(SmtpReply reply) {
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(bySignature.get(signature(reply)));
    }

    /**
     * True when the entry's text is long enough to be one provider's own wording (eight words or
     * more besides addresses and tokens), not a short phrase many servers send alike.
     */
    public static boolean isDistinctive(CatalogEntry entry) {
        String signature = signature(entry.reply());
        int words = 0;
        for (String word : signature.substring(signature.lastIndexOf('|') + 1).split(" ")) {
            if (!word.isEmpty() && !word.startsWith("<") && word.chars().anyMatch(Character::isLetter)) {
                words++;
            }
        }
        return words >= 8;
    }

    /** The comparison key of a reply: code, status and its text with variable tokens masked. */
    static String signature(SmtpReply reply) {
        StringBuilder out = new StringBuilder();
        out.append(reply.hasCode() ? reply.code() : 0).append('|').append(reply.status()).append('|');
        String text = reply.text();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (start < i) {
                out.append(mask(text, start, i)).append(' ');
            }
        }
        return out.toString();
    }

    private static String mask(String text, int start, int end) {
        int letters = 0;
        int digits = 0;
        int dots = 0;
        boolean at = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (Character.isDigit(c)) {
                digits++;
            } else if (c == '.') {
                dots++;
            } else if (c == '@') {
                at = true;
            }
        }
        if (at) {
            return "<address>";
        }
        if (digits > 0 && dots >= 3 && letters == 0) {
            return "<ip>";
        }
        if (digits > 0 && letters > 0 && end - start >= 12) {
            return "<token>";
        }
        return text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    }
}
