package dev.bouncekit.catalog;

import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.text.AddressLocalParts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the catalog entry a reply is, word for word: same reply code, same enhanced status code,
 * same text once case, white space and the parts that change from one delivery to the next are
 * set aside (addresses, IP addresses, long tokens that mix letters and digits such as queue ids).
 * Immutable and thread-safe; linear in the reply's length.
 */
public final class CatalogMatcher {

    private final List<CatalogEntry> entries = new ArrayList<>();
    private final List<String> signatures = new ArrayList<>();
    /** Per entry: its own text, as parsed. */
    private final String[] texts;
    /** Per entry: where the text part of its signature starts (after {@code code|status|}). */
    private final int[] textAts;
    /** The code and status pairs of the entries, sorted: a reply with another pair is no entry. */
    private final long[] codeKeys;
    /**
     * Per entry, its code and status pair's position in {@link #codeKeys} (high half) with the hash
     * of the first word of its signature's text (low half), sorted: a reply whose pair and first
     * word are no entry's is read no further.
     */
    private final long[] openings;
    /** Per opening of {@link #openings}: the entries that open so, in catalog order (a handful at most). */
    private final int[][] openingEntries;
    /**
     * Per code and status pair of {@link #codeKeys}: the length of each of its entries' texts (high
     * half) with the entry (low half). A reply that is an entry's text exactly, as fixed replies are,
     * is found by its length and one {@code equals}, before its words are read.
     */
    private final long[][] verbatimEntries;
    private final Set<String> distinctive = new HashSet<>();

    /** A matcher over {@code catalog}'s entries; on equal signatures the first entry wins. */
    public CatalogMatcher(Catalog catalog) {
        Map<String, Integer> bySignature = new HashMap<>();
        for (CatalogEntry entry : catalog.entries()) {
            String signature = signature(entry.reply());
            if (bySignature.putIfAbsent(signature, entries.size()) == null) {
                entries.add(entry);
                signatures.add(signature);
            }
            if (isDistinctive(entry)) {
                distinctive.add(entry.id());
            }
        }
        textAts = signatures.stream().mapToInt(signature -> signature.lastIndexOf('|') + 1).toArray();
        texts = entries.stream().map(entry -> entry.reply().text()).toArray(String[]::new);
        codeKeys = entries.stream().mapToLong(entry -> codeKey(entry.reply())).distinct().sorted().toArray();
        Map<Long, List<Integer>> byOpening = new TreeMap<>();
        for (int e = 0; e < entries.size(); e++) {
            String signature = signatures.get(e);
            int space = signature.indexOf(' ', textAts[e]);
            String firstWord = signature.substring(textAts[e], space < 0 ? signature.length() : space);
            long opening = opening(Arrays.binarySearch(codeKeys, codeKey(entries.get(e).reply())), firstWord.hashCode());
            byOpening.computeIfAbsent(opening, k -> new ArrayList<>()).add(e);
        }
        openings = byOpening.keySet().stream().mapToLong(Long::longValue).toArray();
        openingEntries = byOpening.values().stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        List<List<Long>> byCode = new ArrayList<>();
        for (int k = 0; k < codeKeys.length; k++) {
            byCode.add(new ArrayList<>());
        }
        for (int e = 0; e < entries.size(); e++) {
            byCode.get(Arrays.binarySearch(codeKeys, codeKey(entries.get(e).reply()))).add((long) texts[e].length() << 32 | e);
        }
        verbatimEntries = byCode.stream().map(list -> list.stream().mapToLong(Long::longValue).toArray()).toArray(long[][]::new);
    }

    private static long opening(int codeAt, int firstWordHash) {
        return ((long) codeAt << 32) | (firstWordHash & 0xffffffffL);
    }

    /** The entry {@code reply} is, if any. */
    public Optional<CatalogEntry> find(SmtpReply reply) {
        return Optional.ofNullable(entryOf(reply, reply.text()));
    }

    /**
     * The entry {@code reply} is, or null; {@code text} is {@code reply.text()}, which the caller
     * has at hand. Allocates nothing.
     */
    public CatalogEntry entryOf(SmtpReply reply, String text) {
        int match = match(reply, text);
        return match == NO_MATCH ? null : entry(match);
    }

