package dev.bouncekit.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An Aho-Corasick automaton over a fixed set of phrases, compiled into a deterministic table: one
 * pass over a text finds where each phrase first and last starts, with one table read per
 * character. Built once; safe to share between threads. Time is linear in the text length
 * whatever the text, with no regular expressions and no backtracking.
 */
final class PhraseIndex {

    /** Class of every character that occurs in no phrase: it always leads back to the root. */
    private static final int OTHER = 0;

    private final byte[] asciiClass = new byte[128];
    private final char[] otherChars;
    private final int classes;
    private final int[] delta;
    private final int[] outputStart;
    private final int[] outputs;
    private final int[] phraseLengths;

    PhraseIndex(List<String> phrases) {
        phraseLengths = new int[phrases.size()];
        TreeSet<Character> nonAscii = new TreeSet<>();
        int nextClass = 1;
        for (String phrase : phrases) {
            for (int i = 0; i < phrase.length(); i++) {
                char c = phrase.charAt(i);
                if (c < 128) {
                    if (asciiClass[c] == OTHER) {
                        asciiClass[c] = (byte) nextClass++;
                    }
                } else {
                    nonAscii.add(c);
                }
            }
        }
        otherChars = new char[nonAscii.size()];
        int k = 0;
        for (char c : nonAscii) {
            otherChars[k++] = c;
        }
        classes = nextClass + otherChars.length;

        List<Map<Integer, Integer>> trie = new ArrayList<>();
        List<List<Integer>> own = new ArrayList<>();
        trie.add(new HashMap<>());
        own.add(new ArrayList<>());
        for (int p = 0; p < phrases.size(); p++) {
            String phrase = phrases.get(p);
            phraseLengths[p] = phrase.length();
            int node = 0;
            for (int i = 0; i < phrase.length(); i++) {
                int c = classOf(phrase.charAt(i));
                Integer child = trie.get(node).get(c);
                if (child == null) {
                    child = trie.size();
                    trie.get(node).put(c, child);
                    trie.add(new HashMap<>());
                    own.add(new ArrayList<>());
                }
                node = child;
            }
            own.get(node).add(p);
        }

        int size = trie.size();
        delta = new int[size * classes];
        int[] fail = new int[size];
        List<List<Integer>> out = new ArrayList<>(own);
        int[] queue = new int[size];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        while (head < tail) {
            int node = queue[head++];
            if (node != 0) {
                List<Integer> merged = new ArrayList<>(own.get(node));
                merged.addAll(out.get(fail[node]));
                out.set(node, merged);
            }
            for (int c = 1; c < classes; c++) {
                Integer child = trie.get(node).get(c);
                int viaFail = node == 0 ? 0 : delta[fail[node] * classes + c];
                if (child == null) {
                    delta[node * classes + c] = viaFail;
                } else {
                    delta[node * classes + c] = child;
                    fail[child] = viaFail;
                    queue[tail++] = child;
                }
            }
        }
        outputStart = new int[size + 1];
        int total = 0;
        for (int node = 0; node < size; node++) {
            outputStart[node] = total;
            total += out.get(node).size();
        }
        outputStart[size] = total;
        outputs = new int[total];
        for (int node = 0; node < size; node++) {
            int at = outputStart[node];
            for (int p : out.get(node)) {
                outputs[at++] = p;
            }
        }
    }

    private int classOf(char c) {
        if (c < 128) {
            return asciiClass[c];
        }
        int i = Arrays.binarySearch(otherChars, c);
        return i < 0 ? OTHER : classes - otherChars.length + i;
    }

    /**
     * Scans {@code text} once and records into {@code hits} the first and last start index of
     * every phrase that occurs.
     */
    void scan(String text, PhraseHits hits) {
        int node = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            int c = ch < 128 ? asciiClass[ch] : classOf(ch);
            node = c == OTHER ? 0 : delta[node * classes + c];
            int end = outputStart[node + 1];
            for (int o = outputStart[node]; o < end; o++) {
                int p = outputs[o];
                hits.record(p, i - phraseLengths[p] + 1);
            }
        }
    }

    int size() {
        return phraseLengths.length;
    }
}
