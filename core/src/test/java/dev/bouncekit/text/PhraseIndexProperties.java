package dev.bouncekit.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PhraseIndex#scan} against {@link NaiveText}: same phrases, same positions, every end. */
class PhraseIndexProperties {

    static final char[] PHRASE_ALPHABET = {'a', 'b', 'c', 'a', 'b', ' ', 'B', '-', '1', '\u00e9'};

    @Property(tries = 1000)
    void scan_finds_exactly_the_phrases_the_normalized_text_contains(@ForAll("texts") String text,
                                                                      @ForAll("phraseSets") List<String> phrases) {
        NaiveText naive = new NaiveText(text);
        PhraseIndex index = new PhraseIndex(phrases, p -> true);
        PhraseIndex.Matches found = index.scan(text);

        List<Integer> expected = phrasesIn(naive, phrases);
        List<Integer> actual = new ArrayList<>();
        for (int i = 0; i < found.count(); i++) {
            actual.add(found.phrase(i));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        for (int i = 0; i < found.count(); i++) {
            String phrase = phrases.get(found.phrase(i));
            List<Integer> ends = naive.ends(phrase);
            assertThat(found.first(i)).as("first end of '%s'", phrase).isEqualTo(ends.get(0));
            assertThat(found.last(i)).as("last end of '%s'", phrase).isEqualTo(ends.get(ends.size() - 1));
            assertThat(found.ends(i)).as("ends of '%s'", phrase).containsExactly(ends.stream().mapToInt(Integer::intValue).toArray());
            assertThat(found.indexOf(found.phrase(i))).isEqualTo(i);
            if (i > 0) {
                assertThat(found.first(i)).as("in order of first occurrence").isGreaterThanOrEqualTo(found.first(i - 1));
            }
        }
    }

    @Property(tries = 1000)
    void with_full_rows_for_the_root_alone_a_scan_finds_what_one_with_rows_for_all_states_finds(
            @ForAll("texts") String text, @ForAll("phraseSets") List<String> phrases) {
        // The root's row only: every deeper state is read from its record, a phrase's tail by its
        // one edge to the next state.
        assertFindsWhatTheNaiveSearchFinds(new PhraseIndex(phrases, p -> true, 1, 0), text, phrases);
    }

    @Property(tries = 1000)
    void with_rows_for_the_root_and_the_states_where_phrases_branch_or_end_a_scan_finds_the_same(
            @ForAll("texts") String text, @ForAll("phraseSets") List<String> phrases) {
        // Every deeper state that branches or ends a phrase has a row (its own, or its failure
        // link's), and a phrase's tail reads the row of its failure link on a mismatch.
        assertFindsWhatTheNaiveSearchFinds(new PhraseIndex(phrases, p -> true, 1, Integer.MAX_VALUE), text, phrases);
    }

    @Property(tries = 1000)
    void with_rows_for_some_deeper_states_only_a_scan_finds_the_same(
            @ForAll("texts") String text, @ForAll("phraseSets") List<String> phrases) {
        // A budget of a few rows: the shallowest states that branch have one, the others are read
        // from their records, and a tail whose failure link has no row reads the row of FAR.
        assertFindsWhatTheNaiveSearchFinds(new PhraseIndex(phrases, p -> true, 1, 16), text, phrases);
    }

    private static void assertFindsWhatTheNaiveSearchFinds(PhraseIndex index, String text, List<String> phrases) {
        PhraseIndex.Matches found = index.scan(text);
        NaiveText naive = new NaiveText(text);

        List<Integer> expected = phrasesIn(naive, phrases);
        List<Integer> actual = new ArrayList<>();
        for (int i = 0; i < found.count(); i++) {
            actual.add(found.phrase(i));
            List<Integer> ends = naive.ends(phrases.get(found.phrase(i)));
            assertThat(found.ends(i)).as("ends of '%s'", phrases.get(found.phrase(i)))
                    .containsExactly(ends.stream().mapToInt(Integer::intValue).toArray());
            if (i > 0) {
                assertThat(found.first(i)).as("in order of first occurrence").isGreaterThanOrEqualTo(found.first(i - 1));
            }
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Property(tries = 1000)
    void without_boundaries_a_phrase_is_found_where_the_normalized_text_contains_it(@ForAll("texts") String text,
                                                                                     @ForAll("plainPhraseSets") List<String> phrases) {
        String normalized = TextNormalizer.normalize(text);
        PhraseIndex.Matches found = new PhraseIndex(phrases).scan(text);

        for (int p = 0; p < phrases.size(); p++) {
            String phrase = phrases.get(p);
            int at = found.indexOf(p);
            assertThat(at >= 0).as("'%s' in '%s'", phrase, normalized).isEqualTo(normalized.contains(phrase));
            if (at >= 0) {
                assertThat(found.first(at)).isEqualTo(normalized.indexOf(phrase) + phrase.length() - 1);
                assertThat(found.last(at)).isEqualTo(normalized.lastIndexOf(phrase) + phrase.length() - 1);
                assertThatThrownBy(() -> found.ends(at)).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Property(tries = 500)
    void end_at_or_after_is_the_earliest_end_from_there(@ForAll("texts") String text, @ForAll("phraseSets") List<String> phrases,
                                                        @ForAll("positions") int from) {
        NaiveText naive = new NaiveText(text);
        PhraseIndex.Matches found = new PhraseIndex(phrases, p -> true).scan(text);

        for (int i = 0; i < found.count(); i++) {
            int expected = naive.ends(phrases.get(found.phrase(i))).stream().filter(e -> e >= from).findFirst().orElse(-1);
            assertThat(found.endAtOrAfter(i, from)).isEqualTo(expected);
        }
    }

    @Property(tries = 500)
    void a_reused_result_gives_what_a_fresh_one_gives(@ForAll("texts") String before, @ForAll("texts") String text,
                                                      @ForAll("phraseSets") List<String> phrases) {
        PhraseIndex index = new PhraseIndex(phrases, p -> p % 2 == 0);
        PhraseIndex.Matches reused = index.newMatches();
        index.scan(before.repeat(40), reused);
        index.scan(text, reused);
        PhraseIndex.Matches fresh = index.scan(text);

        assertThat(reused.count()).isEqualTo(fresh.count());
        for (int i = 0; i < fresh.count(); i++) {
            assertThat(reused.phrase(i)).isEqualTo(fresh.phrase(i));
            assertThat(reused.first(i)).isEqualTo(fresh.first(i));
            assertThat(reused.last(i)).isEqualTo(fresh.last(i));
            assertThat(reused.indexOf(fresh.phrase(i))).isEqualTo(i);
            if (index.keepsAllEnds(fresh.phrase(i))) {
                assertThat(reused.ends(i)).containsExactly(fresh.ends(i));
            }
        }
    }

    /**
     * Phrases enough for more than 65,535 states: most states then have no full row and some rows
     * lead to states a char cannot number, so scans take every path of the automaton.
     */
    static final List<String> MANY_PHRASES = manyPhrases();
    static final PhraseIndex LARGE = new PhraseIndex(MANY_PHRASES, p -> p % 3 == 0);

    private static List<String> manyPhrases() {
        Random random = new Random(15);
        char[] alphabet = {'a', 'b', 'c', 'd', 'e', ' ', '-', '1', '\u00e9'};
        Set<String> phrases = new LinkedHashSet<>();
        while (phrases.size() < 10_000) {
            StringBuilder phrase = new StringBuilder();
            int length = 9 + random.nextInt(7);
            for (int i = 0; i < length; i++) {
                phrase.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String body = TextNormalizer.normalize(phrase.toString());
            if (!body.isEmpty()) {
                phrases.add((random.nextInt(4) == 0 ? PhraseIndex.BOUNDARY : "") + body
                        + (random.nextInt(4) == 0 ? PhraseIndex.BOUNDARY : ""));
            }
        }
        return List.copyOf(phrases);
    }

    @Property(tries = 200)
    void a_large_index_finds_what_the_normalized_text_contains(@ForAll("pieces") List<Integer> pieces, @ForAll("texts") String filler) {
        StringBuilder text = new StringBuilder();
        for (int piece : pieces) {
            String phrase = MANY_PHRASES.get(piece % MANY_PHRASES.size()).replace(PhraseIndex.BOUNDARY, "");
            text.append(piece % 2 == 0 ? phrase : phrase.substring(0, piece % phrase.length()).toUpperCase());
            text.append(filler, 0, Math.min(filler.length(), piece % 5));
        }
        NaiveText naive = new NaiveText(text.toString());
        PhraseIndex.Matches found = LARGE.scan(text);

        List<Integer> expected = phrasesIn(naive, MANY_PHRASES);
        List<Integer> actual = new ArrayList<>();
        for (int i = 0; i < found.count(); i++) {
            actual.add(found.phrase(i));
            List<Integer> ends = naive.ends(MANY_PHRASES.get(found.phrase(i)));
            assertThat(found.first(i)).isEqualTo(ends.get(0));
            assertThat(found.last(i)).isEqualTo(ends.get(ends.size() - 1));
            if (LARGE.keepsAllEnds(found.phrase(i))) {
                assertThat(found.ends(i)).containsExactly(ends.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Property(tries = 300)
    void a_result_reused_over_many_phrases_answers_for_each_what_a_fresh_one_does(
            @ForAll("texts") String first, @ForAll("texts") String second, @ForAll("texts") String third,
            @ForAll("largePhraseSets") List<String> phrases) {
        PhraseIndex index = new PhraseIndex(phrases, p -> p % 3 == 0);
        PhraseIndex.Matches reused = index.newMatches();
        for (String text : List.of(first.repeat(5), second, third.repeat(3), second)) {
            index.scan(text, reused);
            PhraseIndex.Matches fresh = index.scan(text);
            NaiveText naive = new NaiveText(text);
            assertThat(reused.count()).isEqualTo(fresh.count());
            for (int p = -1; p <= phrases.size() + 64; p++) {
                int at = reused.indexOf(p);
                assertThat(at).isEqualTo(fresh.indexOf(p));
                if (p >= 0 && p < phrases.size()) {
                    assertThat(at >= 0).isEqualTo(!naive.ends(phrases.get(p)).isEmpty());
                }
                if (at >= 0) {
                    assertThat(reused.phrase(at)).isEqualTo(p);
                    assertThat(reused.first(at)).isEqualTo(fresh.first(at));
                    assertThat(reused.last(at)).isEqualTo(fresh.last(at));
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> pieces() {
        return Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(NaiveText.TEXT_ALPHABET).list().ofMaxSize(60)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(-1, 62);
    }

    @Provide
    Arbitrary<List<String>> phraseSets() {
        return phrase(true).list().ofMinSize(1).ofMaxSize(8);
    }

    /** Up to 150 phrases (not all distinct), so that a text holds more than the 16 a result keeps without hashing. */
    @Provide
    Arbitrary<List<String>> largePhraseSets() {
        return phrase(true).list().ofMinSize(1).ofMaxSize(150);
    }

    @Provide
    Arbitrary<List<String>> plainPhraseSets() {
        return phrase(false).list().ofMinSize(1).ofMaxSize(8);
    }

    /** A phrase in normalized form, not empty; with {@code boundaries}, maybe with {@code \b} at either end. */
    static Arbitrary<String> phrase(boolean boundaries) {
        Arbitrary<String> body = Arbitraries.of(PHRASE_ALPHABET).list().ofMinSize(1).ofMaxSize(5)
                .map(chars -> TextNormalizer.normalize(chars.stream().map(String::valueOf).reduce("", String::concat)))
                .filter(s -> !s.isEmpty());
        if (!boundaries) {
            return body;
        }
        Arbitrary<Boolean> edge = Arbitraries.of(false, false, true);
        return Combinators.combine(edge, body, edge).as((leading, text, trailing) ->
                (leading ? PhraseIndex.BOUNDARY : "") + text + (trailing ? PhraseIndex.BOUNDARY : ""));
    }

    /** The positions of the phrases the naive search finds in the text. */
    private static List<Integer> phrasesIn(NaiveText naive, List<String> phrases) {
        List<Integer> found = new ArrayList<>();
        for (int p = 0; p < phrases.size(); p++) {
            if (!naive.ends(phrases.get(p)).isEmpty()) {
                found.add(p);
            }
        }
        return found;
    }
}
