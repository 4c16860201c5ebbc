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
    /** Signature hashes, so that a reply that is no catalog entry costs no string building. */
    private final java.util.Set<Long> hashes = new java.util.HashSet<>();
    /** The code and status pairs of the entries: a reply with another pair is read no further. */
    private final java.util.Set<Long> codes = new java.util.HashSet<>();
    private final java.util.Set<String> distinctive = new java.util.HashSet<>();

    /** A matcher over {@code catalog}'s entries; on equal signatures the first entry wins. */
    public CatalogMatcher(Catalog catalog) {
        for (CatalogEntry entry : catalog.entries()) {
            String signature = signature(entry.reply());
            bySignature.putIfAbsent(signature, entry);
            hashes.add(hash(signature));
            codes.add(codeKey(entry.reply()));
            if (isDistinctive(entry)) {
                distinctive.add(entry.id());
            }
        }
    }

    /** The entry {@code reply} is, if any. */
    public Optional<CatalogEntry> find(SmtpReply reply) {
        if (reply.isEmpty() || !codes.contains(codeKey(reply)) || !hashes.contains(hashOf(reply))) {
            return Optional.empty();
        }
        return Optional.ofNullable(bySignature.get(signature(reply)));
    }

    /** {@link #isDistinctive(CatalogEntry)}, for an entry of this matcher's catalog, without recomputing it. */
    public boolean names(CatalogEntry entry) {
        return distinctive.contains(entry.id());
    }

    private static long codeKey(SmtpReply reply) {
        long code = reply.hasCode() ? reply.code() : 0;
        if (reply.status() == null) {
            return code;
        }
        return ((code * 10 + reply.status().statusClass()) * 1000 + reply.status().subject()) * 1000 + reply.status().detail() + 1_000_000_000L;
    }

    /** FNV-1a over the characters of a signature. */
    private static long hash(CharSequence signature) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < signature.length(); i++) {
            h = (h ^ signature.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** {@code hash(signature(reply))}, computed without building the signature. */
    static long hashOf(SmtpReply reply) {
        Hasher out = new Hasher();
        out.append(reply.hasCode() ? Integer.toString(reply.code()) : "0").append('|')
                .append(String.valueOf(reply.status())).append('|');
        tokens(reply.text(), out);
        return out.h;
    }

    /** An {@link Appendable}-like sink that only hashes. */
    private static final class Hasher implements Sink {
        long h = 0xcbf29ce484222325L;

        @Override
        public Hasher append(char c) {
            h = (h ^ c) * 0x100000001b3L;
            return this;
        }

        @Override
        public Hasher append(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                append(text.charAt(i));
            }
            return this;
        }
    }

    /** Where a signature goes: a string or a hash. */
    private interface Sink {
        Sink append(char c);

        Sink append(CharSequence text);
    }

    /** A sink that builds the signature string. */
    private static final class Builder implements Sink {
        final StringBuilder out = new StringBuilder();

        @Override
        public Builder append(char c) {
            out.append(c);
            return this;
        }

        @Override
        public Builder append(CharSequence text) {
            out.append(text);
            return this;
        }
    }

    /**
     * True when the entry's text is long enough to be one provider's own wording (eight words or
     * more besides addresses and tokens), not a short phrase many servers send alike.
     */
    public static boolean isDistinctive(CatalogEntry entry) {
        Builder all = new Builder();
        tokens(entry.reply().text(), entry.reply().text().length(), all);  // as documented, stage report included
        int words = 0;
        for (String word : all.out.toString().split(" ")) {
            if (!word.isEmpty() && !word.startsWith("<") && word.chars().anyMatch(Character::isLetter)) {
                words++;
            }
        }
        return words >= 8;
    }

    /** The comparison key of a reply: code, status and its text with variable tokens masked. */
    static String signature(SmtpReply reply) {
        Builder out = new Builder();
        out.append(reply.hasCode() ? Integer.toString(reply.code()) : "0").append('|')
                .append(String.valueOf(reply.status())).append('|');
        tokens(reply.text(), out);
        return out.out.toString();
    }

    /**
     * The masked words of {@code text}, without the addresses it starts with (a bounce quotes a
     * reply after the recipient's address: {@code <rcpt>: host X said: 550 ...}) and without a
     * trailing stage report.
     */
    private static void tokens(String text, Sink out) {
        tokens(text, endOfWording(text), out);
    }

    private static void tokens(String text, int n, Sink out) {
        int i = 0;
        boolean leading = true;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (start < i) {
                if (leading && isAddress(text, start, i)) {
                    continue;
                }
                leading = false;
                mask(text, start, i, out);
                out.append(' ');
            }
        }
    }

    private static boolean isAddress(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '@') {
                return true;
            }
        }
        return false;
    }

    /** Longest stage report read at the end of a text: "(in reply to end of DATA command))". */
    private static final int LONGEST_STAGE_REPORT = 48;

    /**
     * Where the reply's own wording ends: before trailing Postfix stage reports, {@code (in reply
     * to RCPT TO command)}, which say when the reply came, not what it said (a quoted reply may
     * carry its own before the bounce's). Reads a bounded tail per report.
     */
    static int endOfWording(String text) {
        int end = text.length();
        for (int before = stageReportStart(text, end); before < end; before = stageReportStart(text, end)) {
            end = before;
        }
        return end;
    }

    /** Where a stage report ending at {@code n} starts, or {@code n} when none ends there. */
    private static int stageReportStart(String text, int n) {
        int close = n;
        while (close > 0 && (Character.isWhitespace(text.charAt(close - 1)) || text.charAt(close - 1) == ')'
                || text.charAt(close - 1) == '.')) {
            close--;
        }
        String marker = "(in reply to ";
        String command = " command";
        if (close < command.length() || !text.regionMatches(true, close - command.length(), command, 0, command.length())) {
            return n;
        }
        for (int i = close - command.length() - marker.length(); i >= Math.max(0, n - LONGEST_STAGE_REPORT); i--) {
            if (text.regionMatches(true, i, marker, 0, marker.length())) {
                int end = i;
                while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                return end;
            }
        }
        return n;
    }

    private static void mask(String text, int start, int end, Sink out) {
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
            out.append("<address>");
        } else if (digits > 0 && dots >= 3 && letters == 0) {
            out.append("<ip>");
        } else if (digits > 0 && letters > 0 && end - start >= 12) {
            out.append("<token>");
        } else {
            for (int i = start; i < end; i++) {
                out.append(Character.toLowerCase(text.charAt(i)));
            }
        }
    }
}
