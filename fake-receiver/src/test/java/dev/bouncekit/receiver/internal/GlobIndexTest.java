package dev.bouncekit.receiver.internal;

import dev.bouncekit.receiver.Condition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class GlobIndexTest {

    @Test
    void a_value_finds_the_patterns_whose_literal_ends_it_has_and_no_others() {
        GlobIndex index = new GlobIndex();
        assertThat(index.add("*.example.org", 0)).isTrue();
        assertThat(index.add("s1@*.example", 1)).isTrue();
        assertThat(index.add("10.0.*", 2)).isTrue();
        assertThat(index.add("*", 3)).isFalse();
        assertThat(index.add("*mx*", 4)).isFalse();
        assertThat(index.add("ab*ba", 5)).isTrue();

        assertThat(candidates(index, "mx.example.org")).containsExactly(0);
        assertThat(candidates(index, "s1@host.example")).containsExactly(1);
        assertThat(candidates(index, "s2@host.example")).isEmpty();
        assertThat(candidates(index, "10.0.3.4")).containsExactly(2);
        assertThat(candidates(index, "aba")).isEmpty();  // "ab" and "ba" would overlap
        assertThat(candidates(index, "abba")).containsExactly(5);
    }

    @Test
    void every_value_a_glob_matches_finds_that_glob_among_its_candidates() {
        Random random = new Random(20261203);
        for (int round = 0; round < 300; round++) {
            List<String> patterns = new ArrayList<>();
            GlobIndex index = new GlobIndex();
            List<Integer> unindexed = new ArrayList<>();
            for (int p = 0; p < 20; p++) {
                String pattern = randomText(random, true);
                if (pattern.indexOf('*') < 0) {
                    pattern = random.nextBoolean() ? "*" + pattern : pattern + "*";
                }
                patterns.add(pattern);
                if (!index.add(pattern, p)) {
                    unindexed.add(p);
                }
            }
            for (int v = 0; v < 50; v++) {
                String value = random.nextBoolean() ? randomText(random, false) : instanceOf(patterns.get(random.nextInt(20)), random);
                int[] found = candidates(index, value);
                for (int p = 0; p < patterns.size(); p++) {
                    boolean matches = Condition.recipient(patterns.get(p)).matchesValue(value);
                    boolean candidate = Arrays.stream(found).anyMatch(Integer.valueOf(p)::equals);
                    if (matches) {
                        assertThat(candidate || unindexed.contains(p))
                                .as("%s matches %s but is no candidate", patterns.get(p), value).isTrue();
                    }
                }
            }
        }
    }

    private static int[] candidates(GlobIndex index, String value) {
        Positions out = new Positions(new int[0], 8);
        index.candidates(value, out);
        return out.sorted();
    }

    /** A short text over a small alphabet, so that patterns and values share their ends often. */
    private static String randomText(Random random, boolean stars) {
        String alphabet = stars ? "ab.@*" : "ab.@";
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(7);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** A value the pattern matches: each {@code *} replaced by a short random text. */
    private static String instanceOf(String pattern, Random random) {
        StringBuilder out = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            out.append(c == '*' ? randomText(random, false) : String.valueOf(c));
        }
        return out.toString();
    }
}
