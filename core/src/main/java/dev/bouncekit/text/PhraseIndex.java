package dev.bouncekit.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A multi-phrase index: one pass over a text finds every phrase that occurs, with where it first
 * and last starts. Built once (Aho-Corasick, compiled to a dense automaton over the characters the
 * phrases use); immutable and safe to share between threads. Scanning costs one table lookup per
 * character whatever the text, with no regular expressions and no backtracking.
 *
 * <p>Phrases are given in {@link TextNormalizer} form; texts are scanned as they are, and matched as
 * if normalized: case is folded and every run of white space counts as one space, inside the
 * automaton, without building the normalized text.
 */
public final class PhraseIndex {

    private static final int[] NONE = new int[0];

    /** Character (as found in a text) to alphabet symbol; 0 is every character no phrase uses. */
    private final char[] symbolOf = new char[Character.MAX_VALUE + 1];
    private final int alphabet;
    private final int spaceSymbol;
    private final int[] delta;
    private final int[][] outputs;
    private final int phraseCount;

    /** Builds the index over {@code phrases}; phrase {@code i} is reported as index {@code i}. */
    public PhraseIndex(List<String> phrases) {
        phraseCount = phrases.size();
        char[] symbolOfFolded = new char[Character.MAX_VALUE + 1];
        int symbols = 1;
        for (String phrase : phrases) {
            for (int i = 0; i < phrase.length(); i++) {
                char c = TextNormalizer.fold(phrase.charAt(i));
                if (symbolOfFolded[c] == 0) {
                    symbolOfFolded[c] = (char) symbols++;
                }
            }
        }
        if (symbolOfFolded[' '] == 0) {
            symbolOfFolded[' '] = (char) symbols++;
        }
        alphabet = symbols;
        spaceSymbol = symbolOfFolded[' '];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            symbolOf[c] = symbolOfFolded[TextNormalizer.fold((char) c)];
        }
        List<Map<Integer, Integer>> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(new HashMap<>());
        out.add(new ArrayList<>());
        for (int p = 0; p < phrases.size(); p++) {
            String phrase = phrases.get(p);
            int node = 0;
            for (int i = 0; i < phrase.length(); i++) {
                int symbol = symbolOf[phrase.charAt(i)];  // phrases are folded already
                Integer child = trie.get(node).get(symbol);
                if (child == null) {
                    child = trie.size();
                    trie.get(node).put(symbol, child);
                    trie.add(new HashMap<>());
                    out.add(new ArrayList<>());
                }
                node = child;
            }
            out.get(node).add(p);
        }
        int states = trie.size();
        delta = new int[states * alphabet];
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            out.get(node).addAll(node == 0 ? List.of() : out.get(fail[node]));
            Map<Integer, Integer> children = trie.get(node);
            for (int symbol = 1; symbol < alphabet; symbol++) {
                Integer child = children.get(symbol);
                if (child == null) {
                    delta[node * alphabet + symbol] = delta[fail[node] * alphabet + symbol];
                } else {
                    fail[child] = node == 0 ? 0 : delta[fail[node] * alphabet + symbol];
                    delta[node * alphabet + symbol] = child;
                    queue.add(child);
                }
            }
        }
        outputs = new int[states][];
        for (int node = 0; node < states; node++) {
            List<Integer> own = out.get(node);
            outputs[node] = own.isEmpty() ? NONE : own.stream().mapToInt(Integer::intValue).distinct().toArray();
        }
    }

    /**
     * Scans {@code text} once.
     *
     * @return the phrases that occur, with the index in {@code text} where each first and last ends
     */
    public Matches scan(String text) {
        Matches matches = new Matches(phraseCount);
        int state = 0;
        int n = text.length();
        boolean afterSpace = true;
        for (int i = 0; i < n; i++) {
            int symbol = symbolOf[text.charAt(i)];
            if (symbol == spaceSymbol) {
                if (afterSpace) {
                    continue;
                }
                afterSpace = true;
            } else {
                afterSpace = false;
            }
            state = delta[state * alphabet + symbol];
            int[] found = outputs[state];
            for (int p : found) {
                matches.add(p, i);
            }
        }
        return matches;
    }

    /** The number of phrases. */
    public int size() {
        return phraseCount;
    }

    /** The phrases found by one {@link #scan}: each once, in order of first occurrence. */
    public static final class Matches {
        private static final int SMALL = 16;
        private final int universe;
        private int count;
        private int[] phrases = new int[8];
        private int[] firsts = new int[8];
        private int[] lasts = new int[8];
        /** Phrase to match position, once more than {@link #SMALL} phrases occur. */
        private int[] slots;

        private Matches(int universe) {
            this.universe = universe;
        }

        private void add(int phrase, int start) {
            int at = indexOf(phrase);
            if (at >= 0) {
                lasts[at] = start;
                return;
            }
            if (count == phrases.length) {
                phrases = Arrays.copyOf(phrases, count * 2);
                firsts = Arrays.copyOf(firsts, count * 2);
                lasts = Arrays.copyOf(lasts, count * 2);
            }
            phrases[count] = phrase;
            firsts[count] = start;
            lasts[count] = start;
            if (slots != null) {
                slots[phrase] = count;
            } else if (count == SMALL) {
                slots = new int[universe];
                Arrays.fill(slots, -1);
                for (int i = 0; i <= count; i++) {
                    slots[phrases[i]] = i;
                }
            }
            count++;
        }

        /** How many distinct phrases occur. */
        public int count() {
            return count;
        }

        /** The phrase index of match {@code i}. */
        public int phrase(int i) {
            return phrases[i];
        }

        /** Where match {@code i} first ends (index of its last character). */
        public int first(int i) {
            return firsts[i];
        }

        /** Where match {@code i} last ends (index of its last character). */
        public int last(int i) {
            return lasts[i];
        }

        /** The position in this list of {@code phrase}, or -1 when it does not occur. */
        public int indexOf(int phrase) {
            if (slots != null) {
                return slots[phrase];
            }
            for (int i = 0; i < count; i++) {
                if (phrases[i] == phrase) {
                    return i;
                }
            }
            return -1;
        }
    }
}
