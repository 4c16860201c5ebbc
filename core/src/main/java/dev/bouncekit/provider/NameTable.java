package dev.bouncekit.provider;

import java.util.Optional;

/**
 * Lower-case ASCII names (host suffixes, mailbox domains) to their provider, looked up by a range
 * of a text in any ASCII case, without copying the range. First name given wins.
 */
final class NameTable {

    private final String[] keys;
    private final Optional<Provider>[] values;
    private final int mask;

    @SuppressWarnings("unchecked")
    NameTable(java.util.Map<String, Provider> names) {
        int size = Integer.highestOneBit(Math.max(4, names.size() * 3)) * 2;
        keys = new String[size];
        values = new Optional[size];
        mask = size - 1;
        for (java.util.Map.Entry<String, Provider> e : names.entrySet()) {
            int k = spread(e.getKey().hashCode()) & mask;
            while (keys[k] != null && !keys[k].equals(e.getKey())) {
                k = (k + 1) & mask;
            }
            if (keys[k] == null) {
                keys[k] = e.getKey();
                values[k] = Optional.of(e.getValue());
            }
        }
    }

    /**
     * The provider of {@code text[from, to)} with ASCII upper case read as lower case, or null.
     * The range must be ASCII.
     */
    Optional<Provider> get(CharSequence text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + lower(text.charAt(i));
        }
        int length = to - from;
        for (int k = spread(h) & mask; keys[k] != null; k = (k + 1) & mask) {
            String key = keys[k];
            if (key.length() == length && matches(key, text, from)) {
                return values[k];
            }
        }
        return null;
    }

    private static boolean matches(String key, CharSequence text, int from) {
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
