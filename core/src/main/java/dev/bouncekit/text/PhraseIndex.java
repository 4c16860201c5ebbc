package dev.bouncekit.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over a fixed set of phrases: one pass over a text finds where each
 * phrase first and last starts. Built once; safe to share between threads. Time is linear in the
 * text length whatever the text, with no regular expressions and no backtracking.
 */
public final class PhraseIndex {

    private final char[][] keys;
    private final int[][] next;
    private final int[] fail;
    private final int[][] outputs;
    private final int[] phraseLengths;

    /** Builds the automaton over {@code phrases}; phrase {@code i} is reported as index {@code i}. */
    public PhraseIndex(List<String> phrases) {
        List<Map<Character, Integer>> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(new HashMap<>());
        out.add(new ArrayList<>());
        phraseLengths = new int[phrases.size()];
        for (int p = 0; p < phrases.size(); p++) {
            String phrase = phrases.get(p);
            phraseLengths[p] = phrase.length();
            int node = 0;
            for (int i = 0; i < phrase.length(); i++) {
                char c = phrase.charAt(i);
                Integer child = trie.get(node).get(c);
                if (child == null) {
                    child = trie.size();
                    trie.get(node).put(c, child);
                    trie.add(new HashMap<>());
                    out.add(new ArrayList<>());
                }
                node = child;
            }
            out.get(node).add(p);
        }
        int size = trie.size();
        keys = new char[size][];
        next = new int[size][];
        for (int node = 0; node < size; node++) {
            Map<Character, Integer> children = trie.get(node);
            char[] k = new char[children.size()];
            int i = 0;
            for (char c : children.keySet()) {
                k[i++] = c;
            }
            Arrays.sort(k);
            int[] t = new int[k.length];
            for (i = 0; i < k.length; i++) {
                t[i] = children.get(k[i]);
            }
            keys[node] = k;
            next[node] = t;
        }
        fail = new int[size];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : next[0]) {
            fail[child] = 0;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int i = 0; i < keys[node].length; i++) {
                char c = keys[node][i];
                int child = next[node][i];
                int f = fail[node];
                int target;
                while (true) {
                    target = step(f, c);
                    if (target >= 0 || f == 0) {
                        break;
                    }
                    f = fail[f];
                }
                fail[child] = target >= 0 && target != child ? target : 0;
                out.get(child).addAll(out.get(fail[child]));
                queue.add(child);
            }
        }
        outputs = new int[size][];
        for (int node = 0; node < size; node++) {
            outputs[node] = out.get(node).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private int step(int node, char c) {
        int i = Arrays.binarySearch(keys[node], c);
        return i >= 0 ? next[node][i] : -1;
    }

    /**
     * Scans {@code text} once. {@code first[p]} and {@code last[p]} receive the first and last
     * start index of phrase {@code p}, or -1 when it does not occur.
     *
     * @return how many distinct phrases occur
     */
    public int scan(String text, int[] first, int[] last) {
        Arrays.fill(first, -1);
        Arrays.fill(last, -1);
        int found = 0;
        int node = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int target;
            while ((target = step(node, c)) < 0 && node != 0) {
                node = fail[node];
            }
            node = Math.max(target, 0);
            for (int p : outputs[node]) {
                int start = i - phraseLengths[p] + 1;
                if (first[p] < 0) {
                    first[p] = start;
                    found++;
                }
                last[p] = start;
            }
        }
        return found;
    }

    /** The number of phrases. */
    public int size() {
        return phraseLengths.length;
    }
}