    /** What {@link #match} answers for a reply that is no entry. */
    public static final int NO_MATCH = -1;

    /**
     * {@link #entryOf} as a number, {@link #NO_MATCH} when the reply is no entry: {@link #entry(int)}
     * gives the entry, {@link #number(int)} its place among {@link #size()}, and
     * {@link #isVerbatim(int)} whether {@code text} is the entry's own text exactly (as fixed
     * replies are), which the caller need not compare again. Allocates nothing.
     */
    public int match(SmtpReply reply, String text) {
        if (reply.isEmpty()) {
            return NO_MATCH;
        }
        // A code and status pair no entry has is no entry; nor is a first word no entry of the
        // pair starts with: the rest of the text is not read.
        int codeAt = Arrays.binarySearch(codeKeys, codeKey(reply));
        if (codeAt < 0) {
            return NO_MATCH;
        }
        // Signatures are distinct, so an entry whose text the reply's is exactly is the one entry
        // of the reply's signature: found without reading the words.
        long length = text.length();
        for (long lengthAndEntry : verbatimEntries[codeAt]) {
            int entry = (int) lengthAndEntry;
            if (lengthAndEntry >>> 32 == length && text.equals(texts[entry])) {
                return 2 * entry + 1;
            }
        }
        int end = endOfWording(text);
        int start = wordingStart(text, end);
        int at = Arrays.binarySearch(openings, opening(codeAt, firstWordHash(text, start, end)));
        if (at < 0) {
            return NO_MATCH;
        }
        // At most one entry has the reply's signature; a comparison with another stops at its
        // first other word.
        for (int entry : openingEntries[at]) {
            if (sameText(text, start, end, signatures.get(entry), textAts[entry])) {
                return 2 * entry;
            }
        }
        return NO_MATCH;
    }

    /** The entry of a {@link #match} other than {@link #NO_MATCH}. */
    public CatalogEntry entry(int match) {
        return entries.get(number(match));
    }

    /** The place among {@link #size()} of the entry of a {@link #match} other than {@link #NO_MATCH}. */
    public static int number(int match) {
        return match >>> 1;
    }

    /** Whether a {@link #match} other than {@link #NO_MATCH} is the entry's own text exactly. */
    public static boolean isVerbatim(int match) {
        return (match & 1) != 0;
    }

    /** How many entries {@link #match} tells apart: the catalog's, but one for each signature. */
    public int size() {
        return entries.size();
    }

    /** The entry numbered {@code number} by {@link #number(int)}, from 0 to {@link #size()}. */
    public CatalogEntry entryAt(int number) {
        return entries.get(number);
    }

