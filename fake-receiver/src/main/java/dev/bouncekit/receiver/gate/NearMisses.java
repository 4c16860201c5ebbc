package dev.bouncekit.receiver.gate;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Picks what came closest to what an assertion expected, by edit distance between addresses, so
 * that a failure can show "did you mean" candidates: a typo in the test or in the code under test.
 */
public final class NearMisses {

    /** How many near misses a failure message shows. */
    public static final int LIMIT = 3;

    private NearMisses() {
    }

    /** Up to {@link #LIMIT} candidates whose key is closest to {@code wanted}, closest first. */
    public static <T> List<T> closest(String wanted, List<T> candidates, Function<T, String> key) {
        String target = TranscriptFacts.normalize(wanted);
        return candidates.stream()
                .sorted(Comparator.comparingInt(c -> distance(target, TranscriptFacts.normalize(key.apply(c)))))
                .limit(LIMIT)
                .toList();
    }

    /** The edit distance (Levenshtein) between two words: characters inserted, deleted or replaced, case counting. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
