package dev.bouncekit.provider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lower-case ASCII names (host suffixes, mailbox domains) to their provider, looked up as the
 * longest name that a range of a text ends with at a label boundary, in any ASCII case and in one
 * pass over the range from its end. The table holds every name and every tail of a name that
 * starts after a dot ({@code com}, {@code google.com} for {@code l.google.com}), so the walk stops
 * at the first tail no name ends with.
 */
final class SuffixTable {

    /** The value of a tail that is no name itself. */
    private static final Optional<Provider> TAIL_ONLY = Optional.empty();

    /**
     * What {@link #longest} answers when it reads a character outside ASCII: no provider, only a
     * mark, compared by identity, that the caller must look the name up in another way (lower case
     * makes some such characters ASCII letters, such as the Kelvin sign {@code k}).
     */
    static final Optional<Provider> NOT_ASCII = Optional.of(new Provider("", "", List.of(), List.of(), List.of()));

    private final String[] keys;
    private final Optional<Provider>[] values;
    private final int mask;

    /** First name given wins, as in a {@code putIfAbsent} over {@code names}. */
    @SuppressWarnings("unchecked")
    SuffixTable(Map<String, Provider> names) {
        Map<String, Optional<Provider>> entries = new HashMap<>();
        names.forEach((name, provider) -> entries.put(name, Optional.of(provider)));
        for (String name : names.keySet()) {
            for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
                entries.putIfAbsent(name.substring(dot + 1), TAIL_ONLY);
            }
        }
        int size = Integer.highestOneBit(Math.max(4, entries.size() * 3)) * 2;
        keys = new String[size];
        values = new Optional[size];
        mask = size - 1;
        entries.forEach((key, value) -> {
            int k = spread(key.hashCode()) & mask;
            while (keys[k] != null) {
                k = (k + 1) & mask;
            }
            keys[k] = key;
            values[k] = value;
        });
    }

    /**
     * The provider of the longest name that {@code text[from, to)} ends with, read with ASCII upper
     * case as lower case, starting at {@code from} or just after a dot (the empty tail, at
     * {@code to}, only when {@code to} is such a place); null when there is none, never an empty
     * {@code Optional}; {@link #NOT_ASCII} when a character it reads is outside ASCII. The walk
     * stops at the first tail no name ends with: the characters before it are not read, and no
     * name ends with them, whatever their case.
     */
    Optional<Provider> longest(String text, int from, int to) {
        Optional<Provider> found = null;
        if (to == from || text.charAt(to - 1) == '.') {
            Optional<Provider> v = find(0, text, to, to);
            if (v == null || to == from) {
                return v != null && v.isPresent() ? v : null;
            }
            found = v.isPresent() ? v : null;
        }
        // Each character read once: a dot ends the tail after it, whose hash is complete.
        int h = 0;
        int power = 1;
        for (int i = to - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c >= 128) {
                return NOT_ASCII;
            }
            if (c == '.' && i + 1 < to) {
                Optional<Provider> v = find(h, text, i + 1, to);
                if (v == null) {
                    return found;  // no name ends with this tail, so none with a longer one
                }
                if (v.isPresent()) {
                    found = v;
                }
            }
            h += lower(c) * power;
            power *= 31;
        }
        Optional<Provider> v = find(h, text, from, to);
        return v != null && v.isPresent() ? v : found;
    }

    private Optional<Provider> find(int h, String text, int from, int to) {
        int length = to - from;
        for (int k = spread(h) & mask; keys[k] != null; k = (k + 1) & mask) {
            String key = keys[k];
            if (key.length() == length && matches(key, text, from)) {
                return values[k];
            }
        }
        return null;
    }

    private static boolean matches(String key, String text, int from) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != lower(text.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