    /**
     * {@code hashCode()} of the first word of {@code text[from, n)} as a signature writes it (its
     * mask, or the word in lower case), without making it; 0 when there is no word.
     */
    private static int firstWordHash(String text, int from, int n) {
        int i = from;
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < n && !isSpace(text.charAt(i))) {
            i++;
        }
        String masked = start < i ? maskOf(text, start, i) : null;
        if (masked != null) {
            return masked.hashCode();
        }
        int h = 0;
        for (int k = start; k < i; k++) {
            h = 31 * h + lower(text.charAt(k));
        }
        return h;
    }

    /** {@link Character#isWhitespace(char)}, by ranges for ASCII. */
    private static boolean isSpace(char c) {
        return c < 128 ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f') : Character.isWhitespace(c);
    }

    /** {@link Character#toLowerCase(char)}, by arithmetic for ASCII. */
    private static char lower(char c) {
        return c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }

    /**
     * Whether the masked words of {@code text[from, n)}, as {@link #tokens} writes them, are
     * {@code signature} from {@code at} on. Each word is compared as it is read; only a word with a
     * digit, an {@code @} or a character outside ASCII, the only ones {@link #maskOf} can mask, is
     * read a second time for its mask.
     */
    private static boolean sameText(String text, int from, int n, String signature, int at) {
        int length = signature.length();
        int i = from;
        int j = at;
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            int wordAt = j;
            boolean same = true;
            boolean maskable = false;
            while (i < n) {
                char c = text.charAt(i);
                if (isSpace(c)) {
                    break;
                }
                maskable |= c == '@' || (c >= '0' && c <= '9') || c >= 128;
                if (same) {
                    if (j < length && signature.charAt(j) == lower(c)) {
                        j++;
                    } else {
                        same = false;
                    }
                }
                i++;
            }
            if (start < i) {
                String masked = maskable ? maskOf(text, start, i) : null;
                if (masked != null) {
                    if (!signature.startsWith(masked, wordAt)) {
                        return false;
                    }
                    j = wordAt + masked.length();
                } else if (!same) {
                    return false;
                }
                if (j >= length || signature.charAt(j++) != ' ') {
                    return false;
                }
            }
        }
        return j == length;
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

    /** Where a signature goes. */
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
        int i = wordingStart(text, n);
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (start < i) {
                mask(text, start, i, out);
                out.append(' ');
            }
        }
    }

    /**
     * Where the wording of {@code text[0, n)} starts: after the addresses it starts with (a bounce
     * quotes a reply after the recipient's address: {@code <rcpt>: host X said: 550 ...}).
     */
    static int wordingStart(String text, int n) {
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int word = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (word == i || !isAddress(text, word, i)) {
                return start;
            }
        }
        return n;
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
            if (text.charAt(i) == '(' && text.regionMatches(true, i, marker, 0, marker.length())) {  // no other character folds to '('
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
        String masked = maskOf(text, start, end);
        if (masked != null) {
            out.append(masked);
        } else {
            for (int i = start; i < end; i++) {
                out.append(Character.toLowerCase(text.charAt(i)));
            }
        }
    }

    /**
     * What stands for a word {@code text[start, end)} that holds an {@code @}: {@code <address>} for
     * the address, with the characters the word has around it kept in lower case, so that brackets
     * and a tag glued to the address still count (Barracuda's {@code (ADDRESS:blocked)} is not
     * {@code (ADDRESS:virus)}).
     */
    private static String addressMask(String text, int start, int end) {
        int at = text.indexOf('@', start);
        int from = at;
        while (from > start && isLocalPartChar(text.charAt(from - 1))) {
            from--;
        }
        int to = at + 1;
        while (to < end && isDomainChar(text.charAt(to))) {
            to++;
        }
        while (to > at + 1 && text.charAt(to - 1) == '.') {
            to--;
        }
        if (from == start && to == end) {
            return "<address>";
        }
        StringBuilder out = new StringBuilder(end - start + 9);
        for (int i = start; i < from; i++) {
            out.append(Character.toLowerCase(text.charAt(i)));
        }
        out.append("<address>");
        for (int i = to; i < end; i++) {
            out.append(Character.toLowerCase(text.charAt(i)));
        }
        return out.toString();
    }

    /** A character of a local part: {@link AddressLocalParts#isLocalPartChar}, or any non-ASCII letter or digit. */
    private static boolean isLocalPartChar(char c) {
        return c >= 128 ? Character.isLetterOrDigit(c) : AddressLocalParts.isLocalPartChar(c);
    }

    /** A character of a domain name or an address literal. */
    private static boolean isDomainChar(char c) {
        if (c >= 128) {
            return Character.isLetterOrDigit(c);
        }
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '[' || c == ']';
    }

    /** What stands for the word {@code text[start, end)} in a signature: a mask, or null for the word itself in lower case. */
    private static String maskOf(String text, int start, int end) {
        int letters = 0;
        int digits = 0;
        int dots = 0;
        boolean at = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
                letters++;
            } else if (c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c)) {
                digits++;
            } else if (c == '.') {
                dots++;
            } else if (c == '@') {
                at = true;
            }
        }
        if (at) {
            return addressMask(text, start, end);
        } else if (digits > 0 && dots >= 3 && letters == 0) {
            return "<ip>";
        } else if (digits > 0 && letters > 0 && end - start >= 12) {
            return "<token>";
        }
        return null;
    }
}
