package dev.bouncekit.receiver.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Glob patterns found by their literal ends: a value can only match {@code *.example.org} or
 * {@code s1@*.example} if it ends with {@code .example.org} or {@code .example} (and, for the second,
 * starts with {@code s1@}). The patterns are kept in a trie of their last literal parts read
 * backwards, with the first literal part of each, so that one backward walk over a value finds the
 * patterns whose two ends it has. Patterns that end with {@code *} are kept by their first literal
 * part, read forwards. A pattern with neither ({@code *}, {@code *x*}) is not kept here: the caller
 * tries it on every value. A candidate is a pattern worth comparing, which the caller compares whole.
 */
final class GlobIndex {

    /**
     * One trie node: the patterns whose key ends here (position and literal start), and the next
     * characters: most nodes have one, kept in two fields; a map only where keys branch.
     */
    private static final class Node {
        private static final int[] NO_POSITIONS = new int[0];
        private static final String[] NO_STARTS = new String[0];

        private char onlyChar;
        private Node only;
        private Map<Character, Node> more;
        private int[] positions = NO_POSITIONS;
        private String[] starts = NO_STARTS;

        Node child(char c) {
            Node next = next(c);
            if (next != null) {
                return next;
            }
            next = new Node();
            if (only == null) {
                onlyChar = c;
                only = next;
            } else {
                if (more == null) {
                    more = new HashMap<>();
                }
                more.put(c, next);
            }
            return next;
        }

        Node next(char c) {
            if (only != null && onlyChar == c) {
                return only;
            }
            return more == null ? null : more.get(c);
        }

        void add(int position, String start) {
            positions = Arrays.copyOf(positions, positions.length + 1);
            positions[positions.length - 1] = position;
            starts = Arrays.copyOf(starts, starts.length + 1);
            starts[starts.length - 1] = start;
        }
    }

    private final Node byEnd = new Node();
    private final Node byStart = new Node();

    /**
     * Keeps the pattern of the rule at {@code position}, lower-cased and holding at least one
     * {@code *}; false when it has no literal start or end to be found by (the caller then tries
     * it on every value).
     */
    boolean add(String lowerCasePattern, int position) {
        int firstStar = lowerCasePattern.indexOf('*');
        int lastStar = lowerCasePattern.lastIndexOf('*');
        String start = lowerCasePattern.substring(0, firstStar);
        if (lastStar < lowerCasePattern.length() - 1) {
            Node node = byEnd;
            for (int i = lowerCasePattern.length() - 1; i > lastStar; i--) {
                node = node.child(lowerCasePattern.charAt(i));
            }
            node.add(position, start);
            return true;
        }
        if (firstStar > 0) {
            Node node = byStart;
            for (int i = 0; i < firstStar; i++) {
                node = node.child(lowerCasePattern.charAt(i));
            }
            node.add(position, start);
            return true;
        }
        return false;
    }

    /** Adds to {@code out} the positions of the patterns whose literal ends {@code lowerCaseValue} has. */
    void candidates(String lowerCaseValue, Positions out) {
        int length = lowerCaseValue.length();
        Node node = byEnd;
        for (int i = length - 1; i >= 0 && node != null; i--) {
            node = node.next(lowerCaseValue.charAt(i));
            if (node != null) {
                int endAt = i;  // the literal end is value[i, length); the start must lie before it
                for (int k = 0; k < node.positions.length; k++) {
                    String start = node.starts[k];
                    if (start.length() <= endAt && lowerCaseValue.startsWith(start)) {
                        out.add(node.positions[k]);
                    }
                }
            }
        }
        node = byStart;
        for (int i = 0; i < length && node != null; i++) {
            node = node.next(lowerCaseValue.charAt(i));
            if (node != null) {
                for (int position : node.positions) {
                    out.add(position);
                }
            }
        }
    }
}
